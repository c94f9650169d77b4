import { createHash, randomUUID } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import type { FieldCipher } from './crypto/field-cipher';
import { diskFullError, isDiskFull, StoreError } from './store-error';

/** The file operations the blob store uses; tests inject a failing layer (disk full). */
export type BlobFs = Pick<
  typeof nodeFs,
  | 'openSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'closeSync'
  | 'renameSync'
  | 'mkdirSync'
  | 'readFileSync'
  | 'unlinkSync'
  | 'readdirSync'
  | 'statSync'
  | 'existsSync'
  | 'utimesSync'
>;

export const sha256Hex = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Content-addressed, encrypted blob files, addressed by the SHA-256 of their
 * plaintext but named by a keyed hash of it (see FieldCipher.blobName):
 *   <root>/<first 2 hex of name>/<name>   sealed bytes (field-cipher layout)
 *   <root>/tmp/<uuid>.tmp                 a write in progress
 * Folders from before keyed names hold `<root>/<sha[0..2]>/<sha>`;
 * `adoptLegacyNames` renames those, and reads fall back to them meanwhile.
 *
 * `put` makes the file durable before it returns: write to tmp, fsync the
 * file, rename into place, fsync the folder. Only then may a row name it.
 * A crash leaves at worst a tmp file or an unnamed blob, which `gc` removes.
 */
export class BlobStore {
  readonly #root: string;
  readonly #cipher: FieldCipher;
  readonly #fs: BlobFs;

  constructor(root: string, cipher: FieldCipher, fs: BlobFs = nodeFs) {
    this.#root = root;
    this.#cipher = cipher;
    this.#fs = fs;
    fs.mkdirSync(join(root, 'tmp'), { recursive: true, mode: 0o700 });
  }

  /** Stores the bytes durably and returns their SHA-256 (hex). */
  put(bytes: Uint8Array): string {
    const sha = sha256Hex(bytes);
    const name = this.nameOf(sha);
    const dir = join(this.#root, name.slice(0, 2));
    const path = join(dir, name);
    if (this.#fs.existsSync(path)) {
      // Fresh mtime: another process's gc spares it until our row commits.
      const t = new Date();
      this.#fs.utimesSync(path, t, t);
      return sha;
    }
    const tmp = join(this.#root, 'tmp', `${randomUUID()}.tmp`);
    try {
      const sealed = this.#cipher.sealBlob(Buffer.from(bytes), sha);
      const fd = this.#fs.openSync(tmp, 'wx', 0o600);
      try {
        let off = 0;
        while (off < sealed.length) off += this.#fs.writeSync(fd, sealed, off, sealed.length - off);
        this.#fs.fsyncSync(fd);
      } finally {
        this.#fs.closeSync(fd);
      }
      if (!this.#fs.existsSync(dir)) {
        this.#fs.mkdirSync(dir, { mode: 0o700 });
        this.#fsyncDir(this.#root);
      }
      this.#fs.renameSync(tmp, path);
      this.#fsyncDir(dir);
    } catch (error) {
      try {
        this.#fs.unlinkSync(tmp);
      } catch {
        // the tmp file may never have been created; gc removes any leftover
      }
      if (isDiskFull(error)) throw diskFullError(error);
      throw error;
    }
    return sha;
  }

  /** The file name of the blob with this SHA-256; throws on anything that is not one. */
  nameOf(sha: string): string {
    if (!HEX64.test(sha)) throw new Error(`not a SHA-256: ${sha.slice(0, 80)}`);
    return this.#cipher.blobName(sha);
  }

  /** The decrypted bytes, verified against their hash. */
  read(sha: string): Buffer {
    const keyed = this.#pathOf(this.nameOf(sha));
    const legacy = this.#pathOf(sha);
    let sealed: Buffer | undefined;
    let cause: unknown;
    // Keyed name, then the pre-keyed one, then keyed again: another process may rename it meanwhile.
    for (const path of [keyed, legacy, keyed]) {
      try {
        sealed = this.#fs.readFileSync(path);
        break;
      } catch (error) {
        cause = error;
      }
    }
    if (sealed === undefined) throw blobMissing(sha, cause);
    const plain = this.#cipher.openBlob(sealed, sha);
    if (sha256Hex(plain) !== sha) throw blobMissing(sha, new Error('hash mismatch'));
    return plain;
  }

  has(sha: string): boolean {
    return (
      HEX64.test(sha) &&
      (this.#fs.existsSync(this.#pathOf(this.nameOf(sha))) ||
        this.#fs.existsSync(this.#pathOf(sha)))
    );
  }

  /** Every blob file's name (keyed or, until adopted, pre-keyed); tmp files excluded. */
  list(): string[] {
    const out: string[] = [];
    for (const shard of this.#fs.readdirSync(this.#root)) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const name of this.#fs.readdirSync(join(this.#root, shard))) {
        if (HEX64.test(name) && name.startsWith(shard)) out.push(name);
      }
    }
    return out;
  }

  /**
   * Renames the files of these blobs still under their plain SHA-256 to their
   * keyed names. Each rename is atomic and the database does not change, so a
   * crash midway leaves every blob readable (reads try both names) and the
   * next call finishes the job. Returns how many files were adopted.
   */
  adoptLegacyNames(shas: Iterable<string>): number {
    let adopted = 0;
    const touched = new Set<string>();
    for (const sha of shas) {
      if (!HEX64.test(sha)) continue;
      const legacy = this.#pathOf(sha);
      if (!this.#fs.existsSync(legacy)) continue;
      const name = this.nameOf(sha);
      const dir = join(this.#root, name.slice(0, 2));
      const keyed = join(dir, name);
      try {
        if (!this.#fs.existsSync(dir)) {
          this.#fs.mkdirSync(dir, { mode: 0o700 });
          touched.add(this.#root);
        }
        // A keyed copy already written (the same bytes put again): the old name is redundant.
        if (this.#fs.existsSync(keyed)) this.#fs.unlinkSync(legacy);
        else this.#fs.renameSync(legacy, keyed);
      } catch (error) {
        // Another process opening the same folder adopted it first.
        if (errorCode(error) === 'ENOENT') continue;
        throw error;
      }
      touched.add(dir).add(join(this.#root, sha.slice(0, 2)));
      adopted++;
    }
    for (const dir of touched) this.#fsyncDir(dir);
    return adopted;
  }

  /**
   * Removes blob files not in `keep` and leftover tmp files, both only when
   * older than `graceMs`: a blob written a moment ago may belong to a
   * transaction that has not committed yet.
   */
  gc(keep: ReadonlySet<string>, now: number, graceMs: number): { blobs: number; temps: number } {
    let blobs = 0;
    let temps = 0;
    const old = (path: string): boolean => now - this.#fs.statSync(path).mtimeMs >= graceMs;
    // A kept blob not adopted yet still sits under its plain hash: spare that name too.
    const names = new Set(keep);
    for (const sha of keep) if (HEX64.test(sha)) names.add(this.nameOf(sha));
    for (const name of this.list()) {
      const path = this.#pathOf(name);
      if (!names.has(name) && old(path)) {
        this.#fs.unlinkSync(path);
        blobs++;
      }
    }
    const tmpDir = join(this.#root, 'tmp');
    for (const name of this.#fs.readdirSync(tmpDir)) {
      const path = join(tmpDir, name);
      if (old(path)) {
        this.#fs.unlinkSync(path);
        temps++;
      }
    }
    return { blobs, temps };
  }

  #pathOf(name: string): string {
    return join(this.#root, name.slice(0, 2), name);
  }

  #fsyncDir(dir: string): void {
    const fd = this.#fs.openSync(dir, 'r');
    try {
      this.#fs.fsyncSync(fd);
    } finally {
      this.#fs.closeSync(fd);
    }
  }
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

function blobMissing(sha: string, cause: unknown): StoreError {
  const err = new StoreError(
    'STORE_BLOB_MISSING',
    `Tệp đính kèm ${sha.slice(0, 12)}… bị thiếu hoặc hỏng. Quét lại giấy tờ này, hoặc khôi phục thư mục dữ liệu từ bản sao lưu.`,
    `Attachment ${sha.slice(0, 12)}… is missing or damaged. Scan this document again, or restore the data folder from backup.`,
  );
  err.cause = cause;
  return err;
}
