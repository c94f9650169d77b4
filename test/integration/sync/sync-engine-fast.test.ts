/**
 * The sync engine's own rules, each in well under a second, with the real
 * store and the portal simulator in this process on 127.0.0.1 (the slow
 * cases, late commits held for seconds and chaos, stay in sync-engine.test.ts
 * and chaos.test.ts): one dossier's rows strictly in order and dossiers one at
 * a time at concurrency 1, the retry time after a 5xx, a 429 and a refused
 * login, parking, going offline and back, the background loop, an abort, and
 * the status pulled back from TraCuuHoSo. The clock and the jitter are
 * injected so each retry time is exact.
 */
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toPortalDateTime } from '../../../electron/services/portal-contract/portal-time';
import { SyncEngine, type SyncEngineOptions } from '../../../electron/services/sync/sync-engine';
import type { SyncProgress } from '../../../electron/services/sync/sync-events';
import { sampleDossier } from '../../fixtures/store/sample-dossier';
import { simFetch } from './peers';
import { openPeers, portalClient, type RunnerPeers } from './runner-peers';

let peers: RunnerPeers;
beforeEach(() => {
  peers = openPeers();
});
afterEach(async () => {
  await peers.close();
});

const fast: SyncEngineOptions = { backoff: { baseMs: 500, maxMs: 4_000 }, pollMs: 20 };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function save(count: number): { id: string; code: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const saved = peers.store.save(
      sampleDossier(`may-${i}`, { receivedAt: Date.now(), attachments: 1, size: 512 }),
      'test',
    );
    return { id: saved.id, code: saved.code };
  });
}

function record(engine: SyncEngine): SyncProgress[] {
  const seen: SyncProgress[] = [];
  engine.events.on('progress', (p) => seen.push(p));
  return seen;
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

describe('sync engine rules with the real store and the in-process portal simulator', () => {
  it('at concurrency 1 sends one dossier at a time, its rows in order, and reports each by name', async () => {
    const s = await peers.sim();
    const saved = save(3);
    const engine = new SyncEngine(peers.store.outbox, portalClient(s.url), {
      ...fast,
      concurrency: 1,
    });
    expect(engine.status()).toMatchObject({ online: true, authRefused: false, lastSyncAt: null });
    const changes: boolean[] = [];
    engine.events.on('online', ({ online }) => changes.push(online));
    const seen = record(engine);
    const depths: { pending: number; parked: number }[] = [];
    engine.events.on('depth', (d) => depths.push(d));
    const before = Date.now();
    const status = await engine.runUntilEmpty();
    expect(status).toMatchObject({ pending: 0, parked: 0, online: true, lastError: null });
    expect(status.authRefused).toBe(false);
    expect(status.lastSyncAt).toBeGreaterThanOrEqual(before);
    expect(status.lastSyncAt).toBeLessThanOrEqual(Date.now());
    expect(seen.map((p) => `${p.dossierId}:${p.op}:${p.outcome}`)).toEqual(
      saved.flatMap((d) => [`${d.id}:upload-file:done`, `${d.id}:sync-dossier:done`]),
    );
    // People read the file's name for an upload and the dossier code for the create.
    expect(seen.map((p) => p.label)).toEqual(
      saved.flatMap((_, i) => [`giay-to-1-may-${i}.pdf`, saved[i]?.code]),
    );
    expect(seen.at(-1)).toMatchObject({ pending: 0, parked: 0, message: null });
    expect(depths.at(-1)).toEqual({ pending: 0, parked: 0 });
    for (const d of saved) {
      expect(peers.store.get(d.id, 'test')).toMatchObject({
        syncState: 'synced',
        portalStatus: '2',
      });
    }
    expect(s.stats()).toMatchObject({ dossiers: 3, creates: 3, files: 3 });
    // It starts online and never had to ping.
    expect(changes).toEqual([]);
  });

  it('at concurrency 2 has two dossiers in flight and never starts a row of a dossier already in flight', async () => {
    // Each create is held 300 ms by the portal (answered in time): long enough for many polls.
    const s = await peers.sim({ lateMs: 300 });
    const armed = await simFetch(`${s.url}/__sim/late-create?count=2`, { method: 'POST' });
    expect(armed.status).toBe(200);
    const saved = save(2);
    const engine = new SyncEngine(peers.store.outbox, portalClient(s.url), {
      ...fast,
      concurrency: 2,
    });
    const seen = record(engine);
    await engine.runUntilEmpty();
    // Both uploads finish before either held create: the two dossiers ran side by side.
    expect(seen.map((p) => p.op)).toEqual([
      'upload-file',
      'upload-file',
      'sync-dossier',
      'sync-dossier',
    ]);
    for (const d of saved) {
      expect(seen.filter((p) => p.dossierId === d.id).map((p) => p.op)).toEqual([
        'upload-file',
        'sync-dossier',
      ]);
    }
    // Polled every 20 ms while a create was held, yet each create left once.
    expect(s.stats()).toMatchObject({ dossiers: 2, creates: 2, duplicates: 0 });
  });

  it('after a 5xx retries each row at the backoff time; after a 429 not before Retry-After', async () => {
    const now = Date.now() + 10_000;
    const options = { ...fast, now: () => now, random: () => 0.5 };
    const s = await peers.sim({ faults: 1, faultKinds: ['server-error'] });
    const [a] = save(1);
    const engine = new SyncEngine(peers.store.outbox, portalClient(s.url), options);
    const seen = record(engine);
    const status = await engine.syncNow();
    // First failure: cap 500 ms, half fixed plus half × 0.5 = 375 ms.
    const row = peers.store.outbox.due(Number.MAX_SAFE_INTEGER, 10)[0];
    expect(row).toMatchObject({ dossierId: a?.id, attempts: 1, nextAttemptAt: now + 375 });
    expect(status).toMatchObject({ online: true, pending: 1, lastSyncAt: null });
    expect(status.lastError).toContain('Cổng');
    expect(seen.map((p) => `${p.op}:${p.outcome}`)).toEqual(['upload-file:retry']);
    expect(seen[0]?.message).toBe(status.lastError);
    // Not due yet at `now`: syncNow sends nothing more.
    await engine.syncNow();
    expect(peers.store.outbox.due(Number.MAX_SAFE_INTEGER, 10)[0]?.attempts).toBe(1);

    const limited = await peers.sim({ faults: 1, faultKinds: ['rate-limit'] });
    const later = new SyncEngine(peers.store.outbox, portalClient(limited.url), {
      ...options,
      now: () => now + 375,
    });
    const second = await later.syncNow();
    expect(second.lastError).toContain('429');
    // Second failure: the backoff is 500..1000 ms (750 here); Retry-After says 1 s.
    expect(peers.store.outbox.due(Number.MAX_SAFE_INTEGER, 10)[0]).toMatchObject({
      attempts: 2,
      nextAttemptAt: now + 375 + 1_000,
    });
  });

  it('waits at least a minute after a refused login, says so, and stops the CLI run', async () => {
    const now = Date.now() + 10_000;
    const s = await peers.sim({ password: 'mat-khau-khac' });
    save(2);
    const engine = new SyncEngine(peers.store.outbox, portalClient(s.url), {
      ...fast,
      now: () => now,
      random: () => 0,
      stopOnAuthFailure: true,
    });
    const started = Date.now();
    const status = await engine.runUntilEmpty();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(status).toMatchObject({ authRefused: true, online: true, pending: 2 });
    expect(status.lastError).toContain('từ chối tài khoản');
    const rows = peers.store.outbox.due(Number.MAX_SAFE_INTEGER, 10);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      if (row.attempts > 0) expect(row.nextAttemptAt).toBe(now + 60_000);
    }
  });

  it("parks a refused dossier with the portal's message and syncs the others", async () => {
    const s = await peers.sim();
    const saved = save(2);
    const taken = saved[0];
    // Another system already filed this code: the portal refuses our create.
    const portal = portalClient(s.url);
    await portal.syncDossiers(false, [peers.store.outbox.portalDossier(taken?.id ?? '')]);
    const engine = new SyncEngine(peers.store.outbox, portal, { ...fast, concurrency: 1 });
    const seen = record(engine);
    const status = await engine.runUntilEmpty();
    expect(status).toMatchObject({ pending: 0, parked: 1, lastError: null });
    const parked = seen.filter((p) => p.outcome === 'parked');
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ dossierId: taken?.id, op: 'sync-dossier', parked: 1 });
    expect(parked[0]?.message).toContain('đã tồn tại');
    expect(peers.store.get(taken?.id ?? '', 'test').syncState).toBe('parked');
    expect(peers.store.get(saved[1]?.id ?? '', 'test').syncState).toBe('synced');
  });

  it('goes offline after calls in a row get no answer, pings, and drains once the portal is back', async () => {
    const port = await freePort();
    save(3);
    const engine = new SyncEngine(peers.store.outbox, portalClient(`http://127.0.0.1:${port}`), {
      ...fast,
      concurrency: 1,
      offlineAfter: 2,
      offlineWindowMs: 0,
      healthIntervalMs: 20,
    });
    const changes: boolean[] = [];
    engine.events.on('online', ({ online }) => changes.push(online));
    const down = await engine.syncNow();
    expect(changes).toEqual([false]);
    expect(down).toMatchObject({ online: false, pending: 3 });
    expect(down.lastError).toContain('Không kết nối được tới Cổng');
    // Two silent failures in a row, then no third try: the engine only pings now.
    const attempts = peers.store.outbox.due(Number.MAX_SAFE_INTEGER, 10).map((r) => r.attempts);
    expect([...attempts].sort()).toEqual([0, 1, 1]);
    await engine.syncNow();
    expect(peers.store.outbox.due(Number.MAX_SAFE_INTEGER, 10).map((r) => r.attempts)).toEqual(
      attempts,
    );
    // The portal comes back while runUntilEmpty is pinging: it keeps pinging, then drains.
    const back = sleep(150).then(() => peers.sim({ port }));
    const status = await engine.runUntilEmpty();
    await back;
    expect(changes).toEqual([false, true]);
    expect(status).toMatchObject({ online: true, pending: 0, parked: 0 });
  });

  it('stays online while the portal answers, even when every call fails', async () => {
    const s = await peers.sim({ faults: 1, faultKinds: ['server-error'] });
    save(3);
    const engine = new SyncEngine(peers.store.outbox, portalClient(s.url), {
      ...fast,
      offlineAfter: 1,
      offlineWindowMs: 0,
    });
    const changes: boolean[] = [];
    engine.events.on('online', ({ online }) => changes.push(online));
    await engine.syncNow();
    expect(changes).toEqual([]);
    expect(engine.status().online).toBe(true);
  });

  it('runs in the background until stopped; a syncNow meanwhile only wakes it', async () => {
    const s = await peers.sim();
    save(2);
    const engine = new SyncEngine(peers.store.outbox, portalClient(s.url), {
      ...fast,
      pollMs: 60_000,
    });
    engine.start();
    engine.start();
    for (let i = 0; i < 100 && peers.store.outbox.depth().pending > 0; i++) await sleep(20);
    expect(peers.store.outbox.depth().pending).toBe(0);
    await sleep(100); // the loop is asleep now, the queue empty: it must stay alive
    // A dossier saved while the loop sleeps (a minute) goes out at once when woken.
    const [late] = save(1);
    const woken = await engine.syncNow();
    expect(woken.pending).toBe(1);
    for (let i = 0; i < 100 && peers.store.outbox.depth().pending > 0; i++) await sleep(20);
    expect(peers.store.get(late?.id ?? '', 'test').syncState).toBe('synced');
    await engine.stop();
    // Stopped: a syncNow runs on its own and sends what is due before it returns.
    const [after] = save(1);
    const once = await engine.syncNow();
    expect(once.pending).toBe(0);
    expect(peers.store.get(after?.id ?? '', 'test').syncState).toBe('synced');
    expect(s.stats()).toMatchObject({ dossiers: 4, creates: 4 });
  });

  it('a runUntilEmpty takes over from the background loop, which then stays stopped', async () => {
    const s = await peers.sim();
    save(2);
    const engine = new SyncEngine(peers.store.outbox, portalClient(s.url), fast);
    engine.start();
    const status = await engine.runUntilEmpty();
    expect(status.pending).toBe(0);
    const [later] = save(1);
    await sleep(200); // ten polls of a loop that must no longer be there
    expect(peers.store.get(later?.id ?? '', 'test').syncState).toBe('pending');
    expect(s.stats().dossiers).toBe(2);
  });

  it('an AbortSignal stops only the run it was given, not a later one', async () => {
    const s = await peers.sim();
    save(1);
    const engine = new SyncEngine(peers.store.outbox, portalClient(s.url), fast);
    const abort = new AbortController();
    expect((await engine.runUntilEmpty(abort.signal)).pending).toBe(0);
    engine.start();
    abort.abort();
    const [later] = save(1);
    for (let i = 0; i < 100 && peers.store.outbox.depth().pending > 0; i++) await sleep(20);
    await engine.stop();
    expect(peers.store.get(later?.id ?? '', 'test').syncState).toBe('synced');
  });

  it('syncNow sends every row of a dossier in one call, and tries a failed row only once', async () => {
    const s = await peers.sim();
    const [d] = save(1);
    const engine = new SyncEngine(peers.store.outbox, portalClient(s.url), fast);
    expect((await engine.syncNow()).pending).toBe(0);
    expect(peers.store.get(d?.id ?? '', 'test').syncState).toBe('synced');
    // A retry due at once (no backoff) still waits for the next syncNow.
    const failing = await peers.sim({ faults: 1, faultKinds: ['server-error'] });
    save(2);
    const again = new SyncEngine(peers.store.outbox, portalClient(failing.url), {
      ...fast,
      backoff: { baseMs: 0, maxMs: 0 },
    });
    await again.syncNow();
    const attempts = peers.store.outbox.due(Number.MAX_SAFE_INTEGER, 10).map((r) => r.attempts);
    expect(attempts).toEqual([1, 1]);
  });

  it('runUntilEmpty retries transient failures until every row is through', async () => {
    // The portal is not there for the first 150 ms: every row's first tries fail.
    const port = await freePort();
    save(3);
    const engine = new SyncEngine(peers.store.outbox, portalClient(`http://127.0.0.1:${port}`), {
      ...fast,
      backoff: { baseMs: 10, maxMs: 40 },
      offlineAfter: 1_000,
    });
    const seen = record(engine);
    const back = sleep(150).then(() => peers.sim({ port }));
    // A run that never tried a failed row again would still be waiting: cut it short.
    const status = await engine.runUntilEmpty(AbortSignal.timeout(3_000));
    const s = await back;
    expect(status).toMatchObject({ pending: 0, parked: 0, lastError: null, online: true });
    expect(seen.filter((p) => p.outcome === 'retry').length).toBeGreaterThan(0);
    expect(s.stats()).toMatchObject({ dossiers: 3, duplicates: 0 });
  });

  it('passes its clock and settle window to the runner: a create in doubt waits exactly the rest', async () => {
    const now = Date.now() + 60_000;
    const s = await peers.sim();
    const [d] = save(1);
    const id = d?.id ?? '';
    // Its create left 4 s ago (by the engine's clock) and the answer never came back.
    peers.store.outbox.markCreateAttempted(id, now - 4_000);
    const engine = new SyncEngine(peers.store.outbox, portalClient(s.url), {
      ...fast,
      now: () => now,
      random: () => 0,
      createSettleMs: 10_000,
    });
    await engine.syncNow();
    const row = peers.store.outbox.due(Number.MAX_SAFE_INTEGER, 10)[0];
    expect(row).toMatchObject({ op: 'sync-dossier', attempts: 1, nextAttemptAt: now + 6_000 });
    expect(s.stats().creates).toBe(0);
  });

  it('a slow create of one dossier does not hold up the next dossier', async () => {
    const s = await peers.sim({ lateMs: 400 });
    const first = peers.store.save(
      sampleDossier('cham', { receivedAt: Date.now(), attachments: 1, size: 256 }),
      'test',
    );
    const second = peers.store.save(
      sampleDossier('nhanh', { receivedAt: Date.now(), attachments: 3, size: 256 }),
      'test',
    );
    const armed = await simFetch(`${s.url}/__sim/late-create?count=1`, { method: 'POST' });
    expect(armed.status).toBe(200);
    const engine = new SyncEngine(peers.store.outbox, portalClient(s.url), {
      ...fast,
      concurrency: 2,
    });
    const seen = record(engine);
    await engine.runUntilEmpty();
    const creates = seen.filter((p) => p.op === 'sync-dossier').map((p) => p.dossierId);
    // The first dossier's create is held 400 ms; the second's three uploads and create pass it.
    expect(creates).toEqual([second.id, first.id]);
  });

  it('keeps a background run going after a refused login unless told to stop', async () => {
    const s = await peers.sim({ password: 'mat-khau-khac' });
    save(1);
    const engine = new SyncEngine(peers.store.outbox, portalClient(s.url), fast);
    const abort = new AbortController();
    setTimeout(() => {
      abort.abort();
    }, 400);
    const started = Date.now();
    const status = await engine.runUntilEmpty(abort.signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(status.authRefused).toBe(true);
  });

  it('does not go offline while the last answer is within the window', async () => {
    const port = await freePort();
    const s = await peers.sim({ port });
    const now = Date.now() + 60_000;
    save(1);
    const engine = new SyncEngine(peers.store.outbox, portalClient(s.url), {
      ...fast,
      concurrency: 1,
      offlineAfter: 1,
      offlineWindowMs: 1,
      now: () => now,
    });
    const changes: boolean[] = [];
    engine.events.on('online', ({ online }) => changes.push(online));
    expect((await engine.syncNow()).pending).toBe(0);
    await s.close();
    peers.sims.splice(0);
    save(1);
    // No answer now, but the portal answered at this same instant: not offline yet.
    const status = await engine.syncNow();
    expect(status).toMatchObject({ online: true, pending: 1 });
    expect(changes).toEqual([]);
  });

  it('an aborted runUntilEmpty returns with the rows still waiting', async () => {
    const port = await freePort();
    save(2);
    const engine = new SyncEngine(peers.store.outbox, portalClient(`http://127.0.0.1:${port}`), {
      ...fast,
      offlineAfter: 1_000,
    });
    const abort = new AbortController();
    setTimeout(() => {
      abort.abort();
    }, 200);
    const started = Date.now();
    const status = await engine.runUntilEmpty(abort.signal);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(status).toMatchObject({ pending: 2, online: true });
  });

  it('pulls back the status and NgayTra the portal holds, and null for a code it does not hold', async () => {
    const s = await peers.sim();
    const [d] = save(1);
    const engine = new SyncEngine(peers.store.outbox, portalClient(s.url), fast);
    await engine.runUntilEmpty();
    const id = d?.id ?? '';
    const code = d?.code ?? '';
    expect(await engine.pullStatus(id, code)).toEqual({ status: '2', returnedAt: null });
    const returnedAt = Date.UTC(2026, 11, 1, 3, 4, 5);
    const res = await simFetch(
      `${s.url}/__sim/status?mahoso=${code}&status=10&ngaytra=${toPortalDateTime(returnedAt)}`,
      { method: 'POST' },
    );
    expect(res.status).toBe(200);
    expect(await engine.pullStatus(id, code)).toEqual({ status: '10', returnedAt });
    expect(peers.store.get(id, 'test').portalStatus).toBe('10');
    expect(await engine.pullStatus(id, `${code}9`)).toBeNull();
    expect(peers.store.get(id, 'test').portalStatus).toBe('10');
  });
});
