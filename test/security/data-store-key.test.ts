import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  KEY_FILE_NAME,
  KeyMismatchError,
  SAFE_KEY_FILE_NAME,
  type KeyProvider,
} from '../../electron/services/store/crypto/key-provider';
import { DossierStore } from '../../electron/services/store/dossier-store';
import { sampleDossier } from '../fixtures/store/sample-dossier';
import { runKioskCli } from '../support/kiosk-cli';

const AGENCY = '000.00.53.H48';
let dir = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-key-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/**
 * What the Electron shell hands the store: a key unsealed by safeStorage
 * before the core starts, with its sealed copy beside the database. (The
 * sealing itself needs Electron and a keyring; the store only sees this.)
 */
function electronShellKey(dataDir: string): KeyProvider {
  const key = randomBytes(32);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dataDir, SAFE_KEY_FILE_NAME), 'sealed-by-the-os-keystore', { mode: 0o600 });
  return { kind: 'safeStorage', description: 'safeStorage:test', masterKey: () => key };
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('one key per data folder', () => {
  it('the CLI on the Electron shell’s folder refuses with a typed Vietnamese error and creates no second key', () => {
    const data = join(dir, 'data');
    const store = DossierStore.open({
      dataDir: data,
      agencyCode: AGENCY,
      keyProvider: electronShellKey(data),
    });
    store.save(sampleDossier('electron', { attachments: 1 }), 'test');
    store.close();

    const run = runKioskCli(data, ['--json', 'dossier', 'list'], { KIOSK_AGENCY_CODE: AGENCY });
    expect(run.status, run.stderr).not.toBe(0);
    expect(run.stderr).toMatch(/safeStorage/);
    expect(run.stderr).toMatch(/không tạo khóa thứ hai/);
    expect(existsSync(join(data, KEY_FILE_NAME))).toBe(false);
    const out = JSON.parse(run.stdout) as { error: { code: string } };
    expect(out.error.code).toBe('STORE_KEY_UNAVAILABLE');
  });

  it('a replaced key file is refused before anything is read or written, naming the file key', () => {
    const data = join(dir, 'data');
    const store = DossierStore.open({ dataDir: data, agencyCode: AGENCY });
    store.save(sampleDossier('file-key', { attachments: 1 }), 'test');
    store.close();
    writeFileSync(join(data, KEY_FILE_NAME), `${randomBytes(32).toString('hex')}\n`, {
      mode: 0o600,
    });
    const error = caught(() => DossierStore.open({ dataDir: data, agencyCode: AGENCY }));
    expect(error).toBeInstanceOf(KeyMismatchError);
    expect((error as KeyMismatchError).expected).toBe('file');
    expect((error as KeyMismatchError).vi).toMatch(/tệp khóa master\.key/);
  });

  it('the safeStorage key on a folder the browser shell created is refused, naming the file key', () => {
    const data = join(dir, 'data');
    DossierStore.open({ dataDir: data, agencyCode: AGENCY }).close();
    const other: KeyProvider = {
      kind: 'safeStorage',
      description: 'safeStorage:test',
      masterKey: () => randomBytes(32),
    };
    const error = caught(() =>
      DossierStore.open({ dataDir: data, agencyCode: AGENCY, keyProvider: other }),
    );
    expect((error as KeyMismatchError).expected).toBe('file');
  });

  it('a folder from before the key record opens with its own key (then recorded) and refuses another', () => {
    const data = join(dir, 'data');
    const store = DossierStore.open({ dataDir: data, agencyCode: AGENCY });
    store.save(sampleDossier('legacy', { attachments: 1 }), 'test');
    store.database.exec('DELETE FROM store_key');
    store.close();
    const wrong: KeyProvider = {
      kind: 'file',
      description: 'wrong',
      masterKey: () => randomBytes(32),
    };
    expect(
      caught(() => DossierStore.open({ dataDir: data, agencyCode: AGENCY, keyProvider: wrong })),
    ).toBeInstanceOf(KeyMismatchError);
    const reopened = DossierStore.open({ dataDir: data, agencyCode: AGENCY });
    expect(reopened.list({}, 'test')).toHaveLength(1);
    const row = reopened.database.prepare('SELECT kind FROM store_key').get() as { kind: string };
    expect(row.kind).toBe('file');
    reopened.close();
  });
});
