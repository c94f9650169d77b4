/**
 * What the runner tests share: the real store (DossierStore over a temp
 * SQLite file, with the returns migrations) and the portal simulator started
 * in this process on 127.0.0.1, so a test costs milliseconds, not seconds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startPortalSim,
  type PortalSim,
  type PortalSimOptions,
} from '../../../electron/portal-sim/portal-sim-server';
import { kioskMigrations } from '../../../electron/services/kiosk-migrations';
import { PortalClient } from '../../../electron/services/portal/portal-client';
import { DossierStore } from '../../../electron/services/store/dossier-store';
import type { OutboxEntry, OutboxPort } from '../../../electron/services/sync/outbox-port';
import { rememberSim } from './peers';

export const AGENCY = '000.00.00.H00';

export interface RunnerPeers {
  readonly dir: string;
  readonly store: DossierStore;
  readonly sims: PortalSim[];
  sim(options?: Partial<PortalSimOptions>): Promise<PortalSim>;
  close(): Promise<void>;
}

export function openPeers(): RunnerPeers {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-runner-'));
  const store = DossierStore.open({
    dataDir: dir,
    agencyCode: AGENCY,
    migrations: kioskMigrations,
  });
  const sims: PortalSim[] = [];
  return {
    dir,
    store,
    sims,
    async sim(options = {}) {
      const s = await startPortalSim({ port: 0, faults: 0, dataDir: null, seed: 7, ...options });
      rememberSim(s);
      sims.push(s);
      return s;
    },
    async close() {
      store.close();
      await Promise.all(sims.splice(0).map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function portalClient(url: string, timeoutMs = 2_000): PortalClient {
  return new PortalClient({
    baseUrl: url,
    username: 'kiosk',
    password: 'kiosk-training',
    madonvi: AGENCY,
    timeoutMs,
  });
}

/** The dossier's head row as the outbox offers it now (whatever its next try time). */
export function head(outbox: OutboxPort, dossierId: string): OutboxEntry {
  const row = outbox.due(Number.MAX_SAFE_INTEGER, 100).find((e) => e.dossierId === dossierId);
  if (row === undefined) throw new Error(`dossier ${dossierId} has no row left in the outbox`);
  return row;
}

/** Runs the dossier's rows one by one, in the outbox's order, until none is left (at most `max`). */
export async function drain(
  outbox: OutboxPort,
  dossierId: string,
  run: (entry: OutboxEntry) => Promise<unknown>,
  max = 20,
): Promise<string[]> {
  const ops: string[] = [];
  for (let i = 0; i < max; i++) {
    const row = outbox.due(Number.MAX_SAFE_INTEGER, 100).find((e) => e.dossierId === dossierId);
    if (row === undefined) return ops;
    ops.push(row.op);
    await run(row);
  }
  throw new Error(`dossier ${dossierId} still has rows after ${max} runs`);
}
