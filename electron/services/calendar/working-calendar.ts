import type { CalendarAdjustments } from './calendar-adjustments';

/** A civil date in Vietnam, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A day with no office hours that would otherwise be a Monday–Friday. */
export interface DayOff {
  readonly date: IsoDate;
  /** holiday: Art. 112.1; compensatory: nghỉ bù, Art. 112.3; swap: hoán đổi from the adjustments file. */
  readonly kind: 'holiday' | 'compensatory' | 'swap';
  readonly name: { readonly vi: string; readonly en: string };
  /** Where it comes from: the law, an announcement, or the adjustments file. */
  readonly source: string;
}

/** A Saturday or Sunday worked to bridge a holiday (hoán đổi ngày làm việc). */
export interface ExtraWorkday {
  readonly date: IsoDate;
  readonly source: string;
}

export interface WorkingCalendar {
  /** Monday–Friday, not a holiday, compensatory or swapped day off; or a listed extra workday. */
  isWorkingDay(date: IsoDate): boolean;
  /** The year's days off besides ordinary weekends, sorted by date. */
  daysOff(year: number): readonly DayOff[];
  /** The year's weekend days that are worked, sorted by date. */
  extraWorkdays(year: number): readonly ExtraWorkday[];
}

export function createWorkingCalendar(adjustments: CalendarAdjustments = []): WorkingCalendar {
  void adjustments;
  throw new Error('not yet implemented');
}
