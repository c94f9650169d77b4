import type { RatingFact, TicketFact } from './report-figures';

/** The tickets and ratings of Vietnam days [from, to], as every store reads them for a report. */
export interface ReportFacts {
  readonly tickets: readonly TicketFact[];
  readonly ratings: readonly RatingFact[];
}

/**
 * Reads one store's facts in one snapshot, so a ticket served meanwhile is
 * not counted twice or half. One per store (SQLite, PostgreSQL); the figures
 * (report-figures.ts) are one copy over either.
 */
export type ReportFactsReader = (from: string, to: string) => Promise<ReportFacts>;
