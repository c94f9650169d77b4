import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { StoreError } from '../store-error';

/**
 * Where the 32-byte master key of the store comes from. The browser shell and
 * the CLI use {@link FileKeyProvider}; the Electron shell will provide one
 * backed by safeStorage (the OS keystore) that keeps the key sealed on disk.
 * Synchronous because the store is (better-sqlite3), and safeStorage is too.
 */
export interface KeyProvider {
  /** A short name for diagnostics, e.g. `file:/var/lib/kiosk/master.key`. */
  readonly description: string;
  /** The master key; created on first use. */
  masterKey(): Buffer;
}

export const KEY_FILE_NAME = 'master.key';

function keyError(vi: string, en: string, cause?: unknown): StoreError {
  const err = new StoreError('STORE_KEY_UNAVAILABLE', vi, en);
  if (cause !== undefined) err.cause = cause;
  return err;
}

/**
 * A root-only (mode 0600, owned by this user) key file in the data folder.
 * Refuses a key file other users can read, so a misconfigured install fails
 * loudly instead of leaking the key.
 */
export class FileKeyProvider implements KeyProvider {
  readonly #path: string;
  readonly description: string;

  constructor(dataDir: string) {
    this.#path = join(dataDir, KEY_FILE_NAME);
    this.description = `file:${this.#path}`;
  }

  masterKey(): Buffer {
    let stat;
    try {
      stat = statSync(this.#path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw keyError(
          `Không đọc được tệp khóa ${this.#path}. Kiểm tra quyền thư mục dữ liệu.`,
          `Cannot read the key file ${this.#path}. Check the data folder's permissions.`,
          error,
        );
      }
      return this.#create();
    }
    if ((stat.mode & 0o077) !== 0 || (process.getuid && stat.uid !== process.getuid())) {
      throw keyError(
        `Tệp khóa ${this.#path} không an toàn (người khác đọc được). Chạy: chmod 600 ${this.#path} và chown cho tài khoản chạy kiosk.`,
        `The key file ${this.#path} is readable by others. Run: chmod 600 ${this.#path} and chown it to the kiosk's account.`,
      );
    }
    const key = Buffer.from(readFileSync(this.#path, 'utf8').trim(), 'hex');
    if (key.length !== 32) {
      throw keyError(
        `Tệp khóa ${this.#path} bị hỏng. Khôi phục tệp khóa từ bản sao lưu; không có nó, dữ liệu đã mã hóa không đọc được.`,
        `The key file ${this.#path} is corrupt. Restore it from backup; without it the encrypted data cannot be read.`,
      );
    }
    return key;
  }

  #create(): Buffer {
    const key = randomBytes(32);
    const dir = join(this.#path, '..');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // 'wx': never overwrite a key another process created a moment ago; use theirs.
    let fd: number;
    try {
      fd = openSync(this.#path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return this.masterKey();
      throw error;
    }
    try {
      writeSync(fd, `${key.toString('hex')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
    return key;
  }
}

/** A fixed key, for tests and benchmarks only. */
export class StaticKeyProvider implements KeyProvider {
  readonly description = 'static';
  readonly #key: Buffer;

  constructor(key: Buffer) {
    this.#key = key;
  }

  masterKey(): Buffer {
    return this.#key;
  }
}
