/**
 * How many connections one machine holds on the centre's PostgreSQL, as
 * pg_stat_activity shows them by application_name: a pool for the queue
 * (takes, calls, appointments), a pool for ratings and reports, and the
 * queue's LISTEN connection; and why the second pool exists: a report held
 * up by a lock does not hold up "Gọi số tiếp theo".
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentreSchema } from '../../../electron/services/config/centre-schema';
import { offlineStashMigrations } from '../../../electron/services/queue/offline-ticket-stash';
import { openCentreQueue } from '../../../electron/services/queue/open-centre-queue';
import { migrate } from '../../../electron/services/store/migrator';
import {
  postgresAvailable,
  startPostgresCluster,
  type PostgresCluster,
} from '../../support/postgres-cluster';
import { until } from '../../support/until';

const centre = CentreSchema.parse({});
const DAY = '2026-12-07';
/** Measured with the same burst on a7e512e, when the queue, the appointments and the ratings each had a pool. */
const BEFORE = 13;

let cluster: PostgresCluster;

function open(machine: string) {
  const database = new Database(':memory:');
  migrate(database, offlineStashMigrations);
  const opened = openCentreQueue({
    database,
    centre,
    env: cluster.machineEnv(machine),
    offlineNumbers: false,
  });
  return {
    ...opened,
    close: async () => {
      await opened.close();
      database.close();
    },
  };
}

/** This machine's connections per application_name. */
function connections(machine: string): Record<string, number> {
  const rows = cluster
    .psql(
      `SELECT application_name, count(*) FROM pg_stat_activity
       WHERE application_name LIKE 'kiosk-%' || ' ${machine}' GROUP BY 1 ORDER BY 1`,
    )
    .trim();
  if (rows === '') return {};
  return Object.fromEntries(
    rows.split('\n').map((line) => {
      const [name, count] = line.split('|');
      return [name ?? '', Number(count)];
    }),
  );
}

describe.skipIf(!postgresAvailable())('one machine’s connections to the shared queue', () => {
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  });
  afterAll(async () => {
    await cluster.remove();
  });

  it('holds two pools and one LISTEN connection under a burst of every kind of work, and none after close', async () => {
    const machine = open('quay-do');
    machine.queue.onCall(() => undefined);
    await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => machine.queue.take({ area: i % 2 ? 'HT' : 'CU' })),
      ...Array.from({ length: 12 }, () => machine.appointments.list(DAY)),
      ...Array.from({ length: 12 }, () => machine.reportFacts(DAY, DAY)),
      ...Array.from({ length: 12 }, () => machine.ratings.depth()),
    ]);
    const held = connections('quay-do');
    const total = Object.values(held).reduce((a, b) => a + b, 0);
    console.log(
      `one machine under a burst holds ${total} connections (${JSON.stringify(held)}); before: ${BEFORE} (three pools of 4 and the LISTEN)`,
    );
    expect(Object.keys(held)).toEqual([
      'kiosk-queue quay-do',
      'kiosk-queue-listen quay-do',
      'kiosk-reports quay-do',
    ]);
    expect(held['kiosk-queue-listen quay-do']).toBe(1);
    expect(total).toBeLessThanOrEqual(9);
    expect(total).toBeLessThan(BEFORE);
    await machine.close();
    await until('every connection closed', () => Object.keys(connections('quay-do')).length === 0);
  });

  it('calls the next number while every report connection waits behind a lock', async () => {
    cluster.emptyQueue();
    const machine = open('quay-bao-cao');
    await machine.queue.take({ area: 'HT' });
    // Another session holds queue_ratings: each report reads tickets, then waits there.
    const locker = new pg.Client({ connectionString: cluster.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE queue_ratings IN ACCESS EXCLUSIVE MODE');
      const reports = Array.from({ length: 4 }, () => machine.reportFacts(DAY, DAY));
      await until(
        'every report connection taken',
        () => connections('quay-bao-cao')['kiosk-reports quay-bao-cao'] === 4,
        5000,
      );
      const started = performance.now();
      const called = await machine.queue.callNext(1);
      const ms = performance.now() - started;
      console.log(`call answered in ${ms.toFixed(0)} ms with every report connection waiting`);
      expect(called?.number).toBe(1);
      expect(ms).toBeLessThan(1000);
      await locker.query('COMMIT');
      await Promise.all(reports);
    } finally {
      await locker.end();
      await machine.close();
    }
  });
});
