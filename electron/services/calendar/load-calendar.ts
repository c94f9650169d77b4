import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CalendarAdjustments } from './calendar-adjustments';
import { CalendarAdjustmentsError, parseCalendarAdjustments } from './calendar-adjustments';
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

/** The working calendar; never throws: a bad adjustments file is reported and ignored. */
export async function loadCalendar(opts: CalendarOptions = {}): Promise<LoadedCalendar> {
  const file = opts.adjustmentsFile ?? '';
  if (file === '') return { calendar: createWorkingCalendar(), error: null };
  let adjustments: CalendarAdjustments;
  try {
    adjustments = parseCalendarAdjustments(await readJson(file), basename(file));
  } catch (err) {
    const error =
      err instanceof CalendarAdjustmentsError
        ? err
        : new CalendarAdjustmentsError(
            `Không đọc được tệp điều chỉnh lịch ${file}. Kiểm tra đường dẫn calendar.adjustmentsFile; trong khi chờ, kiosk dùng lịch nghỉ có sẵn.`,
            `Cannot read the calendar adjustments file ${file}. Check calendar.adjustmentsFile; meanwhile the built-in holidays apply.`,
          );
    return { calendar: createWorkingCalendar(), error };
  }
  return { calendar: createWorkingCalendar(adjustments), error: null };
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new CalendarAdjustmentsError(
      `Tệp ${basename(file)} không phải JSON hợp lệ (${detail}). Sửa tệp; trong khi chờ, kiosk dùng lịch nghỉ có sẵn.`,
      `File ${basename(file)} is not valid JSON (${detail}). Fix it; meanwhile the built-in holidays apply.`,
    );
  }
}
