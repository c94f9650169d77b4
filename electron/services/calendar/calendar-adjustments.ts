import { z } from 'zod';

/**
 * The adjustments file: the year's civil-service day swaps (hoán đổi ngày
 * làm việc), announced each year by the Ministry of Home Affairs. One year's
 * object or an array of them:
 *
 *   { "year": 2026, "source": "TB 9441/TB-BNV",
 *     "daysOff": ["2026-08-31"], "workdays": ["2026-08-22"] }
 */
const IsoDateSchema = z.iso.date();

export const CalendarAdjustmentYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** The announcement, e.g. "TB 9441/TB-BNV". */
    source: z.string().min(1).max(200),
    daysOff: z.array(IsoDateSchema).max(60).default([]),
    workdays: z.array(IsoDateSchema).max(60).default([]),
  })
  .strict()
  .superRefine((entry, ctx) => {
    for (const field of ['daysOff', 'workdays'] as const) {
      entry[field].forEach((date, i) => {
        if (!date.startsWith(`${String(entry.year)}-`)) {
          ctx.addIssue({
            code: 'custom',
            path: [field, i],
            message: `not in year ${String(entry.year)}`,
          });
        }
      });
    }
    const both = entry.daysOff.filter((d) => entry.workdays.includes(d));
    if (both.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['workdays'],
        message: `both a day off and a workday: ${both.join(', ')}`,
      });
    }
  });

const FileSchema = z.union([
  z.array(CalendarAdjustmentYearSchema).max(100),
  CalendarAdjustmentYearSchema,
]);

export type CalendarAdjustmentYear = z.infer<typeof CalendarAdjustmentYearSchema>;
export type CalendarAdjustments = readonly CalendarAdjustmentYear[];

/** The adjustments file is unreadable or wrong; the built-in calendar stays in force. */
export class CalendarAdjustmentsError extends Error {
  readonly vi: string;
  readonly en: string;
  constructor(vi: string, en: string) {
    super(en);
    this.name = 'CalendarAdjustmentsError';
    this.vi = vi;
    this.en = en;
  }
}

const ADVICE_VI =
  'Sửa tệp điều chỉnh lịch (calendar.adjustmentsFile); trong khi chờ, kiosk dùng lịch nghỉ có sẵn.';
const ADVICE_EN =
  'Fix the calendar adjustments file (calendar.adjustmentsFile); meanwhile the built-in holidays apply.';

/** Validates the parsed JSON; throws CalendarAdjustmentsError naming the first bad entry. */
export function parseCalendarAdjustments(
  json: unknown,
  fileName = 'calendar adjustments',
): CalendarAdjustments {
  const list = Array.isArray(json) ? json : [json];
  for (const [i, entry] of list.entries()) {
    const result = CalendarAdjustmentYearSchema.safeParse(entry);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue === undefined ? '' : issue.path.join('.');
      const value = describeValue(entry, issue?.path ?? []);
      const message = issue?.message ?? 'invalid';
      throw new CalendarAdjustmentsError(
        `Tệp ${fileName}: mục ${String(i + 1)}${yearOf(entry)}, trường "${where}"${value} không hợp lệ (${message}). ${ADVICE_VI}`,
        `File ${fileName}: entry ${String(i + 1)}${yearOf(entry)}, field "${where}"${value} is invalid (${message}). ${ADVICE_EN}`,
      );
    }
  }
  const parsed = FileSchema.safeParse(json);
  if (!parsed.success) {
    throw new CalendarAdjustmentsError(
      `Tệp ${fileName} không đúng dạng (cần một đối tượng năm hoặc một mảng). ${ADVICE_VI}`,
      `File ${fileName} has the wrong shape (one year object or an array of them). ${ADVICE_EN}`,
    );
  }
  return Array.isArray(parsed.data) ? parsed.data : [parsed.data];
}

function yearOf(entry: unknown): string {
  if (
    typeof entry === 'object' &&
    entry !== null &&
    'year' in entry &&
    typeof entry.year === 'number'
  ) {
    return ` (${String(entry.year)})`;
  }
  return '';
}

function describeValue(entry: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = entry;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return '';
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return typeof node === 'string' || typeof node === 'number' ? ` = ${JSON.stringify(node)}` : '';
}
