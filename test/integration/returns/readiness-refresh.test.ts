/**
 * The periodic readiness refresh (issue 17 item 1) against the portal
 * simulator and the real store: dossiers the back office finished (9) are
 * marked "có kết quả" and so appear under "Chờ trả"; the others keep their
 * status and get the portal's recorded; a round asks at most its batch,
 * least recently asked first; a silent portal ends the round after one
 * lookup; the timer runs rounds on its own and stops cleanly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPortalSim, type PortalSim } from '../../../electron/portal-sim/portal-sim-server';
import { ConfigSchema } from '../../../electron/services/config/config-schema';
import { kioskMigrations } from '../../../electron/services/kiosk-migrations';
import { PortalClient } from '../../../electron/services/portal/portal-client';
import { askPortal } from '../../../electron/services/returns/readiness';
import { ReadinessRefresh } from '../../../electron/services/returns/readiness-refresh';
import { DossierStore } from '../../../electron/services/store/dossier-store';
import { SyncEngine } from '../../../electron/services/sync/sync-engine';
import { refreshStoreOf, startReadinessRefresh } from '../../../electron/shell/readiness-wiring';
import { matchesReturnFilter } from '../../../renderer/screens/return-filter';
import { sampleDossier } from '../../fixtures/store/sample-dossier';
import { rememberSim, simFetch } from '../sync/peers';

const AGENCY = '000.00.00.H00';
let dir: string;
let sim: PortalSim;
let store: DossierStore;
let portal: PortalClient;
const quiet = { info: (): void => undefined, warn: (): void => undefined };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-readiness-'));
  sim = await startPortalSim({ port: 0, faults: 0, dataDir: null, seed: 1 });
  rememberSim(sim);
  store = DossierStore.open({ dataDir: dir, agencyCode: AGENCY, migrations: kioskMigrations });
  portal = new PortalClient({
    baseUrl: sim.url,
    username: 'kiosk',
    password: 'kiosk-training',
    madonvi: AGENCY,
    timeoutMs: 2_000,
  });
});
afterEach(async () => {
  store.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

async function received(n: number): Promise<string[]> {
  const codes = Array.from(
    { length: n },
    (_, i) =>
      store.save(sampleDossier(`ready-${String(i)}`, { receivedAt: Date.now() + i }), 'test').code,
  );
  await new SyncEngine(store.outbox, portal).runUntilEmpty();
  return codes;
}

async function setStatus(code: string, status: string): Promise<void> {
  const res = await simFetch(`${sim.url}/__sim/status?mahoso=${code}&status=${status}`, {
    method: 'POST',
  });
  expect(res.status).toBe(200);
}

/** The refresh as the kiosk wires it, with the lookups it made written down. */
function refresh(batch: number, asked: string[] = [], intervalMs = 0): ReadinessRefresh {
  return new ReadinessRefresh(
    {
      store: refreshStoreOf(store),
      ask: (code) => {
        asked.push(code);
        return askPortal(portal, code, 1_000);
      },
      log: quiet,
    },
    { intervalMs, batch },
  );
}

const waiting = (code: string): boolean =>
  matchesReturnFilter(store.get(code, 'test'), 'waiting', Date.now());

describe('the readiness refresh', () => {
  it('marks what the portal finished "có kết quả", so it shows under "Chờ trả"; the rest keep theirs', async () => {
    const [done, busy, fresh] = (await received(3)) as [string, string, string];
    await setStatus(done, '9');
    await setStatus(busy, '4');
    expect(waiting(done)).toBe(false);
    const round = await refresh(50).refreshOnce();
    expect(round).toMatchObject({ asked: 3, ready: 1, unreachable: false });
    expect(store.get(done, 'test')).toMatchObject({ status: '9', portalStatus: '9' });
    expect(waiting(done)).toBe(true);
    expect(store.get(busy, 'test')).toMatchObject({ status: '2', portalStatus: '4' });
    expect(waiting(busy)).toBe(false);
    expect(store.get(fresh, 'test').status).toBe('2');
    // A dossier already "có kết quả" is not asked again.
    const again = await refresh(50).refreshOnce();
    expect(again.asked).toBe(2);
    console.info(`readiness round of 3 dossiers: ${String(round.ms)} ms`);
  });

  it('asks at most its batch a round, the least recently asked first, so rounds cover every dossier', async () => {
    const codes = await received(5);
    const first: string[] = [];
    const second: string[] = [];
    expect((await refresh(2, first).refreshOnce()).asked).toBe(2);
    expect((await refresh(2, second).refreshOnce()).asked).toBe(2);
    const third: string[] = [];
    await refresh(2, third).refreshOnce();
    expect(new Set([...first, ...second, third[0]])).toEqual(new Set(codes));
  });

  it('a silent portal ends the round after one lookup, within its timeout', async () => {
    await received(4);
    await sim.close();
    const round = await refresh(50).refreshOnce();
    expect(round).toMatchObject({ asked: 1, ready: 0, unreachable: true });
    expect(round.ms).toBeLessThan(2_000);
    // Restarted for afterEach, which closes it.
    sim = await startPortalSim({ port: 0, faults: 0, dataDir: null, seed: 1 });
  });

  it('runs on its own timer and stops cleanly', async () => {
    const [code] = (await received(1)) as [string];
    await setStatus(code, '9');
    const timed = refresh(50, [], 100);
    timed.start();
    const deadline = Date.now() + 10_000;
    while (!waiting(code) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await timed.stop();
    expect(waiting(code)).toBe(true);
  });

  it('is off with an interval of 0 minutes, and without a portal', () => {
    const off = ConfigSchema.parse({ returns: { readinessRefreshMinutes: 0 } });
    expect(startReadinessRefresh({ config: off, store, portal, log: quiet })).toBeNull();
    const on = ConfigSchema.parse({});
    expect(on.returns).toEqual({ readinessRefreshMinutes: 15, readinessBatch: 50 });
    expect(startReadinessRefresh({ config: on, store, portal: null, log: quiet })).toBeNull();
  });
});
