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
 * Content-addressed, encrypted blob files:
 *   <root>/<first 2 hex>/<sha256 of the plaintext>   sealed bytes (field-cipher layout)
 *   <root>/tmp/<uuid>.tmp                            a write in progress
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
    const dir = join(this.#root, sha.slice(0, 2));
    const path = join(dir, sha);
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

  /** The decrypted bytes, verified against their hash. */
  read(sha: string): Buffer {
    if (!HEX64.test(sha)) throw new Error(`not a SHA-256: ${sha.slice(0, 80)}`);
    let sealed: Buffer;
    try {
      sealed = this.#fs.readFileSync(join(this.#root, sha.slice(0, 2), sha));
    } catch (error) {
      throw blobMissing(sha, error);
    }
    const plain = this.#cipher.openBlob(sealed, sha);
    if (sha256Hex(plain) !== sha) throw blobMissing(sha, new Error('hash mismatch'));
    return plain;
  }

  has(sha: string): boolean {
    return HEX64.test(sha) && this.#fs.existsSync(join(this.#root, sha.slice(0, 2), sha));
  }

  /** Every blob file's hash (tmp files excluded). */
  list(): string[] {
    const out: string[] = [];
    for (const shard of this.#fs.readdirSync(this.#root)) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const name of this.#fs.readdirSync(join(this.#root, shard))) {
        if (HEX64.test(name)) out.push(name);
      }
    }
    return out;
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
    for (const sha of this.list()) {
      const path = join(this.#root, sha.slice(0, 2), sha);
      if (!keep.has(sha) && old(path)) {
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

  #fsyncDir(dir: string): void {
    const fd = this.#fs.openSync(dir, 'r');
    try {
      this.#fs.fsyncSync(fd);
    } finally {
      this.#fs.closeSync(fd);
    }
  }
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
