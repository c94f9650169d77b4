/**
 * A portal that accepts the connection and never answers must not hold up a
 * citizen's status lookup: the answer comes from the store within the bound,
 * without portalCheckedAt, and the lookup never throws.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalClient } from '../../../electron/services/portal/portal-client';
import { PortalConfigSchema } from '../../../electron/services/portal/portal-config';
import { StatusLookupService } from '../../../electron/services/lookup/status-lookup';
import { DossierStore } from '../../../electron/services/store/dossier-store';
import { SyncEngine } from '../../../electron/services/sync/sync-engine';
import { sampleDossier } from '../../fixtures/store/sample-dossier';

let silent: Server;
const sockets: Socket[] = [];
let url = '';
let dir = '';
let store: DossierStore;

beforeAll(async () => {
  silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  url = `http://127.0.0.1:${address.port}`;
  dir = mkdtempSync(join(tmpdir(), 'kiosk-lookup-silent-'));
  store = DossierStore.open({ dataDir: dir, agencyCode: '000.00.00.H00' });
});

afterAll(async () => {
  store.close();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) =>
    silent.close(() => {
      resolve();
    }),
  );
  rmSync(dir, { recursive: true, force: true });
});

describe('status lookup with a silent portal', () => {
  it('answers the local status within about the 1 s bound given, without portalCheckedAt', async () => {
    const portal = new PortalClient(
      PortalConfigSchema.parse({ baseUrl: url, username: 'kiosk', password: 'x', madonvi: 'x' }),
    );
    const engine = new SyncEngine(store.outbox, portal);
    const lines: Record<string, unknown>[] = [];
    const lookup = new StatusLookupService({
      store,
      sync: engine,
      portalTimeoutMs: 1_000,
      log: { info: (fields) => lines.push(fields) },
    });
    const saved = store.save(sampleDossier('silent', { receivedAt: Date.now() }), 'test');
    expect(engine.status().online).toBe(true);
    const started = performance.now();
    const answer = await lookup.lookup(`https://tra-cuu.example.vn/?ma=${saved.code}`);
    const ms = performance.now() - started;
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(2_000);
    expect(answer).toMatchObject({
      code: saved.code,
      status: '2',
      syncState: 'pending',
      portalCheckedAt: null,
    });
    expect(answer.statusText.en).toBe('Accepted by the one-stop desk');
    expect(JSON.stringify(answer)).not.toContain('Nguyễn');
    // The log keeps the unit and day, never the whole code.
    expect(JSON.stringify(lines)).not.toContain(saved.code);
    expect(lines.at(-1)).toMatchObject({ found: true, portalAsked: false });
  });
});
