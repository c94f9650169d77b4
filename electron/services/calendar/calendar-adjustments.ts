import { z } from 'zod';

const IsoDateSchema = z.iso.date();

/** One year's civil-service day swaps, as announced by the Ministry of Home Affairs. */
export const CalendarAdjustmentYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** The announcement, e.g. "TB 9441/TB-BNV". */
    source: z.string().min(1).max(200),
    daysOff: z.array(IsoDateSchema).default([]),
    workdays: z.array(IsoDateSchema).default([]),
  })
  .strict();

export const CalendarAdjustmentsSchema = z.union([
  CalendarAdjustmentYearSchema.transform((year) => [year]),
  z.array(CalendarAdjustmentYearSchema),
]);

export type CalendarAdjustments = readonly z.infer<typeof CalendarAdjustmentYearSchema>[];

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

export function parseCalendarAdjustments(json: unknown): CalendarAdjustments {
  return CalendarAdjustmentsSchema.parse(json);
}
