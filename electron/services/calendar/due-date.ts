import type { WorkingCalendar } from './working-calendar';

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
  /** Same-day procedures: receipt after this local `HH:MM` is due the next working day. */
  readonly sameDayCutoff: string | null;
}

export function dueDate(
  receivedAt: Date,
  procedure: DueProcedure,
  calendar: WorkingCalendar,
  officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
): Date {
  void receivedAt;
  void procedure;
  void calendar;
  void officeHours;
  throw new Error('not yet implemented');
}
