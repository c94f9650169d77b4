import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDossier } from '../../fixtures/store/sample-dossier';
import { sha256Hex } from '../../../electron/services/store/blob-store';
import { StaticKeyProvider } from '../../../electron/services/store/crypto/key-provider';
import { DossierStore } from '../../../electron/services/store/dossier-store';
import { StoreError } from '../../../electron/services/store/store-error';

/**
 * A real full disk: a 3 MB tmpfs mounted for the test (needs root and
 * CAP_SYS_ADMIN; skipped with the reason where mounting is not allowed).
 */
const mountPoint = mkdtempSync(join(tmpdir(), 'kiosk-tinyfs-'));
let skipReason = '';
beforeAll(() => {
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m,mode=0700', 'tmpfs', mountPoint], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (r.status !== 0)
    skipReason = `cannot mount a tmpfs here: ${r.stderr.trim() || String(r.error)}`;
});
afterAll(() => {
  if (!skipReason) spawnSync('umount', ['-l', mountPoint], { timeout: 10_000 });
  rmSync(mountPoint, { recursive: true, force: true });
});

function saveUntilFull(
  store: DossierStore,
  tag: string,
  size: number,
): { saved: string[]; error: unknown } {
  const saved: string[] = [];
  for (let i = 0; i < 200; i++) {
    try {
      saved.push(store.save(sampleDossier(`${tag}${i}`, { attachments: 2, size }), 'test').id);
    } catch (error) {
      return { saved, error };
    }
  }
  return { saved, error: undefined };
}

describe('disk full on a real tiny filesystem', () => {
  it('a save that hits a full disk fails with a clear error and loses nothing saved before', (ctx) => {
    if (skipReason) {
      console.warn(`skipped: ${skipReason}`);
      ctx.skip();
    }
    const dataDir = join(mountPoint, 'data');
    const keyProvider = new StaticKeyProvider(Buffer.alloc(32, 9));
    const open = (): DossierStore =>
      DossierStore.open({ dataDir, agencyCode: '000.00.53.H48', keyProvider });
    // Ballast the "administrator" deletes at the end to free space for recovery.
    writeFileSync(join(mountPoint, 'ballast'), Buffer.alloc(512 * 1024));
    const store = open();
    const { saved, error } = saveUntilFull(store, 'big', 120_000);
    expect(saved.length).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'STORE_DISK_FULL' });
    expect((error as StoreError).vi).toMatch(/Ổ đĩa đã đầy/);

    // Fill the last bytes so that the database itself cannot grow: SQLITE_FULL.
    const fd = openSync(join(mountPoint, 'filler'), 'w');
    try {
      for (;;) writeSync(fd, Buffer.alloc(4096));
    } catch {
      // ENOSPC: the disk is now completely full
    } finally {
      closeSync(fd);
    }
    const tiny = saveUntilFull(store, 'tiny', 10);
    expect(tiny.error).toMatchObject({ code: 'STORE_DISK_FULL' });
    store.close();

    rmSync(join(mountPoint, 'filler'));
    rmSync(join(mountPoint, 'ballast'));
    const reopened = open();
    reopened.gc(0); // start-up GC frees the blobs of the failed saves
    expect(reopened.database.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const id of [...saved, ...tiny.saved]) {
      for (const c of reopened.get(id, 'test').components) {
        expect(sha256Hex(reopened.outbox.readBlob(c.sha256!))).toBe(c.sha256);
      }
    }
    expect(reopened.list({ limit: 1000 }, 'test')).toHaveLength(saved.length + tiny.saved.length);
    console.log(
      `disk-full: ${saved.length + tiny.saved.length} dossiers saved before the disk filled, all intact`,
    );
    reopened.close();
  });
});
