/**
 * Rules both centre queue stores must apply alike, run on each: SQLite (a
 * file of its own per test) and PostgreSQL (a throwaway cluster). Each store
 * gets a fixed clock, so times and report figures are exact.
 */
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CentreSchema } from '../../../electron/services/config/centre-schema';
import type { CentreQueueStore } from '../../../electron/services/queue/centre-queue-store';
import { queueMigrations } from '../../../electron/services/queue/queue-migrations';
import { readCentreReport } from '../../../electron/services/queue/reports/read-centre-report';
import type { ReportFactsReader } from '../../../electron/services/queue/reports/report-facts';
import { sqliteReportFacts } from '../../../electron/services/queue/reports/sqlite-report-facts';
import { SqliteCentreQueue } from '../../../electron/services/queue/sqlite-centre-queue';
import { migrate } from '../../../electron/services/store/migrator';
import { openDatabase } from '../../../electron/services/store/open-database';
import { centreMachines } from '../../support/centre-machines';
import {
  postgresAvailable,
  startPostgresCluster,
  type PostgresCluster,
} from '../../support/postgres-cluster';

const MINUTE = 60_000;
const centre = CentreSchema.parse({
  areas: [
    { code: 'HT', name: 'Hộ tịch', counters: [1, 2] },
    { code: 'CU', name: 'Cư trú', counters: [3] },
  ],
  maxCalls: 2,
});
/** 08:00 in Vietnam on 2026-12-07. */
const MORNING = Date.UTC(2026, 11, 7, 1, 0);
const TODAY = { from: '2026-12-07', to: '2026-12-07' };

interface Opened {
  readonly queue: CentreQueueStore;
  readonly reportFacts: ReportFactsReader;
}

interface StoreKind {
  readonly name: string;
  readonly available: boolean;
  setUp(): Promise<void>;
  /** A fresh, empty queue on this store, on the given clock. */
  open(now: () => number): Promise<Opened>;
  tearDown(): Promise<void>;
}

function sqliteKind(): StoreKind {
  const opened: { dir: string; db: Database.Database }[] = [];
  return {
    name: 'SQLite',
    available: true,
    setUp: () => Promise.resolve(),
    open(now) {
      const dir = mkdtempSync(join(tmpdir(), 'queue-agree-'));
      const db = openDatabase(join(dir, 'kiosk.sqlite3'));
      migrate(db, queueMigrations);
      opened.push({ dir, db });
      return Promise.resolve({
        queue: new SqliteCentreQueue(db, { centre, now }),
        reportFacts: sqliteReportFacts(db),
      });
    },
    tearDown() {
      for (const { dir, db } of opened.splice(0)) {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      }
      return Promise.resolve();
    },
  };
}

function postgresKind(): StoreKind {
  let cluster: PostgresCluster | undefined;
  const machines = centreMachines(centre);
  let opened = 0;
  return {
    name: 'PostgreSQL',
    available: postgresAvailable(),
    async setUp() {
      cluster = await startPostgresCluster();
    },
    async open(now) {
      if (cluster === undefined) throw new Error('the cluster has not started');
      const machine = machines.open(cluster.url, `quay-${++opened}`, { now });
      // The schema exists once a machine is ready; earlier tests' tickets go after.
      await machine.queue.ready();
      cluster.emptyQueue();
      return machine;
    },
    async tearDown() {
      await machines.closeAll();
      await cluster?.remove();
    },
  };
}

describe.each([sqliteKind(), postgresKind()])('the centre queue on $name', (kind) => {
  describe.skipIf(!kind.available)('', () => {
    let clock = MORNING;
    beforeAll(() => kind.setUp());
    afterAll(() => kind.tearDown());
    afterEach(() => {
      clock = MORNING;
    });
    const open = () => kind.open(() => clock);

    it('"next" after the last allowed call closes the citizen who never came as a no-show, not as served', async () => {
      const { queue, reportFacts } = await open();
      await queue.take({ area: 'HT' }); // 1: comes, is served by "next"
      await queue.take({ area: 'HT' }); // 2: called twice (maxCalls), never comes
      await queue.take({ area: 'HT' }); // 3
      clock += 2 * MINUTE;
      await queue.callNext(1);
      clock += 6 * MINUTE;
      await queue.callNext(1); // ends 1 as served after 6 minutes, calls 2
      clock += MINUTE;
      await queue.recall(1);
      clock += MINUTE;
      await queue.callNext(1); // the clerk moves on without pressing "Bỏ qua"
      const ht = (await queue.status()).areas.find((a) => a.code === 'HT');
      expect(ht).toMatchObject({ served: 1, noShows: 1, waiting: 0 });

      const report = await readCentreReport(reportFacts, centre.areas, TODAY, () => clock);
      expect(report.period.tickets).toMatchObject({ taken: 3, served: 1, noShows: 1, called: 1 });
      // Only number 1's service counts: 2's two minutes at the counter were nobody's service.
      expect(report.period.service).toMatchObject({ count: 1, medianMinutes: 6, maxMinutes: 6 });
    });

    it('"next" before the last allowed call still closes the current ticket as served', async () => {
      const { queue, reportFacts } = await open();
      await queue.take({ area: 'CU' });
      await queue.take({ area: 'CU' });
      await queue.callNext(3);
      clock += 4 * MINUTE;
      await queue.callNext(3);
      const report = await readCentreReport(reportFacts, centre.areas, TODAY, () => clock);
      expect(report.period.tickets).toMatchObject({ served: 1, noShows: 0, called: 1 });
      expect(report.period.service).toMatchObject({ count: 1, medianMinutes: 4 });
    });
  });
});
