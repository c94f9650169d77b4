import { addDays, fromVnLocal, minutesOf, vnLocal } from './civil-date';
import type { IsoDate, WorkingCalendar } from './working-calendar';

/** One office session, local time `HH:MM`. */
export interface OfficeSession {
  readonly start: string;
  readonly end: string;
}
export type OfficeHours = readonly OfficeSession[];

export const DEFAULT_OFFICE_HOURS: OfficeHours = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

export interface DueProcedure {
  /** Working days of the legal time limit; 0 = same day. */
  readonly processingDays: number;
  /** Same-day procedures: receipt at or after this local `HH:MM` is due the next working day. */
  readonly sameDayCutoff: string | null;
}

/** No run of days off is longer than this (Tết with its weekends is 9). */
const MAX_DAYS_OFF_IN_A_ROW = 60;

function nextWorkingDay(calendar: WorkingCalendar, after: IsoDate): IsoDate {
  let day = addDays(after, 1);
  for (let i = 0; i < MAX_DAYS_OFF_IN_A_ROW; i += 1) {
    if (calendar.isWorkingDay(day)) return day;
    day = addDays(day, 1);
  }
  throw new RangeError(
    `no working day within ${String(MAX_DAYS_OFF_IN_A_ROW)} days after ${after}`,
  );
}

/**
 * The appointment (thời gian trả kết quả) of a dossier, in Asia/Ho_Chi_Minh
 * local time whatever the machine's time zone.
 *
 * 1. Effective receipt: a working day before closing (end of the last
 *    session) counts as received that day; receipt on a day off or at or
 *    after closing counts as received at the next working day's opening.
 * 2. N ≥ 1 working days: the count starts on the next working day after the
 *    effective receipt day, so the due day is the N-th working day after it.
 * 3. Same day (N = 0): received before the cutoff (`sameDayCutoff`, else
 *    closing) it is due that day; at or after the cutoff, the next working
 *    day. So 14:59 is today and 15:00 or 15:01 tomorrow for a 15:00 cutoff.
 * 4. Time of day: closing time of the due day (17:00 by default). The law
 *    counts whole working days, so the result is due by the end of that day;
 *    the receipt prints that time and the applicant may come any time in it.
 */
export function dueDate(
  receivedAt: Date,
  procedure: DueProcedure,
  calendar: WorkingCalendar,
  officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
): Date {
  const days = procedure.processingDays;
  if (!Number.isInteger(days) || days < 0 || days > 3650) {
    throw new RangeError(`processingDays must be a whole number of days, got ${String(days)}`);
  }
  if (Number.isNaN(receivedAt.getTime())) throw new RangeError('receivedAt is not a valid date');
  const first = officeHours[0];
  const last = officeHours[officeHours.length - 1];
  if (first === undefined || last === undefined) throw new RangeError('office hours are empty');
  const opening = minutesOf(first.start);
  const closing = minutesOf(last.end);

  const local = vnLocal(receivedAt);
  let day = local.date;
  let at = local.minutes;
  if (!calendar.isWorkingDay(day) || at >= closing) {
    day = nextWorkingDay(calendar, day);
    at = opening;
  }
  if (days === 0) {
    const cutoff = procedure.sameDayCutoff === null ? closing : minutesOf(procedure.sameDayCutoff);
    if (at >= cutoff) day = nextWorkingDay(calendar, day);
  } else {
    for (let i = 0; i < days; i += 1) day = nextWorkingDay(calendar, day);
  }
  return fromVnLocal(day, closing);
}
