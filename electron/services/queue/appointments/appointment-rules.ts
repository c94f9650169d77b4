import { addDays, minutesOf, vnLocal } from '../../calendar/civil-date';
import type { Appointment, Arrival } from './appointment-book';

/**
 * The appointment rules as pure functions, shared by both books and the
 * check-in: the window around the slot, which appointment a card picks up.
 */

/** A citizen within this many minutes of the slot, before or after, came on time. */
export const WINDOW_MINUTES = 30;
/** Appointments older than this are deleted when a new one is booked (kept only for the purpose). */
export const KEEP_DAYS = 30;

const SLOT = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isSlot(value: string): boolean {
  return SLOT.test(value);
}

/** A real calendar date in YYYY-MM-DD form. */
export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Early before slot − 30 min, late after slot + 30 min, on time in between (both ends included). */
export function arrivalAt(slot: string, minutes: number): Arrival {
  const offset = minutes - minutesOf(slot);
  if (offset < -WINDOW_MINUTES) return 'early';
  if (offset > WINDOW_MINUTES) return 'late';
  return 'on_time';
}

/**
 * Which of a card's appointments that day a check-in picks up: the open one
 * whose slot is nearest to now (a citizen with 08:00 and 14:00 who comes at
 * 13:50 picks up 14:00); `already` with the last one picked up when none is
 * open; `none` without any.
 */
export function chooseAppointment<T extends Pick<Appointment, 'slot' | 'checkedInAt'>>(
  rows: readonly T[],
  minutes: number,
): { readonly kind: 'open' | 'already'; readonly row: T } | { readonly kind: 'none' } {
  const open = rows.filter((r) => r.checkedInAt === null);
  const distance = (r: T) => Math.abs(minutesOf(r.slot) - minutes);
  const nearest = [...open].sort(
    (a, b) => distance(a) - distance(b) || a.slot.localeCompare(b.slot),
  )[0];
  if (nearest !== undefined) return { kind: 'open', row: nearest };
  const last = [...rows].sort((a, b) => (b.checkedInAt ?? 0) - (a.checkedInAt ?? 0))[0];
  return last === undefined ? { kind: 'none' } : { kind: 'already', row: last };
}

/**
 * Initials as the clerk typed them, kept short on purpose (the book holds
 * no names): up to 6 letters, dots and spaces, NFC upper-cased; null when empty.
 */
export function normaliseInitials(raw: string | null | undefined): string | null | undefined {
  const value = (raw ?? '').normalize('NFC').trim().toLocaleUpperCase('vi');
  if (value === '') return null;
  const letters = value.replace(/[.\s]/g, '');
  if (!/^\p{L}{1,6}$/u.test(letters) || value.length > 12) return undefined;
  return value;
}

/** The first day still kept on `today` (older appointments are deleted). */
export function oldestKept(today: string): string {
  return addDays(today, -KEEP_DAYS);
}

/** Today's date and minute of the day in Vietnam, whatever the machine's time zone. */
export function vnNow(at: number): { readonly day: string; readonly minutes: number } {
  const { date, minutes } = vnLocal(new Date(at));
  return { day: date, minutes };
}
