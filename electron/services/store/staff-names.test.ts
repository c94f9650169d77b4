import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kioskMigrations } from '../kiosk-migrations';
import { StaffAccounts } from '../auth/staff-accounts';
import { StaticKeyProvider } from './crypto/key-provider';
import { DATABASE_FILE, DossierStore } from './dossier-store';

const dir = mkdtempSync(join(tmpdir(), 'kiosk-staff-names-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('staff display names', () => {
  it('round-trip NFC-normalised, clear with null, and never lie in the database as text', async () => {
    const store = DossierStore.open({
      dataDir: dir,
      agencyCode: '000.00.53.H48',
      keyProvider: new StaticKeyProvider(Buffer.alloc(32, 7)),
      migrations: kioskMigrations,
    });
    const account = await new StaffAccounts(store.database).create(
      'an.nguyen',
      'clerk',
      'mùa thu Hà Nội lá vàng rơi',
    );
    expect(store.staffName(account.id)).toBeNull();
    expect(store.setStaffName(account.id, '  Nguye\u0302\u0303n Văn An ')).toBe(true);
    expect(store.staffName(account.id)).toBe('Nguyễn Văn An');
    expect(store.setStaffName('no-such-id', 'Ai Đó')).toBe(false);
    store.database.pragma('wal_checkpoint(TRUNCATE)');
    const onDisk = readFileSync(join(dir, DATABASE_FILE));
    expect(onDisk.includes(Buffer.from('Văn An', 'utf8'))).toBe(false);
    expect(store.setStaffName(account.id, null)).toBe(true);
    expect(store.staffName(account.id)).toBeNull();
    store.close();
  });
});
