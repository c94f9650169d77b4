import { describe, expect, it } from 'vitest';
import { ticketLines, vnClockDate, waitText } from './ticket-text';

const ticket = {
  number: '0042',
  areaName: ' Chứng thực ',
  peopleAhead: 0,
  estimatedWaitMinutes: 0,
  takenAt: new Date('2026-12-06T17:05:00Z'),
  centreName: 'Bộ phận Một cửa UBND xã Bình Sơn',
  lookupQr: 'x',
};

const plain = (text: string): string => text.replace(/\u2060/g, '');

describe('the ticket wording', () => {
  it('is written in Vietnam time, so 17:05 UTC is the next morning', () => {
    expect(vnClockDate(new Date('2026-12-06T17:05:00Z'))).toBe('00:05, ngày 07/12/2026');
  });

  it('says nobody is ahead and the call is near, and prints no priority line', () => {
    const lines = ticketLines(ticket);
    expect(plain(lines.peopleAhead)).toBe('Không có ai đang chờ trước Ông/Bà');
    expect(plain(lines.wait)).toBe('Ông/Bà sắp được gọi');
    expect(lines.priority).toBeNull();
    expect(lines.area).toBe('Chứng thực');
    expect(lines.centre).toBe('BỘ PHẬN MỘT CỬA UBND XÃ BÌNH SƠN');
  });

  it('counts people ahead and gives long waits in hours', () => {
    const lines = ticketLines({ ...ticket, peopleAhead: 7, priorityReason: 'Người khuyết tật' });
    expect(plain(lines.peopleAhead)).toBe('Có 7 người đang chờ trước Ông/Bà');
    expect(lines.priority).toBe('ƯU TIÊN: Người khuyết tật');
    expect(waitText(25)).toBe('Thời gian chờ dự kiến: khoảng 25 phút');
    expect(waitText(60)).toBe('Thời gian chờ dự kiến: khoảng 1 giờ');
    expect(waitText(95)).toBe('Thời gian chờ dự kiến: khoảng 1 giờ 35 phút');
  });

  it('keeps "Ông/Bà" on one line with a word joiner', () => {
    expect(ticketLines({ ...ticket, peopleAhead: 3 }).peopleAhead).toContain('Ông/\u2060Bà');
  });
});
