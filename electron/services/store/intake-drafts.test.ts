import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kioskMigrations } from '../kiosk-migrations';
import { StaffAccounts } from '../auth/staff-accounts';
import { StaticKeyProvider } from './crypto/key-provider';
import { DATABASE_FILE, DossierStore } from './dossier-store';
import { endOfVnDay } from './intake-drafts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** 15:30 on 6 Dec 2026 in Vietnam (08:30 UTC). */
const AFTERNOON = Date.UTC(2026, 11, 6, 8, 30);
/** Midnight that ends 6 Dec 2026 in Vietnam: 17:00 UTC. */
const MIDNIGHT_VN = Date.UTC(2026, 11, 6, 17, 0);

function openStore(clock: { now: number }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-intake-drafts-'));
  dirs.push(dataDir);
  const store = DossierStore.open({
    dataDir,
    agencyCode: '000.00.53.H48',
    keyProvider: new StaticKeyProvider(Buffer.alloc(32, 9)),
    migrations: kioskMigrations,
    now: () => clock.now,
  });
  return { store, dataDir };
}

const draft = JSON.stringify({ applicant: { fullName: 'Trần Thị Bích Ngọc', id: '001190012345' } });

describe('the intake draft of a staff account', () => {
  it('ends at midnight Vietnam time of the day it was saved, whatever the hour', () => {
    expect(endOfVnDay(AFTERNOON)).toBe(MIDNIGHT_VN);
    // 06:59 UTC on 7 Dec is 13:59 the same day in Vietnam: the next midnight.
    expect(endOfVnDay(Date.UTC(2026, 11, 7, 6, 59))).toBe(MIDNIGHT_VN + 86_400_000);
    // 23:59:59.999 in Vietnam still belongs to the day; 00:00 starts the next.
    expect(endOfVnDay(MIDNIGHT_VN - 1)).toBe(MIDNIGHT_VN);
    expect(endOfVnDay(MIDNIGHT_VN)).toBe(MIDNIGHT_VN + 86_400_000);
  });

  it('is read back by its account only, sealed on disk, and gone after its day', async () => {
    const clock = { now: AFTERNOON };
    const { store, dataDir } = openStore(clock);
    const accounts = new StaffAccounts(store.database);
    const ha = await accounts.create('ha.le', 'clerk', 'mùa thu Hà Nội lá vàng rơi');
    const binh = await accounts.create('binh.tran', 'clerk', 'sông Hương núi Ngự xanh trong');
    const saved = store.saveIntakeDraft(ha.id, ha.username, draft);
    expect(saved.expiresAt).toBe(MIDNIGHT_VN);
    expect(store.intakeDraft(ha.id, ha.username)?.json).toBe(draft);
    expect(store.intakeDraft(binh.id, binh.username)).toBeNull();

    store.database.pragma('wal_checkpoint(TRUNCATE)');
    const onDisk = readFileSync(join(dataDir, DATABASE_FILE));
    expect(onDisk.includes(Buffer.from('Bích Ngọc', 'utf8'))).toBe(false);
    expect(onDisk.includes(Buffer.from('001190012345', 'utf8'))).toBe(false);

    const audit = store.database
      .prepare<[], { actor: string; detail: string }>(
        "SELECT actor, detail FROM audit_log WHERE action = 'draft' ORDER BY id",
      )
      .all();
    expect(audit).toEqual([
      { actor: 'ha.le', detail: 'save' },
      { actor: 'ha.le', detail: 'read' },
    ]);

    clock.now = MIDNIGHT_VN - 1;
    expect(store.intakeDraft(ha.id, ha.username)).not.toBeNull();
    clock.now = MIDNIGHT_VN;
    expect(store.intakeDraft(ha.id, ha.username)).toBeNull();
    const rows = store.database.prepare('SELECT COUNT(*) AS n FROM intake_drafts').get() as {
      n: number;
    };
    expect(rows.n).toBe(0);
    store.close();
  });

  it('a new save replaces the old one; discard and the start-up sweep delete', async () => {
    const clock = { now: AFTERNOON };
    const { store } = openStore(clock);
    const ha = await new StaffAccounts(store.database).create(
      'ha.le',
      'clerk',
      'mùa thu Hà Nội lá vàng rơi',
    );
    store.saveIntakeDraft(ha.id, ha.username, draft);
    store.saveIntakeDraft(ha.id, ha.username, '{"second":true}');
    expect(store.intakeDraft(ha.id, ha.username)?.json).toBe('{"second":true}');
    expect(store.dropIntakeDraft(ha.id, ha.username)).toBe(true);
    expect(store.dropIntakeDraft(ha.id, ha.username)).toBe(false);
    expect(store.intakeDraft(ha.id, ha.username)).toBeNull();

    store.saveIntakeDraft(ha.id, ha.username, draft);
    clock.now = MIDNIGHT_VN + 3600_000;
    expect(store.dropExpiredIntakeDrafts()).toBe(1);
    store.close();
  });
});
