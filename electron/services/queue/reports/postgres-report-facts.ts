import type { PostgresCentreDb } from '../postgres-centre-db';
import { queueOffline } from '../postgres-connection';
import type { ReportFactsReader } from './report-facts';
import * as rows from './report-fact-rows';

const SQL = rows.reportFactsSql('$1', '$2');

/**
 * The report's facts from the centre's shared PostgreSQL: every machine's
 * tickets and ratings, in one REPEATABLE READ snapshot.
 */
export function postgresReportFacts(db: PostgresCentreDb): ReportFactsReader {
  return (from, to) =>
    db.online(
      async (client) => {
        const tickets = await client.query<rows.TicketFactRow>(SQL.tickets, [from, to]);
        const ratings = await client.query<rows.RatingFactRow>(SQL.ratings, [from, to]);
        return { tickets: tickets.rows.map(rows.ticketFact), ratings: ratings.rows.map(rows.ratingFact) };
      },
      queueOffline,
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
}
