import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in the data folder that holds this machine's display key. */
export const DISPLAY_KEY_FILE = 'display-key';

/**
 * This machine's hall-display key: made once, kept in the data folder
 * (owner-only), the same after every restart, so a TV's page reconnects on
 * its own when the kiosk restarts. It opens only the display's scope
 * (electron/api/display-scope.ts). Deleting the file makes a new key at the
 * next start, which is how IT revokes a copied address.
 */
export function loadDisplayKey(dataDir: string): string {
  const file = join(dataDir, DISPLAY_KEY_FILE);
  try {
    const key = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(key)) return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
