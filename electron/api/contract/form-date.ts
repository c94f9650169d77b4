/**
 * Dates in e-form values. People read and type dd/mm/yyyy; the chip and the
 * store speak yyyy-mm-dd. Both spellings are accepted in a date field, so a
 * value the chip filled needs no rewriting before the core checks it.
 */

const DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when the day exists: 29/02 only in leap years, no 31/04. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** dd/mm/yyyy or yyyy-mm-dd naming a real day. */
export function isFormDate(value: string): boolean {
  const dmy = DMY.exec(value);
  if (dmy) return isCalendarDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const iso = ISO.exec(value);
  if (iso) return isCalendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return false;
}

/** `dd/mm/yyyy` → `yyyy-mm-dd`; undefined when it is not that spelling of a real day. */
export function formDateToIso(value: string): string | undefined {
  const dmy = DMY.exec(value.trim());
  if (!dmy || !isFormDate(dmy[0])) return undefined;
  return `${dmy[3] ?? ''}-${dmy[2] ?? ''}-${dmy[1] ?? ''}`;
}

/** `yyyy-mm-dd` → `dd/mm/yyyy`; anything else (a chip's partial date) unchanged. */
export function isoToFormDate(value: string): string {
  const iso = ISO.exec(value);
  return iso ? `${iso[3] ?? ''}/${iso[2] ?? ''}/${iso[1] ?? ''}` : value;
}
