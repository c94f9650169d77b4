import { describe, expect, it } from 'vitest';
import { citizenStatusText } from './citizen-status-text';

const due = Date.UTC(2026, 11, 3, 10, 0, 0);

describe('the citizen status text', () => {
  it('invites the citizen to the counter when the portal says 9', () => {
    expect(citizenStatusText({ status: '9', dueAt: due, now: due, counterName: 'Quầy 2' }).vi).toBe(
      'Đã có kết quả — mời Ông/Bà đến quầy nhận (Quầy 2)',
    );
  });

  it('names the return day in Vietnam time', () => {
    const late = Date.UTC(2026, 11, 4, 18, 30, 0); // 01:30 on 05/12 in Vietnam
    expect(citizenStatusText({ status: '10', dueAt: due, now: late, returnedAt: late }).vi).toBe(
      'Đã trả kết quả ngày 05/12/2026',
    );
  });

  it('sends a citizen asked for a supplement to the named counter, without listing what is missing', () => {
    const text = citizenStatusText({ status: '5', dueAt: due, now: due, counterName: 'Quầy 2' }).vi;
    expect(text).toMatch(/^Cần bổ sung hồ sơ — mời Ông\/Bà đến quầy Quầy 2 /);
    expect(text).not.toContain(':');
  });

  it('names the new date of a Mẫu 04 apology until it passes', () => {
    const newDue = Date.UTC(2026, 11, 10, 10, 0, 0);
    const text = citizenStatusText({
      status: '4',
      dueAt: newDue,
      now: due + 1,
      apologyDueAt: newDue,
    });
    expect(text.vi).toContain('xin lỗi');
    expect(text.vi).toContain('hẹn trả kết quả ngày 10/12/2026');
    const after = citizenStatusText({
      status: '4',
      dueAt: newDue,
      now: newDue + 1,
      apologyDueAt: newDue,
    });
    expect(after.vi).toContain('ngày hẹn mới sẽ được báo tại quầy');
  });

  it('apologises for an overdue dossier', () => {
    const text = citizenStatusText({ status: '4', dueAt: due, now: due + 1 }).vi;
    expect(text).toContain('xin lỗi');
    expect(text).toContain('03/12/2026');
  });

  it('keeps the plain label for other statuses', () => {
    expect(citizenStatusText({ status: '2', dueAt: due, now: due - 1 }).vi).toBe('Được tiếp nhận');
  });
});
