import { describe, expect, it } from 'vitest';
import { dueDate } from './due-date';
import { createWorkingCalendar } from './working-calendar';

const calendar = createWorkingCalendar();
/** An instant given in Vietnam local time. */
const vn = (local: string): Date => new Date(`${local}:00+07:00`);
const due = (
  receivedLocal: string,
  processingDays: number,
  sameDayCutoff: string | null = null,
): string =>
  // Back to Vietnam local time for readable assertions.
  new Date(
    dueDate(vn(receivedLocal), { processingDays, sameDayCutoff }, calendar).getTime() +
      7 * 3_600_000,
  )
    .toISOString()
    .slice(0, 16);

describe('the appointment date', () => {
  it('counts working days across Tết 2026: received Friday 13/2, 3 days is Wednesday 25/2', () => {
    expect(due('2026-02-13T09:00', 3)).toBe('2026-02-25T17:00');
  });

  it('counts across 30/4–1/5 2026: received Wednesday 29/4 at 10:00, 3 days is Wednesday 6/5', () => {
    expect(due('2026-04-29T10:00', 3)).toBe('2026-05-06T17:00');
  });

  it('counts across 2/9 2026 and its adjacent and swapped days: received Friday 28/8, 2 days is Friday 4/9', () => {
    expect(due('2026-08-28T08:00', 2)).toBe('2026-09-04T17:00');
  });

  it('counts the bridging Saturday 22/8/2026 as a working day', () => {
    expect(due('2026-08-21T08:00', 1)).toBe('2026-08-22T17:00');
  });

  it('skips New Year 2026 and its swapped Friday 2/1, and works the Saturday 10/1 that pays it back', () => {
    expect(due('2025-12-31T10:00', 1)).toBe('2026-01-05T17:00');
    expect(due('2026-01-09T10:00', 1)).toBe('2026-01-10T17:00');
  });

  it('skips Ngày Văn hóa Việt Nam: received Monday 23/11/2026, 1 day is Wednesday 25/11', () => {
    expect(due('2026-11-23T10:00', 1)).toBe('2026-11-25T17:00');
  });

  it('a same-day procedure received at 14:59 is due today, at 15:01 the next working day', () => {
    expect(due('2026-11-25T14:59', 0, '15:00')).toBe('2026-11-25T17:00');
    expect(due('2026-11-25T15:01', 0, '15:00')).toBe('2026-11-26T17:00');
    expect(due('2026-11-27T15:01', 0, '15:00')).toBe('2026-11-30T17:00');
  });

  it('a Friday-afternoon receipt counts from Monday; after closing it counts as received on Monday', () => {
    expect(due('2026-11-27T16:30', 1)).toBe('2026-11-30T17:00');
    expect(due('2026-11-27T17:05', 1)).toBe('2026-12-01T17:00');
  });

  it('a receipt on a Saturday counts from the next working day, same-day procedures included', () => {
    expect(due('2026-11-28T09:00', 2)).toBe('2026-12-02T17:00');
    expect(due('2026-11-28T16:00', 0, '15:00')).toBe('2026-11-30T17:00');
  });

  it('does not depend on the machine time zone', () => {
    const at = dueDate(
      new Date('2026-04-29T03:00:00Z'),
      { processingDays: 3, sameDayCutoff: null },
      calendar,
    );
    expect(at.toISOString()).toBe('2026-05-06T10:00:00.000Z');
  });

  it('uses configured office hours for closing time', () => {
    const at = dueDate(
      vn('2026-11-25T16:45'),
      { processingDays: 0, sameDayCutoff: null },
      calendar,
      [{ start: '08:00', end: '16:30' }],
    );
    expect(at.toISOString()).toBe('2026-11-26T09:30:00.000Z');
  });

  it('refuses a negative or fractional time limit', () => {
    expect(() =>
      dueDate(vn('2026-11-25T10:00'), { processingDays: -1, sameDayCutoff: null }, calendar),
    ).toThrow(RangeError);
    expect(() =>
      dueDate(vn('2026-11-25T10:00'), { processingDays: 1.5, sameDayCutoff: null }, calendar),
    ).toThrow(RangeError);
  });
});
