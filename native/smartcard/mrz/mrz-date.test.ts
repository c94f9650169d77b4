import { describe, expect, it } from 'vitest';
import { birthDateToIso, expiryDateToIso } from './mrz-date';

describe('MRZ dates', () => {
  const today = new Date('2026-11-25T00:00:00Z');

  it('put a birth date in the latest century that is not in the future', () => {
    expect(birthDateToIso('850314', today)).toBe('1985-03-14');
    expect(birthDateToIso('100101', today)).toBe('2010-01-01');
    expect(birthDateToIso('261125', today)).toBe('2026-11-25');
    expect(birthDateToIso('261126', today)).toBe('1926-11-26');
  });

  it('put an expiry date in the 2000s', () => {
    expect(expiryDateToIso('250314')).toBe('2025-03-14');
    expect(expiryDateToIso('991231')).toBe('2099-12-31');
  });

  it('refuse February 29 in a year that is not a leap year', () => {
    expect(() => expiryDateToIso('250229')).toThrow(/YYMMDD/);
    expect(expiryDateToIso('280229')).toBe('2028-02-29');
  });
});
