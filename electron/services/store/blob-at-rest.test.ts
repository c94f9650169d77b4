import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CITIZEN, sampleDossier } from '../../../test/fixtures/store/sample-dossier';
import { BlobStore, sha256Hex } from './blob-store';
import { FieldCipher } from './crypto/field-cipher';
import { StaticKeyProvider } from './crypto/key-provider';
import { BLOB_DIR, DossierStore } from './dossier-store';

// Blob pages here are readable text, not random bytes: a store that wrote
// them unencrypted must be caught by finding the text in the file on disk.
const MARKER = 'TRANG-MAU-KHONG-MA-HOA';
const page = (): Buffer =>
  Buffer.from(
    `%PDF-1.7\n${MARKER}\nHọ và tên: ${CITIZEN.name}\nSố CCCD: ${CITIZEN.idNumber}\n`.repeat(20),
    'utf8',
  );

const dirs: string[] = [];
function dataDir(): string {
  const dir = fs.mkdtempSync(join(tmpdir(), 'kiosk-blob-rest-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Every regular file under `root` except write-in-progress temps, whatever the naming scheme. */
function blobFiles(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.parentPath.endsWith(join('/', 'tmp')))
    .map((e) => join(e.parentPath, e.name));
}

function containsText(bytes: Buffer, text: string): boolean {
  return (
    bytes.includes(Buffer.from(text, 'utf8')) ||
    bytes.includes(Buffer.from(text.normalize('NFD'), 'utf8'))
  );
}

describe('blob files at rest', () => {
  it('a stored page is not readable in its file on disk, and the key opens it back', () => {
    const root = dataDir();
    const key = Buffer.alloc(32, 7);
    const blobs = new BlobStore(root, new FieldCipher(key));
    const plain = page();
    const sha = blobs.put(plain);
    const files = blobFiles(root);
    expect(files).toHaveLength(1);
    const onDisk = fs.readFileSync(files[0]!);
    expect(containsText(plain, MARKER)).toBe(true); // the needle is really in the page
    for (const needle of [MARKER, CITIZEN.name, CITIZEN.idNumber, '%PDF-'])
      expect(containsText(onDisk, needle), needle).toBe(false);
    expect(new FieldCipher(key).openBlob(onDisk, sha).equals(plain)).toBe(true);
    expect(() => new FieldCipher(Buffer.alloc(32, 8)).openBlob(onDisk, sha)).toThrow();
  });

  it('a saved dossier leaves no readable page text in the blob folder', () => {
    const dir = dataDir();
    const store = DossierStore.open({
      dataDir: dir,
      agencyCode: '000.00.53.H48',
      keyProvider: new StaticKeyProvider(Buffer.alloc(32, 1)),
    });
    const input = sampleDossier('rest', { attachments: 1 });
    const component = input.components?.[0];
    if (!component) throw new Error('the sample dossier has one component');
    const dossier = {
      ...input,
      components: [
        { ...component, bytes: page(), pages: [{ ocrText: 'Họ và tên', bytes: page() }] },
      ],
    };
    const saved = store.save(dossier, 'clerk-1');
    const files = blobFiles(join(dir, BLOB_DIR));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(containsText(fs.readFileSync(file), MARKER), file).toBe(false);
    const sha = store.get(saved.id, 'clerk-1').components[0]!.sha256!;
    expect(sha).toBe(sha256Hex(page()));
    expect(store.outbox.readBlob(sha).equals(page())).toBe(true);
    store.close();
  });
});
