import type Database from 'better-sqlite3';

/**
 * One row once every blob file of this folder is under its keyed name
 * (blob-layout.ts). Absent in a folder from before keyed names: the next open
 * renames the files first, and only then writes the row.
 */
export function blobLayout(db: Database.Database): void {
  db.exec(`CREATE TABLE blob_layout (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    keyed_at INTEGER NOT NULL
  ) STRICT;`);
}
