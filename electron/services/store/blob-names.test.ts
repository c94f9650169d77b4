import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBytes, sampleDossier } from '../../../test/fixtures/store/sample-dossier';
import { BlobStore, sha256Hex } from './blob-store';
import { FieldCipher } from './crypto/field-cipher';
import { StaticKeyProvider } from './crypto/key-provider';
import { BLOB_DIR, DossierStore } from './dossier-store';

const dirs: string[] = [];
function dataDir(): string {
  const dir = fs.mkdtempSync(join(tmpdir(), 'kiosk-blob-names-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const KEY = Buffer.alloc(32, 3);
const open = (dir: string): DossierStore =>
  DossierStore.open({
    dataDir: dir,
    agencyCode: '000.00.53.H48',
    keyProvider: new StaticKeyProvider(KEY),
  });

/** Every blob file under `root` (write-in-progress temps excluded). */
function blobFiles(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.parentPath.endsWith(join('/', 'tmp')))
    .map((e) => join(e.parentPath, e.name));
}

const shasOf = (store: DossierStore): string[] =>
  store.database
    .prepare<[], { sha256: string }>('SELECT sha256 FROM blobs ORDER BY sha256')
    .all()
    .map((r) => r.sha256);

/** Puts the folder back as a build from before keyed names left it: plain-hash names, no marker. */
function toPlainHashNames(dir: string, shas: readonly string[], which = shas): void {
  const blobs = new BlobStore(join(dir, BLOB_DIR), new FieldCipher(KEY));
  for (const sha of which) {
    const name = blobs.nameOf(sha);
    const shard = join(dir, BLOB_DIR, sha.slice(0, 2));
    fs.mkdirSync(shard, { recursive: true });
    fs.renameSync(join(dir, BLOB_DIR, name.slice(0, 2), name), join(shard, sha));
  }
  const store = open(dir);
  store.database.prepare('DELETE FROM blob_layout').run();
  store.close();
}

function expectEveryBlobReadable(store: DossierStore, codes: readonly string[]): void {
  for (const code of codes) {
    for (const c of store.get(code, 'test').components) {
      expect(sha256Hex(store.outbox.readBlob(c.sha256!))).toBe(c.sha256);
    }
  }
}

describe('blob file names', () => {
  it("a blob's file name is a keyed hash, not the SHA-256 of its plaintext", () => {
    const root = dataDir();
    const plain = fakeBytes('ten-tep', 2048);
    const blobs = new BlobStore(root, new FieldCipher(KEY));
    const sha = blobs.put(plain);
    const files = blobFiles(root);
    expect(files).toHaveLength(1);
    expect(basename(files[0]!)).not.toBe(sha256Hex(plain));
    expect(basename(files[0]!)).toMatch(/^[0-9a-f]{64}$/);
    // The same bytes under another folder's key get another name: the name needs the key.
    const other = new BlobStore(dataDir(), new FieldCipher(Buffer.alloc(32, 4)));
    expect(other.nameOf(sha)).not.toBe(blobs.nameOf(sha));
    expect(blobs.read(sha).equals(plain)).toBe(true);
  });

  it('no file of a saved dossier is named by the SHA-256 of a page or a PDF', () => {
    const dir = dataDir();
    const store = open(dir);
    store.save(sampleDossier('names', { attachments: 2 }), 'clerk-1');
    const shas = shasOf(store);
    expect(shas).toHaveLength(4); // two PDFs and their page images
    const names = blobFiles(join(dir, BLOB_DIR)).map((f) => basename(f));
    expect(names).toHaveLength(4);
    for (const sha of shas) expect(names).not.toContain(sha);
    store.close();
  });

  it('a folder written with plain-hash names opens renamed, every blob readable, none lost', () => {
    const dir = dataDir();
    const first = open(dir);
    const codes = ['a', 'b', 'c'].map(
      (seed) => first.save(sampleDossier(seed, { attachments: 2 }), 'clerk-1').code,
    );
    const shas = shasOf(first);
    first.close();
    toPlainHashNames(dir, shas);
    expect(
      blobFiles(join(dir, BLOB_DIR))
        .map((f) => basename(f))
        .sort(),
    ).toEqual(shas);

    const store = open(dir);
    const names = blobFiles(join(dir, BLOB_DIR)).map((f) => basename(f));
    expect(names).toHaveLength(shas.length);
    for (const sha of shas) expect(names).not.toContain(sha);
    expectEveryBlobReadable(store, codes);
    expect(store.gc(0).blobs).toBe(0);
    expect(blobFiles(join(dir, BLOB_DIR))).toHaveLength(shas.length);
    store.close();
  });

  it('renames cut short by a crash are finished at the next open, losing nothing', () => {
    const dir = dataDir();
    const first = open(dir);
    const codes = ['d', 'e'].map(
      (seed) => first.save(sampleDossier(seed, { attachments: 2 }), 'clerk-1').code,
    );
    const shas = shasOf(first);
    first.close();
    // Half the files still under plain names, and one under both (put again before the crash).
    toPlainHashNames(dir, shas, shas.slice(0, 4));
    const both = shas[0]!;
    const blobs = new BlobStore(join(dir, BLOB_DIR), new FieldCipher(KEY));
    const name = blobs.nameOf(both);
    fs.mkdirSync(join(dir, BLOB_DIR, name.slice(0, 2)), { recursive: true });
    fs.copyFileSync(
      join(dir, BLOB_DIR, both.slice(0, 2), both),
      join(dir, BLOB_DIR, name.slice(0, 2), name),
    );

    const store = open(dir);
    const names = blobFiles(join(dir, BLOB_DIR)).map((f) => basename(f));
    expect(names.sort()).toEqual(shas.map((sha) => blobs.nameOf(sha)).sort());
    expectEveryBlobReadable(store, codes);
    expect(store.gc(0).blobs).toBe(0);
    store.close();
  });

  it('a kept blob still under its plain name is read and spared by gc', () => {
    const root = dataDir();
    const blobs = new BlobStore(root, new FieldCipher(KEY));
    const plain = fakeBytes('cu', 300);
    const sha = blobs.put(plain);
    const name = blobs.nameOf(sha);
    fs.mkdirSync(join(root, sha.slice(0, 2)), { recursive: true });
    fs.renameSync(join(root, name.slice(0, 2), name), join(root, sha.slice(0, 2), sha));
    expect(blobs.has(sha)).toBe(true);
    expect(blobs.read(sha).equals(plain)).toBe(true);
    const later = Date.now() + 3_600_000;
    expect(blobs.gc(new Set([sha]), later, 60_000).blobs).toBe(0);
    expect(blobs.gc(new Set(), later, 60_000).blobs).toBe(1);
  });
});
