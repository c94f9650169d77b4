/**
 * The sync engine draining the real store (the DossierStore and
 * SqliteOutbox) into the training portal over HTTP on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startPortalSim,
  type PortalSim,
  type PortalSimOptions,
} from '../../../electron/portal-sim/portal-sim-server';
import { SIM_CONTROL_HEADER } from '../../../electron/portal-sim/sim-guard';
import { PortalClient } from '../../../electron/services/portal/portal-client';
import { DossierStore } from '../../../electron/services/store/dossier-store';
import { SyncProgressSchema, SyncStatusSchema } from '../../../electron/api/contract/sync';
import { SyncEngine, type SyncEngineOptions } from '../../../electron/services/sync/sync-engine';
import {
  createSyncHandlers,
  forwardSyncProgress,
} from '../../../electron/services/sync/sync-handlers';
import type { SyncProgress } from '../../../electron/services/sync/sync-events';
import { rememberSim, simFetch } from './peers';
import { seedDossiers, TEST_AGENCY, type SeededDossier } from './seed-dossiers';

const fast: SyncEngineOptions = { concurrency: 4, backoff: { baseMs: 50, maxMs: 400 }, pollMs: 50 };

let dir: string;
let store: DossierStore | null = null;
const sims: PortalSim[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-sync-'));
});
afterEach(async () => {
  store?.close();
  store = null;
  await Promise.all(sims.splice(0).map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function sim(options: Partial<PortalSimOptions> = {}): Promise<PortalSim> {
  const s = await startPortalSim({ port: 0, faults: 0, dataDir: null, seed: 5, ...options });
  sims.push(s);
  return s;
}

function client(url: string): PortalClient {
  return new PortalClient({
    baseUrl: url,
    username: 'kiosk',
    password: 'kiosk-training',
    madonvi: TEST_AGENCY,
    timeoutMs: 1_000,
  });
}

function seed(count: number): { seeded: SeededDossier[]; store: DossierStore } {
  const seeded = seedDossiers(join(dir, 'kiosk'), count, { attachments: 2, attachmentBytes: 512 });
  store = DossierStore.open({ dataDir: join(dir, 'kiosk'), agencyCode: TEST_AGENCY });
  return { seeded, store };
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

describe('sync engine with the real store and the portal simulator', () => {
  it('uploads each attachment before the dossier that links it and ends with every row synced', async () => {
    const s = await sim();
    const { seeded, store } = seed(6);
    const engine = new SyncEngine(store.outbox, client(s.url), fast);
    const ops = new Map<string, string[]>();
    engine.events.on('progress', (p) => {
      ops.set(p.dossierId, [...(ops.get(p.dossierId) ?? []), `${p.op}:${p.outcome}`]);
    });
    const status = await engine.runUntilEmpty();
    expect(status).toMatchObject({ pending: 0, parked: 0, online: true, lastError: null });
    expect(s.stats()).toMatchObject({ dossiers: 6, duplicates: 0, files: 12 });
    for (const d of seeded) {
      expect(ops.get(d.id)).toEqual(['upload-file:done', 'upload-file:done', 'sync-dossier:done']);
      const view = store.get(d.id, 'test');
      expect(view.syncState).toBe('synced');
      expect(view.portalStatus).toBe('2');
      expect(view.components.every((c) => c.portalUrl?.startsWith(s.url))).toBe(true);
    }
  });

  it('retries a create whose answer was lost as an update, never a second create', async () => {
    const s = await sim({ faults: 0.5, faultKinds: ['lost-after-commit'] });
    const { store } = seed(12);
    const engine = new SyncEngine(store.outbox, client(s.url), { ...fast, offlineAfter: 1_000 });
    const status = await engine.runUntilEmpty();
    expect(status).toMatchObject({ pending: 0, parked: 0 });
    const stats = s.stats();
    expect(stats.dossiers).toBe(12);
    expect(stats.duplicates).toBe(0);
    expect(stats.faultsByKind['lost-after-commit']).toBeGreaterThan(5);
  });

  it('a create the portal commits after the client gave up is found by lookup, never sent twice', async () => {
    // Each create is held 2.5 s, then committed; the client gives up after 1 s.
    const s = await sim({ lateMs: 2_500 });
    rememberSim(s);
    const armed = await simFetch(`${s.url}/__sim/late-create?count=6`, { method: 'POST' });
    expect(armed.status).toBe(200);
    const { seeded, store } = seed(6);
    const engine = new SyncEngine(store.outbox, client(s.url), { ...fast, createSettleMs: 4_000 });
    const started = Date.now();
    const status = await engine.runUntilEmpty();
    const took = Date.now() - started;
    // Let every held create land before counting, so a second create cannot hide behind it.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    console.log(`late commit: 6 dossiers synced in ${took} ms`, s.stats());
    expect(status).toMatchObject({ pending: 0, parked: 0 });
    expect(s.stats()).toMatchObject({ dossiers: 6, creates: 6, duplicates: 0 });
    expect(s.stats().faultsByKind['late-commit']).toBe(6);
    for (const d of seeded) expect(store.get(d.id, 'test').syncState).toBe('synced');
  });

  it("parks a rejected dossier with the portal's message while the others sync", async () => {
    const s = await sim();
    const { seeded, store } = seed(3);
    const taken = seeded[1]!;
    // Another system already filed this code: the portal refuses our create.
    await client(s.url).syncDossiers(false, [store.outbox.portalDossier(taken.id)]);
    const engine = new SyncEngine(store.outbox, client(s.url), fast);
    const parked: SyncProgress[] = [];
    engine.events.on('progress', (p) => {
      if (p.outcome === 'parked') parked.push(p);
    });
    // The file uploads of the refused dossier fail nothing, so it parks at its DongBoHoSoMC.
    const status = await engine.runUntilEmpty();
    expect(status).toMatchObject({ pending: 0, parked: 1 });
    expect(parked).toHaveLength(1);
    expect(parked[0]?.dossierId).toBe(taken.id);
    expect(parked[0]?.message).toContain('đã tồn tại');
    const view = store.get(taken.id, 'test');
    expect(view.syncState).toBe('parked');
    expect(view.parkedMessage).toContain('đã tồn tại');
    expect(store.get(seeded[0]!.id, 'test').syncState).toBe('synced');
  });

  it('goes offline when nothing answers and drains once the portal is back', async () => {
    const port = await freePort();
    const { store } = seed(4);
    const engine = new SyncEngine(store.outbox, client(`http://127.0.0.1:${port}`), {
      ...fast,
      offlineWindowMs: 0,
      healthIntervalMs: 100,
    });
    const changes: boolean[] = [];
    engine.events.on('online', ({ online }) => changes.push(online));
    engine.start();
    for (let i = 0; i < 100 && !changes.includes(false); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(changes).toContain(false);
    expect(engine.status()).toMatchObject({ online: false, pending: 4 });
    await sim({ port });
    for (let i = 0; i < 200 && store.outbox.depth().pending > 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    await engine.stop();
    expect(changes.at(-1)).toBe(true);
    expect(store.outbox.depth()).toEqual({ pending: 0, parked: 0 });
  });

  it('defers a row the portal rate-limited by at least its Retry-After', async () => {
    const s = await sim({ faults: 1, faultKinds: ['rate-limit'] });
    const { store } = seed(2);
    const engine = new SyncEngine(store.outbox, client(s.url), fast);
    const before = Date.now();
    const status = await engine.syncNow();
    expect(status.pending).toBe(2);
    expect(status.lastError).toContain('429');
    const heads = store.outbox.due(Number.MAX_SAFE_INTEGER, 10);
    expect(heads).toHaveLength(2);
    for (const head of heads) {
      expect(head.attempts).toBe(1);
      expect(head.nextAttemptAt).toBeGreaterThanOrEqual(before + 1_000);
    }
  });

  it('pulls back the status the portal moved a dossier to', async () => {
    const s = await sim();
    const { seeded, store } = seed(1);
    const engine = new SyncEngine(store.outbox, client(s.url), fast);
    await engine.runUntilEmpty();
    const d = seeded[0]!;
    expect(store.get(d.id, 'test').portalStatus).toBe('2');
    // The back office finished the dossier ("9" Đã xử lý xong).
    await fetch(`${s.url}/__sim/status?mahoso=${d.code}&status=9`, {
      method: 'POST',
      headers: { [SIM_CONTROL_HEADER]: s.controlSecret },
    });
    expect(await engine.pullStatus(d.id, d.code)).toEqual({ status: '9', returnedAt: null });
    expect(store.get(d.id, 'test').portalStatus).toBe('9');
  });

  it('answers sync.status and sync.now, and emits sync.progress, within the API contract', async () => {
    const s = await sim();
    const { store } = seed(2);
    const engine = new SyncEngine(store.outbox, client(s.url), fast);
    const handlers = createSyncHandlers({ engine });
    const events: unknown[] = [];
    forwardSyncProgress(engine, (payload) => events.push(payload));
    const before = SyncStatusSchema.parse(
      await handlers['sync.status']({}, { transport: 'local' }),
    );
    expect(before).toMatchObject({ pending: 2, parked: 0, lastSyncAt: null });
    await handlers['sync.now']({}, { transport: 'local' });
    await engine.runUntilEmpty();
    const after = SyncStatusSchema.parse(await handlers['sync.status']({}, { transport: 'local' }));
    expect(after).toMatchObject({ pending: 0, parked: 0, online: true });
    expect(after.lastSyncAt).not.toBeNull();
    expect(events.length).toBe(6);
    for (const e of events) expect(SyncProgressSchema.safeParse(e).success).toBe(true);
  });

  it('parks a dossier whose attachment is gone from the kiosk instead of retrying forever', async () => {
    const s = await sim();
    const { store } = seed(2);
    rmSync(join(dir, 'kiosk', 'blobs'), { recursive: true, force: true });
    const engine = new SyncEngine(store.outbox, client(s.url), fast);
    const status = await engine.runUntilEmpty();
    expect(status).toMatchObject({ pending: 0, parked: 2 });
    expect(status.lastError).toMatch(/bị thiếu hoặc hỏng/);
    expect(s.stats().dossiers).toBe(0);
  });
});
