import type { PostgresCentreDb } from '../postgres-centre-db';
import { queueOffline } from '../postgres-connection';
import type { ReportFactsReader } from './report-facts';
import {
  ratingFact,
  reportFactsSql,
  ticketFact,
  type RatingFactRow,
  type TicketFactRow,
} from './report-fact-rows';

const SQL = reportFactsSql('$1', '$2');

/**
 * The report's facts from the centre's shared PostgreSQL: every machine's
 * tickets and ratings, in one REPEATABLE READ snapshot.
 */
export function postgresReportFacts(db: PostgresCentreDb): ReportFactsReader {
  return (from, to) =>
    db.online(
      async (client) => {
        const tickets = await client.query<TicketFactRow>(SQL.tickets, [from, to]);
        const ratings = await client.query<RatingFactRow>(SQL.ratings, [from, to]);
        return { tickets: tickets.rows.map(ticketFact), ratings: ratings.rows.map(ratingFact) };
      },
      queueOffline,
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
}
