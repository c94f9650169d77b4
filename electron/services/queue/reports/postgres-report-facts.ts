import type { PriorityReason, TicketStatus } from '../centre-queue-store';
import type { PostgresCentreDb } from '../postgres-centre-db';
import { queueOffline } from '../postgres-connection';
import type { ReportFactsReader } from './report-facts';
import type { RatingScore } from './report-figures';

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

interface RatingFactRow {
  day: string;
  counter: number;
  clerk: string | null;
  score: RatingScore;
}

/**
 * The report's facts from the centre's shared PostgreSQL: every machine's
 * tickets and ratings, in one REPEATABLE READ snapshot. The CHECK
 * constraints of the centre schema keep status, priority and score within
 * their types; bigint times arrive as numbers (postgres-connection.ts).
 */
export function postgresReportFacts(db: PostgresCentreDb): ReportFactsReader {
  return (from, to) =>
    db.online(
      async (client) => {
        const tickets = await client.query<TicketFactRow>(
          `SELECT day, area, status, priority, taken_at, first_called_at, called_at, served_at
           FROM queue_tickets WHERE day BETWEEN $1 AND $2 ORDER BY day, number`,
          [from, to],
        );
        const ratings = await client.query<RatingFactRow>(
          `SELECT day, counter, clerk, score FROM queue_ratings
           WHERE day BETWEEN $1 AND $2 ORDER BY day, rated_at`,
          [from, to],
        );
        return {
          tickets: tickets.rows.map((r) => ({
            day: r.day,
            area: r.area,
            status: r.status,
            priority: r.priority,
            takenAt: r.taken_at,
            firstCalledAt: r.first_called_at,
            calledAt: r.called_at,
            servedAt: r.served_at,
          })),
          ratings: ratings.rows.map((r) => ({
            day: r.day,
            counter: r.counter,
            clerk: r.clerk,
            score: r.score,
          })),
        };
      },
      queueOffline,
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
}
