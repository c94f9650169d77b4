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
import type {
  CentreQueueStore,
  QueueChange,
} from '../../../electron/services/queue/centre-queue-store';
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
import { until } from '../../support/until';

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
  /** Resolves once every committed change reaches onChange listeners. */
  readonly listening: () => Promise<void>;
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
        listening: () => Promise.resolve(),
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
      return { ...machine, listening: () => machine.queue.listening() };
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

    it('a ticket sent to one counter waits for that counter alone: every counter’s counts and its "next" agree', async () => {
      const { queue, listening } = await open();
      const changes: QueueChange[] = [];
      queue.onChange((change) => changes.push(change));
      await listening();
      await queue.take({ area: 'HT' }); // 1: to counter 2, which serves HT too
      await queue.take({ area: 'HT' }); // 2: to counter 3, which serves only CU
      // PostgreSQL sends a take's change after answering: heard before the transfers' ones.
      await until('both takes heard', () => changes.length === 2, 5000);
      await queue.callNext(1);
      await queue.transfer(1, { counter: 2 });
      await queue.callNext(1); // counter 1 no longer calls 1: it calls 2
      await queue.transfer(1, { counter: 3 });
      // The changes the transfers sent carry the same line the status counts.
      const transfers = () => changes.slice(2);
      await until('both transfers heard', () => transfers().length === 2, 5000);
      expect(transfers().map((c) => c.waiting)).toEqual([1, 0]);
      const status = await queue.status();
      expect(status.areas.map((a) => [a.code, a.waiting])).toEqual([
        ['HT', 0],
        ['CU', 0],
      ]);
      expect(status.counters.map((c) => [c.counter, c.waitingHere])).toEqual([
        [1, 0],
        [2, 1],
        [3, 1],
      ]);
      // What a counter's screen says waits for it is what its "next" finds.
      const shown = (counter: number) =>
        status.areas
          .filter((a) => a.counters.includes(counter))
          .reduce((sum, a) => sum + a.waiting, 0) +
        (status.counters.find((c) => c.counter === counter)?.waitingHere ?? 0);
      expect(shown(1)).toBe(0);
      expect(await queue.callNext(1)).toBeNull();
      expect(shown(2)).toBe(1);
      expect(await queue.callNext(2)).toMatchObject({ number: 1 });
      expect(shown(3)).toBe(1);
      expect(await queue.callNext(3)).toMatchObject({ number: 2 });
    });
  });
});
