import { describe, expect, it } from 'vitest';
import { formDateToIso, isFormDate, isoToFormDate } from './form-date';

describe('e-form dates', () => {
  it('a date is a real calendar day written dd/mm/yyyy or yyyy-mm-dd', () => {
    expect(isFormDate('01/12/2026')).toBe(true);
    expect(isFormDate('2026-12-01')).toBe(true);
    expect(isFormDate('29/02/2024')).toBe(true);
    expect(isFormDate('29/02/2023')).toBe(false);
    expect(isFormDate('29/02/2025')).toBe(false);
    expect(isFormDate('1/12/2026')).toBe(false);
    expect(isFormDate('7/3/1990')).toBe(false);
  });

  it('dd/mm/yyyy converts to ISO only when the day exists', () => {
    expect(formDateToIso('07/03/1990')).toBe('1990-03-07');
    expect(formDateToIso(' 07/03/1990 ')).toBe('1990-03-07');
    expect(formDateToIso('31/04/1990')).toBeUndefined();
    expect(formDateToIso('1990-03-07')).toBeUndefined();
  });

  it("the chip's ISO date reads dd/mm/yyyy; a partial date is left as it is", () => {
    expect(isoToFormDate('1985-03-14')).toBe('14/03/1985');
    expect(isoToFormDate('1985')).toBe('1985');
  });
});
