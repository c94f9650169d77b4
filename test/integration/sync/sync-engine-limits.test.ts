/**
 * The sync engine's limits, each well under a second with the real store and
 * the portal simulator in this process (as sync-engine-fast.test.ts): the
 * concurrency bound with one slot taken, what counts as the portal's answer
 * for online detection and where the offline window ends, the ping back-off,
 * one "offline" event for rows failing together, and the store failing under
 * the loop (a read of the queue, a write of an outcome), made real by a second
 * connection to the store's SQLite file that renames the outbox table or adds
 * a trigger that refuses the write.
 */
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BLOB_DIR, DATABASE_FILE } from '../../../electron/services/store/dossier-store';
import { SyncEngine, type SyncEngineOptions } from '../../../electron/services/sync/sync-engine';
import { sampleDossier } from '../../fixtures/store/sample-dossier';
import { simFetch } from './peers';
import { openPeers, portalClient, type RunnerPeers } from './runner-peers';
import { WatchedPortal } from './watched-portal';

let peers: RunnerPeers;
beforeEach(() => {
  peers = openPeers();
});
afterEach(async () => {
  await peers.close();
});

const fast: SyncEngineOptions = { backoff: { baseMs: 500, maxMs: 4_000 }, pollMs: 20 };

/** Dossiers of `attachments` files each: with none, the create is the dossier's only row. */
function save(count: number, attachments: number): { id: string; code: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const saved = peers.store.save(
      sampleDossier(`gioi-han-${i}`, { receivedAt: Date.now(), attachments, size: 256 }),
      'test',
    );
    return { id: saved.id, code: saved.code };
  });
}

function onlineChanges(engine: SyncEngine): boolean[] {
  const changes: boolean[] = [];
  engine.events.on('online', ({ online }) => changes.push(online));
  return changes;
}

/** A port nothing listens on: every call is refused at once, never answered. */
const deadPort = (): Promise<string> =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => {
        resolve(`http://127.0.0.1:${port}`);
      });
    });
  });

/** A second connection to the store's file, as another process (or a damaged disk) would hold it. */
function storeFile(): Database.Database {
  return new Database(join(peers.dir, DATABASE_FILE));
}

describe('sync engine limits with the real store and the in-process portal simulator', () => {
  it('with one slot of two held, starts one more dossier at a time, not every due one', async () => {
    const s = await peers.sim({ lateMs: 300 });
    const armed = await simFetch(`${s.url}/__sim/late-create?count=1`, { method: 'POST' });
    expect(armed.status).toBe(200);
    const saved = save(4, 0);
    const portal = new WatchedPortal(portalClient(s.url));
    const engine = new SyncEngine(peers.store.outbox, portal, { ...fast, concurrency: 2 });
    const status = await engine.runUntilEmpty();
    expect(status).toMatchObject({ pending: 0, parked: 0 });
    // The held create keeps one slot for 300 ms while three more dossiers go through the other.
    expect(portal.mostOpen).toBe(2);
    expect(s.stats()).toMatchObject({ dossiers: 4, creates: 4, duplicates: 0 });
    for (const d of saved) expect(peers.store.get(d.id, 'test').syncState).toBe('synced');
  });

  it("counts the portal's refusal as an answer, and goes offline when the silence is exactly the window", async () => {
    const s = await peers.sim();
    let now = Date.now() + 60_000;
    const [taken] = save(1, 0);
    // Another system already filed this code: the portal refuses our create.
    const portal = portalClient(s.url);
    await portal.syncDossiers(false, [peers.store.outbox.portalDossier(taken?.id ?? '')]);
    const engine = new SyncEngine(peers.store.outbox, portal, {
      ...fast,
      backoff: { baseMs: 0, maxMs: 0 },
      offlineAfter: 1,
      offlineWindowMs: 1_000,
      now: () => now,
    });
    const changes = onlineChanges(engine);
    expect(await engine.syncNow()).toMatchObject({ parked: 1, online: true });
    await s.close();
    peers.sims.splice(0);
    save(1, 0);
    // No answer now; the refusal came 999 ms ago, within the window.
    now += 999;
    expect(await engine.syncNow()).toMatchObject({ online: true, pending: 1 });
    expect(changes).toEqual([]);
    // One millisecond on, the silence is the whole window.
    now += 1;
    expect(await engine.syncNow()).toMatchObject({ online: false, pending: 1 });
    expect(changes).toEqual([false]);
  });

  it('parks a dossier whose attachment is gone without counting that as an answer from the portal', async () => {
    const [lost] = save(1, 1);
    save(1, 0);
    rmSync(join(peers.dir, BLOB_DIR), { recursive: true, force: true });
    const engine = new SyncEngine(peers.store.outbox, portalClient(await deadPort()), {
      ...fast,
      concurrency: 1,
      offlineAfter: 1,
      offlineWindowMs: 1_000,
      now: () => Date.now() + 60_000,
    });
    const changes = onlineChanges(engine);
    const status = await engine.syncNow();
    expect(status).toMatchObject({ parked: 1, pending: 1, online: false });
    expect(peers.store.get(lost?.id ?? '', 'test').syncState).toBe('parked');
    // The portal never answered anything: the next silent call is past any window.
    expect(changes).toEqual([false]);
  });

  it('reports "offline" once when two rows in flight fail together', async () => {
    save(2, 0);
    const engine = new SyncEngine(peers.store.outbox, portalClient(await deadPort()), {
      ...fast,
      concurrency: 2,
      offlineAfter: 1,
      offlineWindowMs: 0,
    });
    const changes = onlineChanges(engine);
    const status = await engine.syncNow();
    expect(status).toMatchObject({ online: false, pending: 2 });
    const attempts = peers.store.outbox.due(Number.MAX_SAFE_INTEGER, 10).map((r) => r.attempts);
    expect(attempts).toEqual([1, 1]);
    expect(changes).toEqual([false]);
  });

  it('while offline pings at the health interval, doubling it after each unanswered ping', async () => {
    save(1, 0);
    const portal = new WatchedPortal(portalClient(await deadPort()));
    const engine = new SyncEngine(peers.store.outbox, portal, {
      ...fast,
      offlineAfter: 1,
      offlineWindowMs: 0,
      healthIntervalMs: 40,
    });
    const abort = new AbortController();
    setTimeout(() => {
      abort.abort();
    }, 620);
    const status = await engine.runUntilEmpty(abort.signal);
    expect(status).toMatchObject({ online: false, pending: 1 });
    // Pings about 0, 40, 120, 280 and 600 ms after the create failed; halving would be hundreds.
    expect(portal.pings).toBeGreaterThanOrEqual(3);
    expect(portal.pings).toBeLessThanOrEqual(6);
  });

  it('a failed read of the queue is a local error; a run tries again after the health interval', async () => {
    const s = await peers.sim();
    save(1, 0);
    const file = storeFile();
    try {
      file.exec('ALTER TABLE outbox RENAME TO outbox_away');
      const engine = new SyncEngine(peers.store.outbox, portalClient(s.url), {
        ...fast,
        healthIntervalMs: 50,
      });
      const once = await engine.syncNow();
      expect(once.lastError).toBe('Lỗi cục bộ khi đọc hàng đợi: no such table: outbox');
      setTimeout(() => file.exec('ALTER TABLE outbox_away RENAME TO outbox'), 150);
      const status = await engine.runUntilEmpty();
      expect(status).toMatchObject({ pending: 0, lastError: null });
      expect(s.stats()).toMatchObject({ dossiers: 1, creates: 1 });
    } finally {
      file.close();
    }
  });

  it('a failed write after the portal answered is a local error, and the row stays due', async () => {
    const s = await peers.sim();
    const [d] = save(1, 0);
    const file = storeFile();
    try {
      file.exec(`CREATE TRIGGER keep_rows BEFORE DELETE ON outbox
                 BEGIN SELECT RAISE(ABORT, 'ổ đĩa đầy'); END`);
      const engine = new SyncEngine(peers.store.outbox, portalClient(s.url), {
        ...fast,
        backoff: { baseMs: 0, maxMs: 0 },
      });
      // The create is acknowledged, but the row cannot leave: a retry, recorded.
      const sent = await engine.syncNow();
      expect(sent).toMatchObject({ pending: 1, lastError: 'Lỗi cục bộ khi đồng bộ: ổ đĩa đầy' });
      expect(peers.store.outbox.due(Number.MAX_SAFE_INTEGER, 10)[0]?.attempts).toBe(1);
      // Now the retry cannot be recorded either: the row stays as it was, due again.
      file.exec(`CREATE TRIGGER keep_attempts BEFORE UPDATE ON outbox
                 BEGIN SELECT RAISE(ABORT, 'ổ đĩa đầy'); END`);
      const unrecorded = await engine.syncNow();
      expect(unrecorded).toMatchObject({
        pending: 1,
        lastError: 'Lỗi cục bộ khi ghi hàng đợi: ổ đĩa đầy',
      });
      expect(peers.store.outbox.due(Number.MAX_SAFE_INTEGER, 10)[0]?.attempts).toBe(1);
      file.exec('DROP TRIGGER keep_rows; DROP TRIGGER keep_attempts');
      expect(await engine.syncNow()).toMatchObject({ pending: 0, lastError: null });
      expect(peers.store.get(d?.id ?? '', 'test').syncState).toBe('synced');
      expect(s.stats()).toMatchObject({ dossiers: 1, duplicates: 0 });
    } finally {
      file.close();
    }
  });
});
