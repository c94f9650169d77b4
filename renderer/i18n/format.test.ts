import { describe, expect, it } from 'vitest';
import { formatClockDate, formatDate, formatDateTime } from './format';

describe('Vietnamese date formats', () => {
  it('writes a record date as dd/mm/yyyy', () => {
    expect(formatDate('1985-03-14')).toBe('14/03/1985');
  });

  it('writes times on a 24-hour clock beside dd/mm/yyyy, in Vietnam time whatever the machine zone', () => {
    // 25/11/2026 08:05:09 at UTC+7 is 01:05:09 UTC.
    const at = Date.UTC(2026, 10, 25, 1, 5, 9);
    expect(formatDateTime(at)).toBe('25/11/2026 08:05');
    expect(formatClockDate(new Date(at).toISOString())).toBe('08:05:09 25/11/2026');
  });

  it('names the Vietnamese day for a time that is still the previous day in UTC', () => {
    expect(formatDateTime(Date.UTC(2026, 10, 25, 17, 30))).toBe('26/11/2026 00:30');
  });
});
