import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, DossierStore } from '../../electron/services/store/dossier-store';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-modes-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('data folder permissions', () => {
  it('an existing world-readable data folder and database become owner-only on open', () => {
    const data = join(dir, 'data');
    mkdirSync(data, { mode: 0o755 });
    chmodSync(data, 0o755);
    DossierStore.open({ dataDir: data, agencyCode: '000.00.53.H48' }).close();
    chmodSync(data, 0o755);
    chmodSync(join(data, DATABASE_FILE), 0o644);

    const store = DossierStore.open({ dataDir: data, agencyCode: '000.00.53.H48' });
    expect(mode(data)).toBe(0o700);
    expect(mode(join(data, DATABASE_FILE))).toBe(0o600);
    expect(mode(join(data, `${DATABASE_FILE}-wal`)) & 0o077).toBe(0);
    store.close();
  });
});
