import { safeStorage } from 'electron';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KioskError } from '../api/errors';
import {
  KEY_FILE_NAME,
  KeyMismatchError,
  SAFE_KEY_FILE_NAME,
  type KeyProvider,
} from '../services/store/crypto/key-provider';

export { SAFE_KEY_FILE_NAME };

async function seal(path: string, key: Buffer): Promise<void> {
  const temp = `${path}.tmp`;
  await writeFile(temp, await safeStorage.encryptStringAsync(key.toString('hex')), {
    mode: 0o600,
    flush: true,
  });
  await rename(temp, path);
}

/**
 * The Electron shell keeps the data-encryption key sealed by the OS keystore
 * (safeStorage: DPAPI on Windows, libsecret/kwallet on Linux), so a copy of
 * the data folder alone cannot be decrypted. It refuses a keystore that
 * would only obfuscate the key (Linux without a keyring: "basic_text").
 * safeStorage is asynchronous and the store opens synchronously, so the key
 * is unsealed once, before the core starts.
 */
export async function loadSafeStorageKey(dataDir: string): Promise<KeyProvider> {
  const path = join(dataDir, SAFE_KEY_FILE_NAME);
  if (
    !(await safeStorage.isAsyncEncryptionAvailable()) ||
    safeStorage.getSelectedStorageBackend() === 'basic_text'
  ) {
    throw new KioskError(
      'NOT_AVAILABLE',
      'The OS keystore is not available (safeStorage); set up the keyring, or run the browser shell with its root-only key file',
    );
  }
  let key: Buffer;
  if (existsSync(path)) {
    const unsealed = await safeStorage.decryptStringAsync(await readFile(path));
    key = Buffer.from(unsealed.result, 'hex');
    // The keystore rotated its own key: seal ours again under the new one.
    if (unsealed.shouldReEncrypt) await seal(path, key);
  } else {
    // A folder started by the browser shell or the CLI: refuse rather than seal
    // a second key (the store would also refuse it by its recorded check value).
    if (existsSync(join(dataDir, KEY_FILE_NAME)))
      throw new KeyMismatchError('file', 'safeStorage', dataDir);
    key = randomBytes(32);
    await seal(path, key);
  }
  return { kind: 'safeStorage', description: `safeStorage:${path}`, masterKey: () => key };
}
