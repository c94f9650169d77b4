import type { RatingScore } from '../../../api/contract/rating';
import type { PriorityReason, TicketStatus } from '../centre-queue-store';
import type { RatingFact, TicketFact } from './report-figures';

/**
 * A report's `queue_tickets` row as SQLite or PostgreSQL returns it (bigint
 * times arrive as numbers, postgres-connection.ts). The CHECK constraints of
 * either schema keep status and priority within their types.
 */
export interface TicketFactRow {
  day: string;
  area: string;
  status: TicketStatus;
  priority: PriorityReason | null;
  taken_at: number;
  first_called_at: number | null;
  called_at: number | null;
  served_at: number | null;
}

/** A report's `queue_ratings` row; the schema's CHECK keeps the score within its type. */
export interface RatingFactRow {
  day: string;
  counter: number;
  clerk: string | null;
  score: RatingScore;
}

/**
 * The two reads of a report, with the store's placeholders for the first
 * and last day (`?` in SQLite, `$1`/`$2` in PostgreSQL); YYYY-MM-DD compares as text.
 */
export function reportFactsSql(from: string, to: string): { tickets: string; ratings: string } {
  return {
    tickets: `SELECT day, area, status, priority, taken_at, first_called_at, called_at, served_at
      FROM queue_tickets WHERE day BETWEEN ${from} AND ${to} ORDER BY day, number`,
    ratings: `SELECT day, counter, clerk, score FROM queue_ratings
      WHERE day BETWEEN ${from} AND ${to} ORDER BY day, rated_at`,
  };
}

export function ticketFact(row: TicketFactRow): TicketFact {
  return {
    day: row.day,
    area: row.area,
    status: row.status,
    priority: row.priority,
    takenAt: row.taken_at,
    firstCalledAt: row.first_called_at,
    calledAt: row.called_at,
    servedAt: row.served_at,
  };
}

export function ratingFact(row: RatingFactRow): RatingFact {
  return { day: row.day, counter: row.counter, clerk: row.clerk, score: row.score };
}
