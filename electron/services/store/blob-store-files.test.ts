import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBytes } from '../../../test/fixtures/store/sample-dossier';
import { BlobStore, type BlobFs } from './blob-store';
import { FieldCipher } from './crypto/field-cipher';
import { StoreError } from './store-error';

const dirs: string[] = [];
function dataDir(): string {
  const dir = fs.mkdtempSync(join(tmpdir(), 'kiosk-blobf-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const cipher = new FieldCipher(Buffer.alloc(32, 7));

/** The real file layer, recording which paths were fsynced (files and folders). */
function recordingFs(): { fs: BlobFs; synced: string[] } {
  const paths = new Map<number, string>();
  const synced: string[] = [];
  const layer: BlobFs = {
    ...fs,
    openSync: ((path: string, flags: string, mode?: number) => {
      const fd = fs.openSync(path, flags, mode);
      paths.set(fd, path);
      return fd;
    }) as BlobFs['openSync'],
    fsyncSync: (fd: number) => {
      synced.push(paths.get(fd) ?? '?');
      fs.fsyncSync(fd);
    },
  };
  return { fs: layer, synced };
}

describe('BlobStore files', () => {
  it('many blobs sharing shard folders are all stored and listed', () => {
    const blobs = new BlobStore(dataDir(), cipher);
    // 300 blobs over 256 shard folders: at least one folder holds two.
    const shas = Array.from({ length: 300 }, (_, i) => blobs.put(fakeBytes(`s${i}`, 8)));
    expect(new Set(shas.map((s) => s.slice(0, 2))).size).toBeLessThan(300);
    expect(blobs.list().sort()).toEqual(shas.map((sha) => blobs.nameOf(sha)).sort());
    for (const sha of shas.slice(0, 5)) expect(blobs.has(sha)).toBe(true);
  });

  it('a name that is not a SHA-256 is refused before touching the disk', () => {
    const blobs = new BlobStore(dataDir(), cipher);
    const sha = blobs.put(fakeBytes('n', 10));
    for (const bad of [`x${sha}`, `${sha}x`, '../../etc/passwd', sha.toUpperCase()]) {
      expect(() => blobs.read(bad)).toThrow(/not a SHA-256/);
      expect(blobs.has(bad)).toBe(false);
    }
    expect(blobs.has('0'.repeat(64))).toBe(false);
  });

  it('a missing blob names its hash in the Vietnamese and English messages', () => {
    const blobs = new BlobStore(dataDir(), cipher);
    const sha = 'c'.repeat(64);
    let caught: unknown;
    try {
      blobs.read(sha);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StoreError);
    const err = caught as StoreError;
    expect(err.code).toBe('STORE_BLOB_MISSING');
    expect(err.vi).toContain(`Tệp đính kèm ${sha.slice(0, 12)}…`);
    expect(err.message).toContain(`Attachment ${sha.slice(0, 12)}…`);
  });

  it('the listing ignores stray files and folders that are not blobs', () => {
    const root = dataDir();
    const blobs = new BlobStore(root, cipher);
    const name = blobs.nameOf(blobs.put(fakeBytes('l', 10)));
    fs.mkdirSync(join(root, 'zz'));
    fs.writeFileSync(join(root, 'zz', 'a'.repeat(64)), 'x');
    fs.writeFileSync(join(root, 'xab'), 'x');
    fs.writeFileSync(join(root, name.slice(0, 2), `${name}.bak`), 'x');
    fs.writeFileSync(join(root, name.slice(0, 2), `x${name}`), 'x');
    expect(blobs.list()).toEqual([name]);
  });

  it('putting stored bytes again refreshes the file, so gc spares it until its row commits', () => {
    const root = dataDir();
    const blobs = new BlobStore(root, cipher);
    const bytes = fakeBytes('again', 10);
    const sha = blobs.put(bytes);
    const name = blobs.nameOf(sha);
    const path = join(root, name.slice(0, 2), name);
    const old = new Date(Date.now() - 3_600_000);
    fs.utimesSync(path, old, old);
    const sealed = fs.readFileSync(path);
    expect(blobs.put(bytes)).toBe(sha);
    expect(fs.readFileSync(path).equals(sealed)).toBe(true); // not rewritten
    expect(blobs.gc(new Set(), Date.now(), 60_000)).toEqual({ blobs: 0, temps: 0 });
  });

  it('gc removes a blob exactly as old as the grace period', () => {
    const root = dataDir();
    const blobs = new BlobStore(root, cipher);
    const name = blobs.nameOf(blobs.put(fakeBytes('edge', 10)));
    const mtime = fs.statSync(join(root, name.slice(0, 2), name)).mtimeMs;
    expect(blobs.gc(new Set(), mtime + 59_999, 60_000).blobs).toBe(0);
    expect(blobs.gc(new Set(), mtime + 60_000, 60_000).blobs).toBe(1);
  });

  it('put fsyncs the file, then its new shard folder and the root, before returning', () => {
    const root = dataDir();
    const recorder = recordingFs();
    const blobs = new BlobStore(root, cipher, recorder.fs);
    const name = blobs.nameOf(blobs.put(fakeBytes('sync', 10)));
    const [file, ...folders] = recorder.synced;
    expect(file).toMatch(/\.tmp$/);
    expect(folders).toEqual([root, join(root, name.slice(0, 2))]);
  });
});
