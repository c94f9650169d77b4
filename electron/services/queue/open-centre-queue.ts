import type Database from 'better-sqlite3';
import { hostname } from 'node:os';
import type { CentreConfig } from '../config/centre-schema';
import type { AppointmentBook } from './appointments/appointment-book';
import { SqliteAppointmentBook } from './appointments/sqlite-appointment-book';
import type { CentreQueueStore } from './centre-queue-store';
import { resolveCentreDb, type CentreDbTarget } from './centre-db-url';
import { OfflineTicketStash } from './offline-ticket-stash';
import { openSharedCentre } from './open-shared-centre';
import { withOtherProcessCalls } from './sqlite-call-watch';
import { queueAreasOf } from './queue-rules';
import type { RatingOutbox, RatingStore } from './ratings/rating-store';
import { SqliteRatings } from './ratings/sqlite-ratings';
import type { ReportFactsReader } from './reports/report-facts';
import { sqliteReportFacts } from './reports/sqlite-report-facts';
import { SqliteCentreQueue } from './sqlite-centre-queue';

export interface OpenedCentreQueue {
  readonly queue: CentreQueueStore;
  /** Appointments picked up with the CCCD, in the same database as the queue. */
  readonly appointments: AppointmentBook;
  /** Citizens' ratings and their delivery outbox, beside the queue's tickets. */
  readonly ratings: RatingStore & RatingOutbox;
  /** The centre report's tickets and ratings, from the same store. */
  readonly reportFacts: ReportFactsReader;
  /** The shared database (password hidden), or null for this machine's SQLite. */
  readonly shared: CentreDbTarget | null;
  /** Ends the PostgreSQL connections after pending write-backs; nothing to do for SQLite. */
  close(): Promise<void>;
}

/**
 * The centre queue this machine uses, with its ratings and report facts:
 * the shared PostgreSQL one when `KIOSK_CENTRE_DB` or `centre.databaseUrl`
 * names it, else the embedded one in the kiosk's SQLite. Ratings and reports
 * always read the store that holds the tickets. The kiosk database (already migrated with
 * kioskMigrations) holds the offline block either way.
 */
export function openCentreQueue(input: {
  readonly database: Database.Database;
  readonly centre: CentreConfig;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * A ticket kiosk (config mode `kiosk`) reserves numbers to issue while the
   * database is away; a counter PC does not (it says the queue is offline),
   * so counters leave no gaps of reserved numbers in the day's sequence.
   */
  readonly offlineNumbers: boolean;
}): OpenedCentreQueue {
  const shared = resolveCentreDb(input.centre, input.env);
  if (shared === null) {
    const watched = withOtherProcessCalls(
      new SqliteCentreQueue(input.database, { centre: input.centre }),
      input.database,
      new Map(input.centre.areas.map((a) => [a.code, a.name])),
    );
    return {
      queue: watched.queue,
      appointments: new SqliteAppointmentBook(input.database, { centre: input.centre }),
      ratings: new SqliteRatings(input.database, { areas: queueAreasOf(input.centre) }),
      reportFacts: sqliteReportFacts(input.database),
      shared,
      close: () => {
        watched.stop();
        return Promise.resolve();
      },
    };
  }
  const opened = openSharedCentre({
    centre: input.centre,
    url: shared.url,
    machine: machineName(input.env),
    ...(input.offlineNumbers ? { stash: new OfflineTicketStash(input.database) } : {}),
  });
  return { ...opened, shared };
}

/** Recorded on tickets and blocks; KIOSK_MACHINE_NAME when several kiosks share a host name. */
function machineName(env: Readonly<Record<string, string | undefined>>): string {
  const named = env.KIOSK_MACHINE_NAME?.trim();
  return named === undefined || named === '' ? hostname() : named;
}
