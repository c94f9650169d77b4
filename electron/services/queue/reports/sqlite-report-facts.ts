import type Database from 'better-sqlite3';
import { run } from '../ticket-rows';
import type { ReportFacts, ReportFactsReader } from './report-facts';
import {
  ratingFact,
  reportFactsSql,
  ticketFact,
  type RatingFactRow,
  type TicketFactRow,
} from './report-fact-rows';

const SQL = reportFactsSql('?', '?');

/**
 * The tickets and ratings of Vietnam days [from, to], read in one
 * transaction so a ticket served meanwhile is not counted twice or half.
 */
export function readReportFacts(db: Database.Database, from: string, to: string): ReportFacts {
  return db.transaction(() => ({
    tickets: db
      .prepare<[string, string], TicketFactRow>(SQL.tickets)
      .all(from, to)
      .map(ticketFact),
    ratings: db
      .prepare<[string, string], RatingFactRow>(SQL.ratings)
      .all(from, to)
      .map(ratingFact),
  }))();
}

/** readReportFacts as a ReportFactsReader for this machine's SQLite. */
export function sqliteReportFacts(db: Database.Database): ReportFactsReader {
  return (from, to) => run(() => readReportFacts(db, from, to));
}
