import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBytes, sampleDossier } from '../../../test/fixtures/store/sample-dossier';
import { BlobStore, sha256Hex, type BlobFs } from './blob-store';
import { FieldCipher } from './crypto/field-cipher';
import { StaticKeyProvider } from './crypto/key-provider';
import { DossierStore } from './dossier-store';

const dirs: string[] = [];
function dataDir(): string {
  const dir = fs.mkdtempSync(join(tmpdir(), 'kiosk-blob-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const cipher = new FieldCipher(Buffer.alloc(32, 7));

/** A file layer whose disk fills up after `budget` more bytes. */
function fillingFs(budget: { bytes: number }): BlobFs {
  return {
    ...fs,
    writeSync: ((fd: number, buffer: Buffer, offset?: number, length?: number) => {
      const n = length ?? buffer.length;
      if (n > budget.bytes)
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      budget.bytes -= n;
      return fs.writeSync(fd, buffer, offset, n);
    }) as BlobFs['writeSync'],
  };
}

describe('BlobStore', () => {
  it('stores sealed bytes addressed by their SHA-256 and reads them back verified', () => {
    const blobs = new BlobStore(dataDir(), cipher);
    const bytes = fakeBytes('x', 5000);
    const sha = blobs.put(bytes);
    expect(sha).toBe(sha256Hex(bytes));
    expect(blobs.put(bytes)).toBe(sha);
    expect(blobs.list()).toEqual([blobs.nameOf(sha)]);
    expect(blobs.read(sha).equals(bytes)).toBe(true);
  });

  it('a tampered blob file fails to read with a typed error', () => {
    const root = dataDir();
    const blobs = new BlobStore(root, cipher);
    const sha = blobs.put(fakeBytes('t', 100));
    const name = blobs.nameOf(sha);
    const path = join(root, name.slice(0, 2), name);
    const sealed = fs.readFileSync(path);
    sealed[sealed.length - 1]! ^= 1;
    fs.writeFileSync(path, sealed);
    expect(() => blobs.read(sha)).toThrow();
    fs.unlinkSync(path);
    expect(() => blobs.read(sha)).toThrow(expect.objectContaining({ code: 'STORE_BLOB_MISSING' }));
  });

  it('gc removes unnamed blobs and leftover temp files, sparing young ones', () => {
    const root = dataDir();
    const blobs = new BlobStore(root, cipher);
    const keep = blobs.put(fakeBytes('k', 10));
    blobs.put(fakeBytes('o', 10));
    fs.writeFileSync(join(root, 'tmp', 'dead.tmp'), 'x');
    const now = Date.now();
    expect(blobs.gc(new Set([keep]), now, 60_000)).toEqual({ blobs: 0, temps: 0 });
    expect(blobs.gc(new Set([keep]), now + 61_000, 60_000)).toEqual({ blobs: 1, temps: 1 });
    expect(blobs.list()).toEqual([blobs.nameOf(keep)]);
  });

  it('a disk-full write gives a clear error, leaves no temp file, and loses nothing saved before', () => {
    const dir = dataDir();
    const budget = { bytes: 1e9 };
    const store = DossierStore.open({
      dataDir: dir,
      agencyCode: '000.00.53.H48',
      keyProvider: new StaticKeyProvider(Buffer.alloc(32, 1)),
      blobFs: fillingFs(budget),
    });
    const before = store.save(sampleDossier('ok', { attachments: 2 }), 'c');
    budget.bytes = 5000; // room for one sealed 4 KB attachment, not the next
    const err = (() => {
      try {
        store.save(sampleDossier('full', { attachments: 2 }), 'c');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toMatchObject({ code: 'STORE_DISK_FULL' });
    expect((err as { vi: string }).vi).toMatch(/Ổ đĩa đã đầy/);
    expect(fs.readdirSync(join(dir, 'blobs', 'tmp'))).toEqual([]);
    expect(store.list({}, 't').map((d) => d.code)).toEqual([before.code]);
    const view = store.get(before.id, 't');
    for (const c of view.components)
      expect(sha256Hex(store.outbox.readBlob(c.sha256!))).toBe(c.sha256);
    expect(store.gc(0).blobs).toBeGreaterThan(0); // the one attachment written before the disk filled
    budget.bytes = 1e9;
    expect(store.save(sampleDossier('after', { attachments: 2 }), 'c').code).toMatch(/-0002$/);
    store.close();
  });
});
