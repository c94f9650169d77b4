import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from '../store-error';

/**
 * Which key a data folder is sealed with: the browser shell's and the CLI's
 * 0600 file (`master.key`), the Electron shell's key sealed by the OS keystore
 * (`master.key.safe`), or a fixed key in tests. The database records the kind
 * and a check value of the key (key-check.ts), so a process holding another
 * key refuses to open the store instead of writing data nobody can read.
 */
export type KeyKind = 'file' | 'safeStorage' | 'static';

/**
 * Where the 32-byte master key of the store comes from. The browser shell and
 * the CLI use {@link FileKeyProvider}; the Electron shell unseals its key with
 * safeStorage before the core starts (electron/shell/electron-key-provider.ts).
 * Synchronous because the store is (better-sqlite3).
 */
export interface KeyProvider {
  readonly kind: KeyKind;
  /** A short name for diagnostics, e.g. `file:/var/lib/kiosk/master.key`. */
  readonly description: string;
  /** The master key; created on first use. */
  masterKey(): Buffer;
}

export const KEY_FILE_NAME = 'master.key';
/** The Electron shell's key, sealed by the OS keystore; only Electron can open it. */
export const SAFE_KEY_FILE_NAME = 'master.key.safe';

function keyError(vi: string, en: string, cause?: unknown): StoreError {
  const err = new StoreError('STORE_KEY_UNAVAILABLE', vi, en);
  if (cause !== undefined) err.cause = cause;
  return err;
}

const KIND_VI: Readonly<Record<KeyKind, string>> = {
  file: `tệp khóa ${KEY_FILE_NAME} (vỏ trình duyệt và lệnh kiosk)`,
  safeStorage: `khóa của ứng dụng kiosk Electron, do kho khóa của hệ điều hành niêm phong (safeStorage, tệp ${SAFE_KEY_FILE_NAME})`,
  static: 'khóa cố định (chỉ dùng khi kiểm thử)',
};
const KIND_EN: Readonly<Record<KeyKind, string>> = {
  file: `the key file ${KEY_FILE_NAME} (browser shell and kiosk CLI)`,
  safeStorage: `the Electron kiosk app's key sealed by the OS keystore (safeStorage, file ${SAFE_KEY_FILE_NAME})`,
  static: 'a fixed key (tests only)',
};

/**
 * The data folder is sealed with another key than the one this process holds.
 * Nothing was opened or written; `expected` says which key the folder needs.
 */
export class KeyMismatchError extends StoreError {
  readonly expected: KeyKind;
  readonly offered: KeyKind;

  constructor(expected: KeyKind, offered: KeyKind, dataDir: string) {
    const todo =
      expected === 'safeStorage'
        ? {
            vi: 'Lệnh kiosk (Node) không mở được khóa safeStorage và sẽ không tạo khóa thứ hai. Hãy làm việc này trong ứng dụng kiosk Electron, hoặc chạy lệnh với một thư mục dữ liệu riêng (KIOSK_DATA_DIR=...).',
            en: 'The kiosk CLI (Node) cannot open a safeStorage key and will not create a second key. Do this in the Electron kiosk app, or run the command on a separate data folder (KIOSK_DATA_DIR=...).',
          }
        : {
            vi: 'Hãy chạy bằng đúng vỏ đã tạo thư mục này, hoặc khôi phục đúng tệp khóa từ bản sao lưu. Không xóa hay tạo lại tệp khóa.',
            en: 'Run the shell that created this folder, or restore the right key file from backup. Do not delete or recreate the key file.',
          };
    super(
      'STORE_KEY_UNAVAILABLE',
      `Thư mục dữ liệu ${dataDir} được mã hóa bằng ${KIND_VI[expected]}, nhưng tiến trình này có ${KIND_VI[offered]} khác nên không mở kho dữ liệu (không ghi gì). ${todo.vi}`,
      `The data folder ${dataDir} is sealed with ${KIND_EN[expected]}, but this process holds ${KIND_EN[offered]}, so the store was not opened (nothing written). ${todo.en}`,
    );
    this.name = 'KeyMismatchError';
    this.expected = expected;
    this.offered = offered;
  }
}

/**
 * A root-only (mode 0600, owned by this user) key file in the data folder.
 * Refuses a key file other users can read, so a misconfigured install fails
 * loudly instead of leaking the key.
 */
export class FileKeyProvider implements KeyProvider {
  readonly kind = 'file';
  readonly #path: string;
  readonly #dataDir: string;
  readonly #create: boolean;
  readonly description: string;

  /** `create: false`: the folder's database already names its key; a missing file is an error. */
  constructor(dataDir: string, options: { readonly create?: boolean } = {}) {
    this.#dataDir = dataDir;
    this.#path = join(dataDir, KEY_FILE_NAME);
    this.#create = options.create ?? true;
    this.description = `file:${this.#path}`;
  }

  masterKey(): Buffer {
    return this.#load(true);
  }

  /** `mayCreate: false` after link() found a name that stat cannot follow (a dangling symlink). */
  #load(mayCreate: boolean): Buffer {
    let stat;
    try {
      stat = statSync(this.#path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !mayCreate) {
        throw keyError(
          `Không đọc được tệp khóa ${this.#path} (thiếu quyền, hoặc là liên kết trỏ tới tệp không có). Kiểm tra quyền thư mục dữ liệu và tệp khóa.`,
          `Cannot read the key file ${this.#path} (no permission, or a link to a missing file). Check the data folder and the key file.`,
          error,
        );
      }
      return this.#createKey();
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

  #createKey(): Buffer {
    // The Electron shell owns this folder: a second key would make every later
    // write unreadable by the shell (and the shell's data unreadable here).
    if (existsSync(join(this.#dataDir, SAFE_KEY_FILE_NAME))) {
      throw new KeyMismatchError('safeStorage', 'file', this.#dataDir);
    }
    if (!this.#create) {
      throw keyError(
        `Thiếu tệp khóa ${this.#path} mà dữ liệu trong thư mục này cần. Khôi phục tệp khóa từ bản sao lưu; không tạo khóa mới (dữ liệu cũ sẽ không đọc được).`,
        `The key file ${this.#path}, which this folder's data needs, is missing. Restore it from backup; do not create a new key (the existing data would become unreadable).`,
      );
    }
    const key = randomBytes(32);
    const dir = join(this.#path, '..');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // The key is written whole and synced under a private name first, then
    // hard-linked to its real name. link() refuses an existing name, so a
    // process starting at the same moment either wins or reads a complete key
    // file; it never sees a created-but-still-empty one (which read as
    // "corrupt" when ten `kiosk queue take` started at once on a fresh folder).
    const draft = `${this.#path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const fd = openSync(draft, 'wx', 0o600);
    try {
      writeSync(fd, `${key.toString('hex')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(draft, this.#path);
    } catch (error) {
      // Another process published its key first: use theirs.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return this.#load(false);
      throw keyError(
        `Không tạo được tệp khóa ${this.#path} (hệ tệp của thư mục dữ liệu không cho tạo liên kết cứng, hoặc thiếu quyền). Đặt thư mục dữ liệu trên ổ ext4 của máy kiosk.`,
        `Cannot create the key file ${this.#path} (the data folder's file system refuses hard links, or no permission). Keep the data folder on the kiosk's ext4 disk.`,
        error,
      );
    } finally {
      unlinkSync(draft);
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
  readonly kind = 'static';
  readonly description = 'static';
  readonly #key: Buffer;

  constructor(key: Buffer) {
    this.#key = key;
  }

  masterKey(): Buffer {
    return this.#key;
  }
}
