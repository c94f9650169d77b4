import type Database from 'better-sqlite3';

/**
 * The first schema. Columns ending in `_enc` hold AES-256-GCM sealed personal
 * data (see crypto/field-cipher.ts); everything else is not personal and stays
 * queryable. Times are epoch milliseconds.
 */
export function initial(db: Database.Database): void {
  db.exec(`
    CREATE TABLE procedures (
      code TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      field_code TEXT,
      field_name TEXT,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL UNIQUE,
      display_name_enc BLOB,
      role TEXT NOT NULL CHECK (role IN ('clerk', 'admin', 'it')),
      active INTEGER NOT NULL DEFAULT 1,
      created_at INTEGER NOT NULL
    ) STRICT;

    -- A row exists only for a blob file that was fsynced before the row's transaction.
    CREATE TABLE blobs (
      sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
      size INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE dossiers (
      id TEXT PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      agency_code TEXT NOT NULL,
      procedure_code TEXT NOT NULL REFERENCES procedures(code),
      applicant_kind TEXT NOT NULL CHECK (applicant_kind IN ('1', '2')),
      applicant_source TEXT NOT NULL CHECK (applicant_source IN ('chip', 'qr', 'typed', 'import')),
      applicant_name_enc BLOB,
      applicant_id_enc BLOB,
      applicant_id_index TEXT,
      email_enc BLOB,
      phone_enc BLOB,
      summary_enc BLOB,
      form_enc BLOB,
      notes_enc BLOB,
      received_at INTEGER NOT NULL,
      due_at INTEGER NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('counter', 'kiosk')),
      staff_id TEXT REFERENCES staff(id),
      status TEXT NOT NULL,
      delivery_mode TEXT NOT NULL CHECK (delivery_mode IN ('0', '1')),
      processing_unit TEXT NOT NULL,
      sync_state TEXT NOT NULL CHECK (sync_state IN ('pending', 'parked', 'synced')),
      create_attempted INTEGER NOT NULL DEFAULT 0,
      portal_created INTEGER NOT NULL DEFAULT 0,
      portal_status TEXT,
      portal_status_at INTEGER,
      synced_at INTEGER,
      purged_at INTEGER,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX dossiers_by_sync_state ON dossiers(sync_state, received_at);
    CREATE INDEX dossiers_by_applicant ON dossiers(applicant_id_index);

    -- One row per submitted document (TaiLieuNop): its id is the portal's TepDinhKemId.
    CREATE TABLE components (
      id TEXT PRIMARY KEY,
      dossier_id TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      code TEXT NOT NULL,
      file_name_enc BLOB,
      mime TEXT NOT NULL,
      blob_sha256 TEXT REFERENCES blobs(sha256),
      portal_file_id TEXT,
      portal_url TEXT,
      UNIQUE (dossier_id, seq)
    ) STRICT;
    CREATE INDEX components_by_blob ON components(blob_sha256);

    -- Scanned page images of a component, with their OCR text.
    CREATE TABLE pages (
      id TEXT PRIMARY KEY,
      component_id TEXT NOT NULL REFERENCES components(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      blob_sha256 TEXT REFERENCES blobs(sha256),
      ocr_text_enc BLOB,
      UNIQUE (component_id, seq)
    ) STRICT;
    CREATE INDEX pages_by_blob ON pages(blob_sha256);

    -- The last sequence number this kiosk issued per agency and day (dossier-code.ts).
    CREATE TABLE code_counters (
      agency_code TEXT NOT NULL,
      day TEXT NOT NULL,
      last_seq INTEGER NOT NULL,
      PRIMARY KEY (agency_code, day)
    ) STRICT;

    CREATE TABLE outbox (
      id TEXT PRIMARY KEY,
      dossier_id TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('upload-file', 'sync-dossier')),
      payload_enc BLOB NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,
      last_error_enc BLOB,
      parked INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      UNIQUE (dossier_id, seq)
    ) STRICT;

    -- Who read or changed a citizen's record. No personal data here.
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      dossier_id TEXT,
      detail TEXT
    ) STRICT;
    CREATE INDEX audit_by_dossier ON audit_log(dossier_id, at);
  `);
}
