import type Database from 'better-sqlite3';
import type { Migration } from '../store/migrations/index';

/**
 * The procedure catalogue: one row per procedure code holding the whole
 * Procedure as JSON (validated by ProcedureSchema on the way in and out), its
 * origin, the seed version it came from (seed rows only), and its place in
 * the "most used first" order of an empty search. One row per import run
 * says who changed the catalogue from which file.
 */
function catalogueTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE catalogue_procedures (
      code TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('seed', 'import')),
      seed_version INTEGER,
      rank INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE catalogue_imports (
      id INTEGER PRIMARY KEY,
      source_name TEXT NOT NULL,
      imported_at INTEGER NOT NULL,
      added INTEGER NOT NULL,
      updated INTEGER NOT NULL,
      skipped INTEGER NOT NULL
    ) STRICT;
  `);
}

export const catalogueMigrations: readonly Migration[] = [
  { module: 'catalogue', version: 1, name: 'procedures', up: catalogueTables },
];
