import type { CentreConfig } from '../config/centre-schema';
import { PostgresAppointmentBook } from './appointments/postgres-appointment-book';
import type { OfflineTicketStash } from './offline-ticket-stash';
import { PostgresCentreDb } from './postgres-centre-db';
import { PostgresCentreQueue } from './postgres-centre-queue';
import { queueAreasOf } from './queue-rules';
import { PostgresRatings } from './ratings/postgres-ratings';
import { postgresReportFacts } from './reports/postgres-report-facts';
import type { ReportFactsReader } from './reports/report-facts';

/** One machine's stores on the centre's shared PostgreSQL. */
export interface SharedCentre {
  readonly queue: PostgresCentreQueue;
  readonly appointments: PostgresAppointmentBook;
  readonly ratings: PostgresRatings;
  readonly reportFacts: ReportFactsReader;
  /** Ends the queue's background work and LISTEN, then each pool once. */
  close(): Promise<void>;
}

/**
 * Opens a machine's two pools and the stores on them. Takes, calls and
 * appointment pick-ups share the `queue` pool (short transactions); ratings
 * and reports have their own, so a long report never holds up "Gọi số tiếp
 * theo". With the queue's LISTEN connection a machine holds at most
 * 2 × the pool size + 1 connections. Pools connect on first use.
 */
export function openSharedCentre(input: {
  readonly centre: CentreConfig;
  readonly url: string;
  /** Recorded on tickets, blocks and ratings, and in pg_stat_activity's application_name. */
  readonly machine: string;
  /** A ticket kiosk's reserved numbers; absent: no offline numbers. */
  readonly stash?: OfflineTicketStash;
  /** Tests only: a fixed clock instead of the database's. */
  readonly now?: () => number;
}): SharedCentre {
  const calls = new PostgresCentreDb(input.url, input.machine, 'queue');
  const reports = calls.withPoolFor('reports');
  const clock = input.now === undefined ? {} : { now: input.now };
  const queue = new PostgresCentreQueue({
    centre: input.centre,
    db: calls,
    ...(input.stash === undefined ? {} : { stash: input.stash }),
    ...clock,
  });
  return {
    queue,
    appointments: new PostgresAppointmentBook({ centre: input.centre, db: calls, ...clock }),
    ratings: new PostgresRatings(reports, { areas: queueAreasOf(input.centre), ...clock }),
    reportFacts: postgresReportFacts(reports),
    close: async () => {
      // The queue first: its pending write-backs still need the pool.
      await queue.close();
      await Promise.all([calls.close(), reports.close()]);
    },
  };
}
