import type { IsoDate } from './working-calendar';

/**
 * Civil dates and Vietnam local time. Vietnam keeps UTC+7 all year (no
 * daylight saving since 1975), so local time is epoch + 7 h read as UTC,
 * whatever the machine's time zone.
 */
export const VN_OFFSET_MINUTES = 7 * 60;
const DAY_MS = 86_400_000;
/** Julian Day Number of 1970-01-01. */
const JDN_EPOCH = 2_440_588;

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Julian Day Number (Gregorian calendar) of a civil date. */
export function jdnOf(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS + JDN_EPOCH;
}

export function fromJdn(jdn: number): IsoDate {
  const d = new Date((jdn - JDN_EPOCH) * DAY_MS);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromJdn(jdnOf(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return (((jdnOf(date) + 1) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

/** `HH:MM` to minutes after midnight. */
export function minutesOf(hhmm: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (match === null) throw new RangeError(`not an HH:MM time: ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The Vietnam civil date and minute of the day of an instant. */
export function vnLocal(instant: Date): { date: IsoDate; minutes: number } {
  const shifted = new Date(instant.getTime() + VN_OFFSET_MINUTES * 60_000);
  return {
    date: isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()),
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

/** The instant of a Vietnam civil date at a minute of the day. */
export function fromVnLocal(date: IsoDate, minutes: number): Date {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day) + (minutes - VN_OFFSET_MINUTES) * 60_000);
}
