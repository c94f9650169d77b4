import type { CalendarAdjustmentsError } from './calendar-adjustments';
import type { WorkingCalendar } from './working-calendar';
import { createWorkingCalendar } from './working-calendar';

export interface CalendarOptions {
  /** JSON file of day swaps (config `calendar.adjustmentsFile`); empty or absent = built-in only. */
  readonly adjustmentsFile?: string | undefined;
}

export interface LoadedCalendar {
  readonly calendar: WorkingCalendar;
  /** Why the adjustments file was not applied; the calendar is then the built-in one. */
  readonly error: CalendarAdjustmentsError | null;
}

export async function loadCalendar(opts: CalendarOptions = {}): Promise<LoadedCalendar> {
  void opts;
  return Promise.resolve({ calendar: createWorkingCalendar(), error: null });
}
