import { describe, expect, it } from 'vitest';
import { lunarToSolar, tetDate } from './lunar-calendar';

describe('the Vietnamese lunar calendar (UTC+7)', () => {
  // Tết 2025–2029 as published; 2030 is 2/2 in Vietnam but 3/2 in China (new
  // moon 2/2 23:07 at UTC+7, 00:07 on 3/2 at UTC+8): scienceinfo.net
  // "why-is-the-vietnamese-and-chinese-new-year-a-day-different", viet-jo.com 2006.
  it.each([
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    [2030, '2030-02-02'],
  ])('Tết %i falls on %s', (year, date) => {
    expect(tetDate(year)).toBe(date);
  });

  it('is computed at UTC+7, where Tết 1985 and 2007 differ from the Chinese calendar', () => {
    expect(tetDate(1985)).toBe('1985-01-21'); // China: 1985-02-20
    expect(tetDate(2007)).toBe('2007-02-17'); // China: 2007-02-18
  });

  it.each([
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
    [2028, '2028-04-04'],
    [2029, '2029-04-23'],
    [2030, '2030-04-12'],
  ])('Giỗ Tổ Hùng Vương (10/3 âm lịch) %i falls on %s', (year, date) => {
    expect(lunarToSolar(year, 3, 10)).toBe(date);
  });

  it('places a leap month after its namesake: the 2025 leap 6th month starts on 25/7/2025', () => {
    expect(lunarToSolar(2025, 6, 1)).toBe('2025-06-25');
    expect(lunarToSolar(2025, 6, 1, true)).toBe('2025-07-25');
    expect(() => lunarToSolar(2026, 6, 1, true)).toThrow(RangeError);
  });
});
