/**
 * `kiosk report centre --json` on a shared PostgreSQL queue gives the same
 * figures as on this machine's SQLite for the same takes, calls, serves and
 * ratings at the same times (one clock drives both stores).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentreReportSchema } from '../../../electron/api/contract/report';
import { CentreSchema } from '../../../electron/services/config/centre-schema';
import type { CentreQueueStore } from '../../../electron/services/queue/centre-queue-store';
import { openSharedCentre } from '../../../electron/services/queue/open-shared-centre';
import type { RatingStore } from '../../../electron/services/queue/ratings/rating-store';
import { SqliteRatings } from '../../../electron/services/queue/ratings/sqlite-ratings';
import { SqliteCentreQueue } from '../../../electron/services/queue/sqlite-centre-queue';
import { DATABASE_FILE } from '../../../electron/services/store/dossier-store';
import { runKioskCli } from '../../support/kiosk-cli';
import {
  postgresAvailable,
  startPostgresCluster,
  type PostgresCluster,
} from '../../support/postgres-cluster';

const centre = CentreSchema.parse({});
const MINUTE = 60_000;
const dirs: string[] = [];
let cluster: PostgresCluster | undefined;

/** The same morning at counters 1 and 3, minute by minute, on either store. */
async function morning(
  queue: CentreQueueStore,
  ratings: RatingStore,
  clock: { at: number },
): Promise<void> {
  const step = (minutes: number) => {
    clock.at += minutes * MINUTE;
  };
  const cu = await queue.take({ area: 'CU' });
  step(2);
  const elderly = await queue.take({ area: 'CU', priority: 'elderly' });
  step(1);
  const ht = await queue.take({ area: 'HT' });
  step(4);
  await queue.callNext(3, { clerk: 'lan' });
  step(6);
  await queue.serve(3, { dossierCode: 'HS-0001' });
  step(1);
  await ratings.rate({ counter: 3, number: elderly.number, score: 'very_satisfied' });
  step(5);
  await queue.callNext(1, { clerk: 'minh' });
  step(12);
  await queue.serve(1);
  step(1);
  await ratings.rate({
    counter: 1,
    number: ht.number,
    score: 'dissatisfied',
    reasons: ['waited_long'],
  });
  step(3);
  expect((await queue.callNext(3, { clerk: 'lan' }))?.number).toBe(cu.number);
}

function reportOf(dir: string, env: Record<string, string> = {}) {
  const run = runKioskCli(
    dir,
    ['--json', 'report', 'centre', '--from', '2026-12-01', '--to', '2026-12-01'],
    { KIOSK_LOCALE: 'vi', ...env },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const report = CentreReportSchema.parse(JSON.parse(run.stdout));
  // When it ran is the one field that may differ.
  return { ...report, generatedAt: 0 };
}

describe.skipIf(!postgresAvailable())('kiosk report centre on a shared queue', () => {
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  }, 120_000);
  afterAll(async () => {
    await cluster?.remove();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same figures from PostgreSQL as from SQLite for the same morning', async () => {
    const start = Date.parse('2026-12-01T08:00:00+07:00');
    const local = mkdtempSync(join(tmpdir(), 'kiosk-report-sqlite-'));
    const shared = mkdtempSync(join(tmpdir(), 'kiosk-report-pg-'));
    dirs.push(local, shared);
    expect(runKioskCli(local, ['queue', 'areas']).status).toBe(0);
    const db = new Database(join(local, DATABASE_FILE));
    try {
      const clock = { at: start };
      const now = () => clock.at;
      await morning(
        new SqliteCentreQueue(db, { centre, now }),
        new SqliteRatings(db, { areas: centre.areas, now }),
        clock,
      );
    } finally {
      db.close();
    }
    const url = cluster?.url ?? '';
    const clock = { at: start };
    const now = () => clock.at;
    const kiosk = openSharedCentre({ centre, url, machine: 'may-lay-so', now });
    const counter = openSharedCentre({ centre, url, machine: 'quay', now });
    try {
      await morning(kiosk.queue, counter.ratings, clock);
    } finally {
      await kiosk.close();
      await counter.close();
    }

    const fromSqlite = reportOf(local);
    const fromPostgres = reportOf(shared, { KIOSK_CENTRE_DB: url });
    // 2026-12-01 has ended: the ticket still called counts as not served (day-end rule).
    expect(fromSqlite.period.tickets).toMatchObject({
      taken: 3,
      served: 2,
      called: 0,
      noShows: 1,
    });
    expect(fromSqlite.period.satisfaction).toMatchObject({ total: 2, satisfiedPercent: 50 });
    expect(fromPostgres).toEqual(fromSqlite);
  }, 120_000);
});
