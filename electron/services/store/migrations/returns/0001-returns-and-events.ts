import type Database from 'better-sqlite3';

/** The outbox operations before this migration, and the ones it adds for status events. */
const OLD_OPS = `CHECK (op IN ('upload-file', 'sync-dossier'))`;
const NEW_OPS = `CHECK (op IN ('upload-file', 'sync-dossier', 'upload-result', 'progress', 'update-dossier'))`;

/**
 * Widens the outbox's `op` check so status events (result uploads,
 * CapNhatTienDoHoSoMC progress, the DongBoHoSoMC update) queue behind the
 * dossier's create in the same per-dossier order. SQLite cannot alter a
 * CHECK, so the table is rebuilt from its own stored definition: columns or
 * indexes another module added since survive.
 */
function widenOutboxOps(db: Database.Database): void {
  const table = db
    .prepare<[], { sql: string }>(
      `SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'`,
    )
    .get();
  if (!table?.sql.includes(OLD_OPS)) {
    throw new Error('outbox table has an unexpected op check; refusing to rebuild it');
  }
  const indexes = db
    .prepare<[], { sql: string }>(
      `SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL`,
    )
    .all();
  const rebuilt = table.sql
    .replace(OLD_OPS, NEW_OPS)
    .replace(/^CREATE TABLE "?outbox"?/, 'CREATE TABLE outbox_widened');
  db.exec(rebuilt);
  db.exec('INSERT INTO outbox_widened SELECT * FROM outbox');
  db.exec('DROP TABLE outbox');
  db.exec('ALTER TABLE outbox_widened RENAME TO outbox');
  for (const index of indexes) db.exec(index.sql);
}

/**
 * Returning results (issue 17) and the dossier's status history. Columns
 * ending in `_enc` are sealed personal data (field-cipher), like the store's.
 *
 * - `dossier_returns`: at most one per dossier — NgayTra, HinhThuc, who
 *   collected (the applicant or an authorised person, from which source), the
 *   authorisation letter, whether the portal was asked or the clerk confirmed
 *   holding the result while it could not be reached, the hand-over slip.
 * - `result_documents`: one signed (or "chưa ký số") PDF per result; its id is
 *   the portal's GiayToId, its url is set once the upload is acknowledged.
 * - `dossier_events`: what happened to a dossier after intake, in order
 *   (returned, supplement requested, refused, apology with a new date); each
 *   becomes a CapNhatTienDoHoSoMC progress object.
 */
function returnTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE dossier_returns (
      dossier_id TEXT PRIMARY KEY REFERENCES dossiers(id) ON DELETE CASCADE,
      returned_at INTEGER NOT NULL,
      hinh_thuc TEXT NOT NULL CHECK (hinh_thuc IN ('0', '1')),
      receiver_kind TEXT NOT NULL CHECK (receiver_kind IN ('applicant', 'authorised', 'post')),
      receiver_source TEXT NOT NULL CHECK (receiver_source IN ('chip', 'typed', 'none')),
      receiver_name_enc BLOB,
      receiver_id_enc BLOB,
      letter_sha256 TEXT REFERENCES blobs(sha256),
      post_address_enc BLOB,
      portal_status_seen TEXT,
      offline_in_hand INTEGER NOT NULL CHECK (offline_in_hand IN (0, 1)),
      slip_sha256 TEXT REFERENCES blobs(sha256),
      actor TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE result_documents (
      id TEXT PRIMARY KEY,
      dossier_id TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      name TEXT NOT NULL,
      component_code TEXT NOT NULL,
      blob_sha256 TEXT REFERENCES blobs(sha256),
      signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
      portal_file_id TEXT,
      portal_url TEXT,
      UNIQUE (dossier_id, seq)
    ) STRICT;
    CREATE INDEX result_documents_by_blob ON result_documents(blob_sha256);

    CREATE TABLE dossier_events (
      id TEXT PRIMARY KEY,
      dossier_id TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
      at INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('returned', 'supplement', 'refused', 'apology')),
      status TEXT NOT NULL,
      actor TEXT NOT NULL,
      detail_enc BLOB,
      new_due_at INTEGER
    ) STRICT;
    CREATE INDEX dossier_events_by_dossier ON dossier_events(dossier_id, at);
    CREATE INDEX dossier_events_by_time ON dossier_events(at);
  `);
}

export function returnsAndEvents(db: Database.Database): void {
  widenOutboxOps(db);
  returnTables(db);
}
