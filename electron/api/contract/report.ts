import { z } from 'zod';
import { method } from './method';

/**
 * Centre reports (issue 19 item 6): the figures Decision 766/QĐ-TTg asks of a
 * one-stop centre — tickets per area, waiting and service times, no-shows,
 * satisfaction per counter and per clerk — for a range of Vietnam civil days.
 * Counts and durations only: no ticket, name or dossier leaves in a report.
 */

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().min(0);
const minutes = z.number().min(0);

/** One histogram bar: durations d with fromMinutes ≤ d < toMinutes (toMinutes null: no upper end). */
export const DurationBucketSchema = z.object({
  fromMinutes: minutes,
  toMinutes: minutes.nullable(),
  count,
});

/** Durations in minutes (one decimal); median, p90 and max are null when nothing was measured. */
export const DistributionSchema = z.object({
  count,
  medianMinutes: minutes.nullable(),
  p90Minutes: minutes.nullable(),
  maxMinutes: minutes.nullable(),
  buckets: z.array(DurationBucketSchema).readonly(),
});

export const TicketCountsSchema = z.object({
  taken: count,
  /** Priority tickets among those taken (elderly, disability, pregnant, merit). */
  priority: count,
  served: count,
  noShows: count,
  /** Still waiting or called when the report was made (or left so at the day's end). */
  waiting: count,
  called: count,
});

export const AreaFiguresSchema = TicketCountsSchema.extend({ code: z.string(), name: z.string() });

/** Ratings by score; satisfiedPercent = (very satisfied + satisfied) / total, one decimal. */
export const SatisfactionSchema = z.object({
  verySatisfied: count,
  satisfied: count,
  neutral: count,
  dissatisfied: count,
  total: count,
  satisfiedPercent: z.number().min(0).max(100).nullable(),
});

export const FiguresSchema = z.object({
  tickets: TicketCountsSchema,
  areas: z.array(AreaFiguresSchema).readonly(),
  /** First call − taking, over every ticket called at least once. */
  waiting: DistributionSchema,
  /** Serving − the call at the serving counter, over served tickets. */
  service: DistributionSchema,
  satisfaction: SatisfactionSchema,
  counters: z.array(SatisfactionSchema.extend({ counter: z.number().int() })).readonly(),
  /** Clerk null: ratings given where no clerk was recorded. */
  clerks: z.array(SatisfactionSchema.extend({ clerk: z.string().nullable() })).readonly(),
});

export const CentreReportSchema = z.object({
  from: isoDay,
  to: isoDay,
  generatedAt: z.number(),
  period: FiguresSchema,
  /** The days of the range that have tickets or ratings, ascending. */
  days: z.array(FiguresSchema.extend({ day: isoDay })).readonly(),
});

export type DurationBucket = z.infer<typeof DurationBucketSchema>;
export type Distribution = z.infer<typeof DistributionSchema>;
export type TicketCounts = z.infer<typeof TicketCountsSchema>;
export type AreaFigures = z.infer<typeof AreaFiguresSchema>;
export type Satisfaction = z.infer<typeof SatisfactionSchema>;
export type Figures = z.infer<typeof FiguresSchema>;
export type CentreReport = z.infer<typeof CentreReportSchema>;

export const reportMethods = {
  /** Staff (clerk or admin): the centre's figures from `from` to `to`, both Vietnam days, inclusive. */
  'report.centre': method(z.object({ from: isoDay, to: isoDay }).strict(), CentreReportSchema),
} as const;
