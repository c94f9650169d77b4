import type { CalendarAdjustments } from './calendar-adjustments';
import { isWeekend, parseIsoDate } from './civil-date';
import { ANNOUNCED_SWAPS, builtInDaysOff } from './holidays';

/** A civil date in Vietnam, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A day with no office hours that would otherwise be a Monday–Friday. */
export interface DayOff {
  readonly date: IsoDate;
  /** holiday: Art. 112.1; compensatory: nghỉ bù, Art. 111.3; swap: hoán đổi ngày làm việc. */
  readonly kind: 'holiday' | 'compensatory' | 'swap';
  readonly name: { readonly vi: string; readonly en: string };
  /** Where it comes from: the law, an announcement, or the adjustments file. */
  readonly source: string;
}

/** A Saturday or Sunday (or a default holiday) that is worked, by a swap or an override. */
export interface ExtraWorkday {
  readonly date: IsoDate;
  readonly source: string;
}

export interface WorkingCalendar {
  /** Monday–Friday and not a day off; or a listed workday (which wins over everything). */
  isWorkingDay(date: IsoDate): boolean;
  /** The year's days off besides ordinary weekends, sorted by date. */
  daysOff(year: number): readonly DayOff[];
  /** The year's listed workdays (weekend days worked, or default holidays overridden), sorted. */
  extraWorkdays(year: number): readonly ExtraWorkday[];
}

interface Year {
  readonly daysOff: readonly DayOff[];
  readonly workdays: readonly ExtraWorkday[];
  readonly off: ReadonlySet<IsoDate>;
  readonly work: ReadonlySet<IsoDate>;
}

/**
 * The built-in holidays plus day swaps. For a year the adjustments list, its
 * entries replace the built-in announced swaps of that year: `daysOff` adds
 * days off, `workdays` makes days worked (e.g. a bridging Saturday, or a
 * default Tết day the government placed differently).
 */
export function createWorkingCalendar(adjustments: CalendarAdjustments = []): WorkingCalendar {
  const years = new Map<number, Year>();

  const build = (year: number): Year => {
    const fromFile = adjustments.filter((a) => a.year === year);
    const swaps = fromFile.length > 0 ? fromFile : ANNOUNCED_SWAPS.filter((a) => a.year === year);
    const workdays: ExtraWorkday[] = swaps
      .flatMap((s) => s.workdays.map((date) => ({ date, source: s.source })))
      .sort((a, b) => a.date.localeCompare(b.date));
    const work = new Set(workdays.map((w) => w.date));
    const daysOff = new Map<IsoDate, DayOff>();
    for (const d of builtInDaysOff(year)) daysOff.set(d.date, d);
    for (const s of swaps) {
      for (const date of s.daysOff) {
        if (!daysOff.has(date) && !isWeekend(date)) {
          daysOff.set(date, {
            date,
            kind: 'swap',
            name: { vi: 'Nghỉ hoán đổi ngày làm việc', en: 'Swapped day off' },
            source: s.source,
          });
        }
      }
    }
    const list = [...daysOff.values()]
      .filter((d) => !work.has(d.date))
      .sort((a, b) => a.date.localeCompare(b.date));
    return { daysOff: list, workdays, off: new Set(list.map((d) => d.date)), work };
  };

  const yearOf = (year: number): Year => {
    let y = years.get(year);
    if (y === undefined) {
      y = build(year);
      years.set(year, y);
    }
    return y;
  };

  return {
    isWorkingDay(date) {
      const y = yearOf(parseIsoDate(date).year);
      if (y.work.has(date)) return true;
      return !isWeekend(date) && !y.off.has(date);
    },
    daysOff: (year) => yearOf(year).daysOff,
    extraWorkdays: (year) => yearOf(year).workdays,
  };
}
