import type Database from 'better-sqlite3';

/**
 * The page's key for each dossier it saved (`dossier.create`'s `saveKey`),
 * written in the same transaction as the dossier: a save retried after the
 * core died between its commit and its answer finds its dossier here instead
 * of making a second one. Keys are random, not personal data, and kept as
 * long as the dossier row (rows are purged of personal data, never deleted).
 */
export function saveKeys(db: Database.Database): void {
  db.exec(`
    CREATE TABLE save_keys (
      save_key TEXT PRIMARY KEY CHECK (length(save_key) BETWEEN 16 AND 64),
      dossier_id TEXT NOT NULL UNIQUE REFERENCES dossiers(id),
      saved_at INTEGER NOT NULL
    ) STRICT;
  `);
}
