import type Database from 'better-sqlite3';

/**
 * Which entry of which import file made which dossier: the file's SHA-256 and
 * the entry's index, written in the same transaction as the dossier, so
 * re-running an import after a crash skips what is already saved.
 */
export function importEntries(db: Database.Database): void {
  db.exec(`CREATE TABLE import_entries (
    file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
    entry_index INTEGER NOT NULL,
    dossier_id TEXT NOT NULL REFERENCES dossiers(id),
    imported_at INTEGER NOT NULL,
    PRIMARY KEY (file_sha256, entry_index)
  ) STRICT;`);
}
