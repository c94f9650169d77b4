import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrator';
import { storeMigrations, type Migration } from './migrations/index';

function schemaOf(db: Database.Database): string[] {
  return db
    .prepare<[], { sql: string }>(
      `SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name != 'schema_migrations' ORDER BY name`,
    )
    .all()
    .map((r) => r.sql.replace(/\s+/g, ' '));
}

/** Rows every schema version since 0001 can hold: a dossier with a component and an outbox row. */
function seed(db: Database.Database): void {
  db.exec(`
    INSERT INTO procedures VALUES ('1.001193', 'Đăng ký khai sinh', NULL, NULL, 1);
    INSERT INTO blobs VALUES ('${'a'.repeat(64)}', 10, 1);
    INSERT INTO dossiers (id, code, agency_code, procedure_code, applicant_kind, applicant_source,
      received_at, due_at, channel, status, delivery_mode, processing_unit, sync_state, created_at, updated_at)
    VALUES ('d1', '000.00.53.H48-261125-0001', '000.00.53.H48', '1.001193', '1', 'chip',
      1, 2, 'counter', '2', '0', 'UBND', 'pending', 1, 1);
    INSERT INTO components (id, dossier_id, seq, code, mime, blob_sha256)
      VALUES ('c1', 'd1', 1, 'TP1', 'application/pdf', '${'a'.repeat(64)}');
    INSERT INTO outbox (id, dossier_id, seq, op, payload_enc, idempotency_key, next_attempt_at, created_at)
      VALUES ('o1', 'd1', 1, 'sync-dossier', x'00', 'k1', 0, 1);
  `);
}

describe('migrations', () => {
  it('a database at every earlier version migrates to the same schema as a new one, keeping its rows', () => {
    const fresh = new Database(':memory:');
    migrate(fresh, storeMigrations);
    const target = schemaOf(fresh);
    for (let version = 0; version < storeMigrations.length; version++) {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, storeMigrations.slice(0, version));
      if (version >= 1) seed(db);
      const applied = migrate(db, storeMigrations);
      expect(applied).toHaveLength(storeMigrations.length - version);
      expect(schemaOf(db)).toEqual(target);
      if (version >= 1) {
        expect(db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 1 });
        expect(db.pragma('foreign_key_check')).toEqual([]);
      }
      expect(migrate(db, storeMigrations)).toEqual([]);
    }
  });

  it('another module registers its own numbered migrations beside the store', () => {
    const db = new Database(':memory:');
    migrate(db, storeMigrations);
    const auth: Migration[] = [
      {
        module: 'auth',
        version: 1,
        name: 'staff-credentials',
        up: (d) =>
          d.exec(
            'CREATE TABLE staff_credentials (staff_id TEXT PRIMARY KEY REFERENCES staff(id)) STRICT',
          ),
      },
    ];
    expect(migrate(db, [...storeMigrations, ...auth])).toEqual(['auth:0001-staff-credentials']);
  });

  it('a failing migration leaves the database exactly as it was', () => {
    const db = new Database(':memory:');
    migrate(db, storeMigrations.slice(0, 1));
    const before = schemaOf(db);
    const broken: Migration = {
      module: 'store',
      version: storeMigrations.length + 1,
      name: 'broken',
      up: (d) => d.exec('CREATE TABLE half_done (x); SELECT * FROM no_such_table'),
    };
    expect(() => migrate(db, [...storeMigrations, broken])).toThrow(/no_such_table/);
    expect(schemaOf(db)).toEqual(before);
  });

  it('a database written by a newer version is refused, never downgraded', () => {
    const db = new Database(':memory:');
    migrate(db, storeMigrations);
    expect(() => migrate(db, storeMigrations.slice(0, 1))).toThrow(
      expect.objectContaining({ code: 'STORE_SCHEMA_NEWER' }),
    );
  });

  it("another module's tables do not stop a tool that only knows the store's", () => {
    const db = new Database(':memory:');
    const other = {
      module: 'auth',
      version: 1,
      name: 'staff',
      up: (d: Database.Database) => d.exec('CREATE TABLE t (x)'),
    };
    migrate(db, [...storeMigrations, other]);
    expect(migrate(db, storeMigrations)).toEqual([]);
  });

  it('a gap in a module numbering is a programming error caught at start-up', () => {
    const db = new Database(':memory:');
    const gap = [{ ...storeMigrations[0]!, version: 2 }];
    expect(() => migrate(db, gap)).toThrow(/expected 1/);
  });
});
