import type Database from 'better-sqlite3';

/**
 * returns v2: a supplement received after a Mẫu 02 (a `DanhSachHoSoBoSung`
 * round) is a dossier event of its own kind. SQLite cannot widen a CHECK in
 * place, so the table is rebuilt with the same columns and rows; nothing
 * references dossier_events, so the swap keeps every foreign key intact.
 */
export function supplementRounds(db: Database.Database): void {
  db.exec(`
    CREATE TABLE dossier_events_v2 (
      id TEXT PRIMARY KEY,
      dossier_id TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
      at INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('returned', 'supplement', 'refused', 'apology', 'supplement-received')),
      status TEXT NOT NULL,
      actor TEXT NOT NULL,
      detail_enc BLOB,
      new_due_at INTEGER
    ) STRICT;
    INSERT INTO dossier_events_v2 (id, dossier_id, at, kind, status, actor, detail_enc, new_due_at)
      SELECT id, dossier_id, at, kind, status, actor, detail_enc, new_due_at FROM dossier_events;
    DROP TABLE dossier_events;
    ALTER TABLE dossier_events_v2 RENAME TO dossier_events;
    CREATE INDEX dossier_events_by_dossier ON dossier_events(dossier_id, at);
    CREATE INDEX dossier_events_by_time ON dossier_events(at);
  `);
}
