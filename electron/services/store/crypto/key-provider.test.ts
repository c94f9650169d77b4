import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FileKeyProvider,
  KEY_FILE_NAME,
  KeyMismatchError,
  SAFE_KEY_FILE_NAME,
  StaticKeyProvider,
} from './key-provider';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-keyprov-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Files this process holds open under `dir` (Linux /proc). */
function openFilesUnder(dir: string): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => target.startsWith(dir));
}

/** A typed key error whose Vietnamese and English texts both name the key file. */
const unavailable = (vi: RegExp, keyFile: string): unknown =>
  expect.objectContaining({
    code: 'STORE_KEY_UNAVAILABLE',
    vi: expect.stringMatching(vi) as unknown,
    message: expect.stringContaining(keyFile) as unknown,
  }) as unknown;

describe('FileKeyProvider', () => {
  it('creates the missing data folder 0700 and a 0600 file of 64 hex digits, closing what it opened', () => {
    const dataDir = join(tempDir(), 'a', 'b');
    const provider = new FileKeyProvider(dataDir);
    const key = provider.masterKey();
    const path = join(dataDir, KEY_FILE_NAME);
    expect(key).toHaveLength(32);
    expect(readFileSync(path, 'utf8')).toBe(`${key.toString('hex')}\n`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(openFilesUnder(dataDir)).toEqual([]);
    expect(readdirSync(dataDir)).toEqual([KEY_FILE_NAME]);
    expect(provider).toMatchObject({ kind: 'file', description: `file:${path}` });
  });

  it('two folders get two different keys; one folder keeps its key across providers', () => {
    const one = tempDir();
    const key = new FileKeyProvider(one).masterKey();
    expect(new FileKeyProvider(one, { create: false }).masterKey().equals(key)).toBe(true);
    expect(new FileKeyProvider(tempDir()).masterKey().equals(key)).toBe(false);
  });

  it('reads a key file written by hand with surrounding blank space', () => {
    const dir = tempDir();
    const hex = 'ab'.repeat(32);
    writeFileSync(join(dir, KEY_FILE_NAME), `\n  ${hex}  \n`, { mode: 0o600 });
    expect(new FileKeyProvider(dir).masterKey().toString('hex')).toBe(hex);
  });

  it.each([0o640, 0o604, 0o660])('refuses a key file with mode %o that others can read', (mode) => {
    const dir = tempDir();
    new FileKeyProvider(dir).masterKey();
    chmodSync(join(dir, KEY_FILE_NAME), mode);
    expect(() => new FileKeyProvider(dir).masterKey()).toThrow(
      unavailable(/không an toàn/, join(dir, KEY_FILE_NAME)),
    );
  });

  // Only root can hand a file to another user; CI's unit run and Stryker run as root here.
  it.runIf(process.getuid?.() === 0)('refuses a 0600 key file owned by another user', () => {
    const dir = tempDir();
    new FileKeyProvider(dir).masterKey();
    chownSync(join(dir, KEY_FILE_NAME), 4242, 4242);
    expect(() => new FileKeyProvider(dir).masterKey()).toThrow(
      unavailable(/chown/, join(dir, KEY_FILE_NAME)),
    );
  });

  it('refuses a key file that is not 32 bytes of hex, and leaves it as it is', () => {
    const dir = tempDir();
    const path = join(dir, KEY_FILE_NAME);
    writeFileSync(path, 'ab'.repeat(31), { mode: 0o600 });
    expect(() => new FileKeyProvider(dir).masterKey()).toThrow(unavailable(/bị hỏng/, path));
    expect(readFileSync(path, 'utf8')).toBe('ab'.repeat(31));
  });

  it('a data folder path that is a file gives a typed error, not a raw one', () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, '');
    const error = (() => {
      try {
        new FileKeyProvider(file).masterKey();
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error).toEqual(unavailable(/Không đọc được tệp khóa/, join(file, KEY_FILE_NAME)));
    expect((error?.cause as NodeJS.ErrnoException).code).toBe('ENOTDIR');
  });

  it('a key file that is a link to nothing is refused, not followed or replaced', () => {
    const dir = tempDir();
    const target = join(dir, 'gone');
    symlinkSync(target, join(dir, KEY_FILE_NAME));
    expect(() => new FileKeyProvider(dir).masterKey()).toThrow(
      unavailable(/Không đọc được tệp khóa/, join(dir, KEY_FILE_NAME)),
    );
    expect(existsSync(target)).toBe(false);
  });

  it('create: false never makes a key for a folder whose data needs the missing one', () => {
    const dir = tempDir();
    expect(() => new FileKeyProvider(dir, { create: false }).masterKey()).toThrow(
      unavailable(/Thiếu tệp khóa .*không tạo khóa mới/, join(dir, KEY_FILE_NAME)),
    );
    expect(existsSync(join(dir, KEY_FILE_NAME))).toBe(false);
  });

  it("never makes a second key in a folder sealed by the Electron shell's safeStorage key", () => {
    const dir = tempDir();
    writeFileSync(join(dir, SAFE_KEY_FILE_NAME), 'sealed', { mode: 0o600 });
    let error: unknown;
    try {
      new FileKeyProvider(dir).masterKey();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KeyMismatchError);
    expect(error).toMatchObject({ expected: 'safeStorage', offered: 'file' });
    expect(existsSync(join(dir, KEY_FILE_NAME))).toBe(false);
  });
});

describe('KeyMismatchError', () => {
  it('names both keys and, for a safeStorage folder, sends the clerk to the Electron app', () => {
    const error = new KeyMismatchError('safeStorage', 'file', '/data');
    expect(error).toMatchObject({ name: 'KeyMismatchError', code: 'STORE_KEY_UNAVAILABLE' });
    expect(error.vi).toContain('Thư mục dữ liệu /data');
    expect(error.vi).toContain(`safeStorage, tệp ${SAFE_KEY_FILE_NAME}`);
    expect(error.vi).toContain(`tệp khóa ${KEY_FILE_NAME}`);
    expect(error.vi).toContain('ứng dụng kiosk Electron');
    expect(error.vi).toContain('KIOSK_DATA_DIR');
    expect(error.message).toContain(`safeStorage, file ${SAFE_KEY_FILE_NAME}`);
    expect(error.message).toContain(`the key file ${KEY_FILE_NAME}`);
    expect(error.message).toContain('KIOSK_DATA_DIR');
  });

  it('for a file-key folder says to restore the key file, never to recreate it', () => {
    const error = new KeyMismatchError('file', 'static', '/data');
    expect(error.vi).toContain('khôi phục đúng tệp khóa');
    expect(error.vi).toContain('khóa cố định');
    expect(error.message).toContain('Do not delete or recreate the key file');
    expect(error.message).toContain('a fixed key (tests only)');
    expect(error.vi).not.toContain('KIOSK_DATA_DIR');
  });
});

describe('StaticKeyProvider', () => {
  it('hands out exactly the key it was given, as kind static', () => {
    const key = Buffer.alloc(32, 7);
    const provider = new StaticKeyProvider(key);
    expect(provider.masterKey()).toBe(key);
    expect(provider).toMatchObject({ kind: 'static', description: 'static' });
  });
});
