import type Database from 'better-sqlite3';
import { run } from '../ticket-rows';
import type { ReportFacts, ReportFactsReader } from './report-facts';
import * as rows from './report-fact-rows';

const SQL = rows.reportFactsSql('?', '?');

/**
 * The tickets and ratings of Vietnam days [from, to], read in one
 * transaction so a ticket served meanwhile is not counted twice or half.
 */
export function readReportFacts(db: Database.Database, from: string, to: string): ReportFacts {
  return db.transaction(() => ({
    tickets: db
      .prepare<[string, string], rows.TicketFactRow>(SQL.tickets)
      .all(from, to)
      .map(rows.ticketFact),
    ratings: db
      .prepare<[string, string], rows.RatingFactRow>(SQL.ratings)
      .all(from, to)
      .map(rows.ratingFact),
  }))();
}

/** readReportFacts as a ReportFactsReader for this machine's SQLite. */
export function sqliteReportFacts(db: Database.Database): ReportFactsReader {
  return (from, to) => run(() => readReportFacts(db, from, to));
}
