/**
 * `kiosk sync` as a child process over the real store, against a portal that
 * is not our simulator, and with credentials the portal refuses.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DossierStore } from '../../../electron/services/store/dossier-store';
import { OTHER_PATHS, startOtherPortal, type OtherPortal } from './other-portal';
import { startKiosk } from './peers';
import { seedDossiers, TEST_AGENCY } from './seed-dossiers';

let dir: string;
let portal: OtherPortal;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-cli-'));
  portal = await startOtherPortal();
});
afterEach(async () => {
  await portal.close();
  rmSync(dir, { recursive: true, force: true });
});

const env = (password: string): Record<string, string> => ({
  KIOSK_DATA_DIR: dir,
  KIOSK_PORTAL_URL: portal.url,
  KIOSK_PORTAL_USER: 'can-bo',
  KIOSK_PORTAL_PASSWORD: password,
  KIOSK_PORTAL_AUTH_PATH: OTHER_PATHS.auth,
  KIOSK_PORTAL_INTEGRATION_PATH: OTHER_PATHS.integration,
  KIOSK_PORTAL_FILES_PATH: OTHER_PATHS.files,
});

describe('kiosk sync against another server following the wire contract', () => {
  it('syncs every dossier with its attachments and prints the final queue as JSON', async () => {
    const seeded = seedDossiers(dir, 8, { attachments: 2, attachmentBytes: 700 });
    const run = startKiosk(['--json', 'sync', '--until-empty'], env('mat-khau'));
    const timer = setTimeout(() => run.child.kill('SIGKILL'), 60_000);
    const result = await run.done;
    clearTimeout(timer);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      pending: 0,
      parked: 0,
      online: true,
      lastError: null,
    });
    expect(portal.creates).toBe(8);
    expect(portal.duplicates).toBe(0);
    for (const d of seeded) {
      const held = portal.dossiers.get(d.code) as
        { TaiLieuNop: { DuongDanTaiTepTin: string }[] } | undefined;
      const hashes = await Promise.all(
        (held?.TaiLieuNop ?? []).map(async (doc) => {
          const res = await fetch(doc.DuongDanTaiTepTin);
          return createHash('sha256')
            .update(Buffer.from(await res.arrayBuffer()))
            .digest('hex');
        }),
      );
      expect(hashes.sort()).toEqual([...d.attachmentHashes].sort());
    }
    const store = DossierStore.open({ dataDir: dir, agencyCode: TEST_AGENCY });
    try {
      expect(store.outbox.depth()).toEqual({ pending: 0, parked: 0 });
    } finally {
      store.close();
    }
  });

  it('stops at once with exit 3 and names the settings when the portal refuses the credentials', async () => {
    seedDossiers(dir, 2);
    const started = Date.now();
    const run = startKiosk(['--lang', 'vi', 'sync', '--until-empty'], env('sai-mat-khau'));
    const timer = setTimeout(() => run.child.kill('SIGKILL'), 30_000);
    const result = await run.done;
    clearTimeout(timer);
    expect(result.code).toBe(3);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.stdout).toContain('KIOSK_PORTAL_PASSWORD');
    expect(result.stdout).toContain('2 hồ sơ chờ đồng bộ');
  });

  it('waits out the settle window, then finds the lost create and updates it: no second create', async () => {
    await portal.close();
    portal = await startOtherPortal({ laggingLookup: true });
    seedDossiers(dir, 3);
    // A short window keeps the test fast; it only has to outlast the stale lookup.
    const run = startKiosk(['--json', 'sync', '--until-empty', '--settle', '2'], env('mat-khau'));
    const timer = setTimeout(() => run.child.kill('SIGKILL'), 60_000);
    const result = await run.done;
    clearTimeout(timer);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ pending: 0, parked: 0 });
    expect(portal.dossiers.size).toBe(3);
    expect(portal.creates).toBe(3);
    /*
     * The retry's lookup reads the stale replica ("not found"), but the first
     * create's answer was never read, so no second create leaves inside the
     * window; the lookup after it finds the dossier and sends an update. Before
     * the window existed each retry sent a second create here (3 duplicates).
     */
    expect(portal.duplicates).toBe(0);
  });

  it('updates rather than parks when a create committed after the window meets a second create', async () => {
    await portal.close();
    portal = await startOtherPortal({ laggingLookup: true });
    seedDossiers(dir, 3);
    // --settle 0: the window is over before the retry, so the stale lookup lets a second create leave.
    const run = startKiosk(['--json', 'sync', '--until-empty', '--settle', '0'], env('mat-khau'));
    const timer = setTimeout(() => run.child.kill('SIGKILL'), 60_000);
    const result = await run.done;
    clearTimeout(timer);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ pending: 0, parked: 0 });
    expect(portal.dossiers.size).toBe(3);
    // Each retry's create met the first one: refused by the portal, then sent as an update.
    expect(portal.duplicates).toBe(3);
  });
});
