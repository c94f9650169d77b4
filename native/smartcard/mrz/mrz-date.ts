import { MrzError } from './mrz-error';
import type { MrzField } from './mrz-error';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Checks an MRZ date `YYMMDD` is a calendar date (Feb 29 only in years divisible by 4).
 * @throws MrzError MRZ_DATE naming `field`.
 */
export function assertMrzDate(yymmdd: string, field: MrzField): void {
  const bad = (): MrzError =>
    new MrzError(
      'MRZ_DATE',
      field,
      `Ngày trong MRZ (${field}) không hợp lệ: "${yymmdd}" phải có dạng YYMMDD; hãy kiểm tra lại.`,
      `The MRZ date (${field}) is invalid: "${yymmdd}" must be YYMMDD; check it again.`,
    );
  if (!/^\d{6}$/.test(yymmdd)) throw bad();
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  const max = DAYS_IN_MONTH[mm - 1];
  if (max === undefined || dd < 1 || dd > max) throw bad();
  if (mm === 2 && dd === 29 && yy % 4 !== 0) throw bad();
}

/**
 * A birth date `YYMMDD` as ISO `YYYY-MM-DD`: the latest century that does not put
 * the birth after `today` (people are not born in the future).
 */
export function birthDateToIso(yymmdd: string, today: Date): string {
  assertMrzDate(yymmdd, 'birthDate');
  const yy = Number(yymmdd.slice(0, 2));
  const thisYear = today.getUTCFullYear();
  let year = Math.floor(thisYear / 100) * 100 + yy;
  const iso = (y: number): string => `${String(y)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  if (iso(year) > today.toISOString().slice(0, 10)) year -= 100;
  return iso(year);
}

/** An expiry date `YYMMDD` as ISO `YYYY-MM-DD` (chip cards expire after 2000). */
export function expiryDateToIso(yymmdd: string): string {
  assertMrzDate(yymmdd, 'expiryDate');
  return `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}
