/**
 * Ratings reach the portal simulator through their outbox: the real SQLite
 * store, the real portal client over HTTP on 127.0.0.1, the simulator's
 * survey route (UNCONFIRMED interface). Delivered once, whatever the network.
 */
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPortalSim, type PortalSim } from '../../../electron/portal-sim/portal-sim-server';
import type { DanhGiaHaiLong } from '../../../electron/services/portal-contract/danh-gia-hai-long';
import { CentreSchema } from '../../../electron/services/config/centre-schema';
import { PortalClient } from '../../../electron/services/portal/portal-client';
import { queueMigrations } from '../../../electron/services/queue/queue-migrations';
import { RatingSync } from '../../../electron/services/queue/ratings/rating-sync';
import { SqliteRatings } from '../../../electron/services/queue/ratings/sqlite-ratings';
import { SqliteCentreQueue } from '../../../electron/services/queue/sqlite-centre-queue';
import { migrate } from '../../../electron/services/store/migrator';
import { openDatabase } from '../../../electron/services/store/open-database';
import { rememberSim, simGet } from '../sync/peers';

const centre = CentreSchema.parse({});
const fast = { pollMs: 50, backoff: { baseMs: 20, maxMs: 200 } };
let dir: string;
let db: Database.Database | null = null;
const sims: PortalSim[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-rating-sync-'));
});
afterEach(async () => {
  db?.close();
  db = null;
  await Promise.all(sims.splice(0).map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

function open(): { queue: SqliteCentreQueue; ratings: SqliteRatings } {
  db = openDatabase(join(dir, 'kiosk.sqlite3'));
  migrate(db, queueMigrations);
  return {
    queue: new SqliteCentreQueue(db, { centre }),
    ratings: new SqliteRatings(db, { areas: centre.areas }),
  };
}

async function sim(port = 0, extra: Partial<Parameters<typeof startPortalSim>[0]> = {}) {
  const s = await startPortalSim({ port, faults: 0, dataDir: null, seed: 19, ...extra });
  sims.push(s);
  rememberSim(s);
  return s;
}

function client(url: string): PortalClient {
  return new PortalClient({
    baseUrl: url,
    username: 'kiosk',
    password: 'kiosk-training',
    madonvi: '000.00.00.H00',
    timeoutMs: 1_000,
  });
}

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });

interface Surveys {
  readonly surveys: DanhGiaHaiLong[];
  readonly held: number;
  readonly replays: number;
}

/** One ticket taken, called by `clerk` at counter 3, served with `dossier`, then rated. */
async function serveAndRate(
  stores: ReturnType<typeof open>,
  dossier: string,
  clerk = 'canbo3',
): Promise<string> {
  const taken = await stores.queue.take({ area: 'CU' });
  await stores.queue.callNext(3, { clerk });
  await stores.queue.serve(3, { dossierCode: dossier });
  const saved = await stores.ratings.rate({
    counter: 3,
    number: taken.number,
    score: 'dissatisfied',
    reasons: ['waited_long'],
  });
  return saved.id;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('rating delivery to the portal simulator', () => {
  it('a saved rating reaches the survey route with its ticket, counter, clerk and dossier', async () => {
    const s = await sim();
    const stores = open();
    const id = await serveAndRate(stores, '000.00.00.H00-261207-0007');
    const loop = new RatingSync(stores.ratings, client(s.url), fast);
    loop.start();
    try {
      await until(async () => (await stores.ratings.depth()).owed === 0);
    } finally {
      await loop.stop();
    }
    const held = await simGet<Surveys>(`${s.url}/__sim/surveys`);
    expect(held.held).toBe(1);
    expect(held.surveys[0]).toMatchObject({
      MaDanhGia: id,
      MaHoSo: '000.00.00.H00-261207-0007',
      SoThuTu: 1,
      LinhVuc: 'CU',
      Quay: 3,
      CanBo: 'canbo3',
      MucDoHaiLong: '1',
      LyDo: ['waited_long'],
    });
  });

  it('ratings saved while the portal is offline survive a restart and are delivered once when it returns', async () => {
    const port = await freePort();
    const first = open();
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++)
      ids.push(await serveAndRate(first, `000.00.00.H00-261207-000${i}`));
    const offline = await new RatingSync(
      first.ratings,
      client(`http://127.0.0.1:${port}`),
      fast,
    ).runOnce();
    // No answer at all ends the pass: one timeout, not one per rating.
    expect(offline).toEqual({ delivered: 0, failed: 1 });
    expect(await first.ratings.depth()).toEqual({ owed: 3, parked: 0 });
    // The kiosk restarts: a new process would open the same file.
    db?.close();
    const again = open();
    expect(await again.ratings.depth()).toEqual({ owed: 3, parked: 0 });
    const s = await sim(port);
    const loop = new RatingSync(again.ratings, client(s.url), fast);
    loop.start();
    try {
      await until(async () => (await again.ratings.depth()).owed === 0);
      // A few more passes: nothing owed, nothing sent again.
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await loop.stop();
    }
    const held = await simGet<Surveys>(`${s.url}/__sim/surveys`);
    expect(held).toMatchObject({ held: 3, replays: 0 });
    expect(held.surveys.map((x) => x.MaDanhGia).sort()).toEqual([...ids].sort());
  });

  it('answers lost after the portal committed are retried under the same key: each rating held once', async () => {
    const s = await sim(0, { faults: 0.5, faultKinds: ['lost-after-commit'] });
    const stores = open();
    const ids: string[] = [];
    for (let i = 1; i <= 20; i++)
      ids.push(await serveAndRate(stores, `000.00.00.H00-261207-${String(i).padStart(4, '0')}`));
    const loop = new RatingSync(stores.ratings, client(s.url), fast);
    loop.start();
    try {
      await until(async () => (await stores.ratings.depth()).owed === 0, 30_000);
    } finally {
      await loop.stop();
    }
    const held = await simGet<Surveys>(`${s.url}/__sim/surveys`);
    expect(held.held).toBe(20);
    expect(new Set(held.surveys.map((x) => x.MaDanhGia))).toEqual(new Set(ids));
    // The faults did strike: some ratings were sent again and recognised as the same.
    expect(held.replays).toBeGreaterThan(0);
    console.log(`lost-after-commit: 20 ratings held once, ${held.replays} replays recognised`);
  });
});
