import type Database from 'better-sqlite3';
import type { PriorityReason, TicketStatus } from '../centre-queue-store';
import type { RatingFact, RatingScore, TicketFact } from './report-figures';
import { run } from '../ticket-rows';
import type { ReportFactsReader } from './report-facts';

interface TicketFactRow {
  day: string;
  area: string;
  status: TicketStatus;
  priority: PriorityReason | null;
  taken_at: number;
  first_called_at: number | null;
  called_at: number | null;
  served_at: number | null;
}

/**
 * The tickets and ratings of Vietnam days [from, to] (YYYY-MM-DD compares as
 * text), read in one transaction so a ticket served meanwhile is not counted
 * twice or half. The CHECK constraints of queue:0001/0002 keep status, priority
 * and score within their types.
 */
export function readReportFacts(
  db: Database.Database,
  from: string,
  to: string,
): { tickets: TicketFact[]; ratings: RatingFact[] } {
  return db.transaction(() => {
    const tickets = db
      .prepare<[string, string], TicketFactRow>(
        `SELECT day, area, status, priority, taken_at, first_called_at, called_at, served_at
         FROM queue_tickets WHERE day BETWEEN ? AND ? ORDER BY day, number`,
      )
      .all(from, to)
      .map((r) => ({
        day: r.day,
        area: r.area,
        status: r.status,
        priority: r.priority,
        takenAt: r.taken_at,
        firstCalledAt: r.first_called_at,
        calledAt: r.called_at,
        servedAt: r.served_at,
      }));
    const ratings = db
      .prepare<[string, string], RatingFact>(
        `SELECT day, counter, clerk, score AS score FROM queue_ratings
         WHERE day BETWEEN ? AND ? ORDER BY day, rated_at`,
      )
      .all(from, to)
      .map((r) => ({ day: r.day, counter: r.counter, clerk: r.clerk, score: r.score satisfies RatingScore }));
    return { tickets, ratings };
  })();
}

/** readReportFacts as a ReportFactsReader for this machine's SQLite. */
export function sqliteReportFacts(db: Database.Database): ReportFactsReader {
  return (from, to) => run(() => readReportFacts(db, from, to));
}
