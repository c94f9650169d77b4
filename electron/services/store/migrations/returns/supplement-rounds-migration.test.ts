import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleDossier } from '../../../../../test/fixtures/store/sample-dossier';
import { kioskMigrations } from '../../../kiosk-migrations';
import { DossierStore } from '../../dossier-store';

const AGENCY = '000.00.00.H00';
const beforeRounds = kioskMigrations.filter((m) => !(m.module === 'returns' && m.version === 2));
let dir: string | undefined;

afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

const handler = { name: 'Lê Văn Cán', unit: 'Bộ phận Một cửa' };

describe('returns migration 2 (supplement rounds)', () => {
  it('keeps the events a kiosk recorded before it, sealed details readable, and then takes a received supplement', () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-rounds-migration-'));
    const old = DossierStore.open({ dataDir: dir, agencyCode: AGENCY, migrations: beforeRounds });
    const { code, id } = old.save(sampleDossier('migrate', { receivedAt: Date.now() }), 'test');
    old.recordEvent(
      {
        dossierId: id,
        at: Date.now(),
        kind: 'supplement',
        detail: 'Tờ khai',
        newDueAt: null,
        handler,
      },
      'test',
    );
    // A kiosk before this version refuses the new kind: the CHECK is what the migration widens.
    expect(() =>
      old.recordEvent(
        {
          dossierId: id,
          at: Date.now(),
          kind: 'supplement-received',
          detail: 'Tờ khai',
          newDueAt: Date.now() + 86_400_000,
          handler,
        },
        'test',
      ),
    ).toThrow();
    old.close();

    const store = DossierStore.open({
      dataDir: dir,
      agencyCode: AGENCY,
      migrations: kioskMigrations,
    });
    try {
      expect(store.get(code, 'test').status).toBe('5');
      store.recordEvent(
        {
          dossierId: id,
          at: Date.now() + 1,
          kind: 'supplement-received',
          detail: 'Tờ khai',
          newDueAt: Date.now() + 86_400_000,
          handler,
        },
        'test',
      );
      const kinds = store.database
        .prepare<[string], { kind: string }>(
          'SELECT kind FROM dossier_events WHERE dossier_id = ? ORDER BY at',
        )
        .all(id)
        .map((r) => r.kind);
      expect(kinds).toEqual(['supplement', 'supplement-received']);
      expect(store.get(code, 'test').status).toBe('4');
    } finally {
      store.close();
    }
  });
});
