import type Database from 'better-sqlite3';
import type { Migration } from './migrations/migration';
import { StoreError } from './store-error';

/**
 * Applies every pending migration, all in ONE transaction: a crash or an error
 * leaves the database exactly as it was. Forward only: a database written by a
 * newer version (a module at a version this build does not know) is refused,
 * never "downgraded". Returns the names applied, e.g. `store:0002-outbox-due-index`.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): string[] {
  checkNumbering(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    module TEXT NOT NULL,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL,
    PRIMARY KEY (module, version)
  ) STRICT`);
  // Read what is applied only once the write lock is held: two processes
  // opening a fresh folder at once would otherwise both run migration 1.
  const pending = db
    .transaction(() => {
      const todo = pendingMigrations(db, migrations);
      const record = db.prepare<[string, number, string, number]>(
        'INSERT INTO schema_migrations (module, version, name, applied_at) VALUES (?, ?, ?, ?)',
      );
      for (const m of todo) {
        m.up(db);
        record.run(m.module, m.version, m.name, Date.now());
      }
      return todo;
    })
    .immediate();
  return pending.map((m) => `${m.module}:${String(m.version).padStart(4, '0')}-${m.name}`);
}

/** Migrations not yet applied; refuses a database a newer build wrote. */
function pendingMigrations(db: Database.Database, migrations: readonly Migration[]): Migration[] {
  const appliedRows = db
    .prepare<[], { module: string; version: number }>(
      'SELECT module, MAX(version) AS version FROM schema_migrations GROUP BY module',
    )
    .all();
  const applied = new Map(appliedRows.map((r) => [r.module, r.version]));
  for (const [module, version] of applied) {
    // A module this opener does not list at all (e.g. auth, for a tool that
    // only reads dossiers) is not its business: only a known module at a
    // newer version means this build would misread its tables.
    if (!migrations.some((m) => m.module === module)) continue;
    const known = Math.max(
      0,
      ...migrations.filter((m) => m.module === module).map((m) => m.version),
    );
    if (version > known) {
      throw new StoreError(
        'STORE_SCHEMA_NEWER',
        `Cơ sở dữ liệu do phiên bản mới hơn của phần mềm tạo (${module} v${version}). Hãy cập nhật phần mềm kiosk; không dùng phiên bản cũ với dữ liệu này.`,
        `The database was written by a newer version (${module} v${version}). Update the kiosk software; do not run an older version on this data.`,
      );
    }
  }
  return migrations.filter((m) => m.version > (applied.get(m.module) ?? 0));
}

function checkNumbering(migrations: readonly Migration[]): void {
  const next = new Map<string, number>();
  for (const m of migrations) {
    const expected = (next.get(m.module) ?? 0) + 1;
    if (m.version !== expected) {
      throw new Error(
        `migration ${m.module}:${m.name} is version ${m.version}, expected ${expected}`,
      );
    }
    next.set(m.module, expected);
  }
}
