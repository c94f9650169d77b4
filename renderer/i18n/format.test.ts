import { describe, expect, it } from 'vitest';
import { formatClockDate, formatDate, formatDateTime } from './format';

describe('Vietnamese date formats', () => {
  it('writes a record date as dd/mm/yyyy', () => {
    expect(formatDate('1985-03-14')).toBe('14/03/1985');
  });

  it('writes times on a 24-hour clock beside dd/mm/yyyy, in local time', () => {
    const at = new Date(2026, 10, 25, 8, 5, 9).getTime();
    expect(formatDateTime(at)).toBe('25/11/2026 08:05');
    expect(formatClockDate(new Date(at).toISOString())).toBe('08:05:09 25/11/2026');
  });
});
