import type Database from 'better-sqlite3';

/**
 * The electronic certification book (sổ chứng thực bản sao từ bản chính).
 * Columns ending in `_enc` are sealed personal data (field-cipher).
 *
 * - `certified_copies`: one row per copy (bản) issued; `number` restarts at 1
 *   each calendar year (Vietnam time) and UNIQUE(year, number) is the last
 *   guard against two copies sharing a number; `blob_sha256` is the signed
 *   PDF. A row exists only for a copy whose signing succeeded.
 * - `copy_refusals`: originals the clerk refused, with the Decree 23/2015
 *   art. 22 reason; they take no number.
 */
export function certificationBook(db: Database.Database): void {
  db.exec(`
    CREATE TABLE certified_copies (
      id TEXT PRIMARY KEY,
      request_id TEXT NOT NULL,
      year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 9999),
      number INTEGER NOT NULL CHECK (number >= 1),
      book TEXT NOT NULL,
      certified_at INTEGER NOT NULL,
      requester_name_enc BLOB NOT NULL,
      document_name_enc BLOB NOT NULL,
      pages INTEGER NOT NULL CHECK (pages >= 1),
      fee INTEGER NOT NULL CHECK (fee >= 0),
      copy_index INTEGER NOT NULL CHECK (copy_index >= 1),
      copies INTEGER NOT NULL CHECK (copies >= copy_index),
      original_sha256 TEXT NOT NULL CHECK (length(original_sha256) = 64),
      blob_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
      certifier_name TEXT NOT NULL,
      certifier_title TEXT NOT NULL,
      signer_subject TEXT NOT NULL,
      signed_at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      UNIQUE (year, number)
    ) STRICT;
    CREATE INDEX certified_copies_by_time ON certified_copies(certified_at);
    CREATE INDEX certified_copies_by_request ON certified_copies(request_id);

    CREATE TABLE copy_refusals (
      id TEXT PRIMARY KEY,
      refused_at INTEGER NOT NULL,
      reason TEXT NOT NULL CHECK (reason IN ('forged-or-wrong-authority', 'altered', 'damaged',
        'secret-or-no-copy', 'unlawful-content', 'self-made-unconfirmed')),
      note_enc BLOB,
      requester_name_enc BLOB,
      document_name_enc BLOB,
      pages INTEGER NOT NULL CHECK (pages >= 0),
      actor TEXT NOT NULL
    ) STRICT;
    CREATE INDEX copy_refusals_by_time ON copy_refusals(refused_at);
  `);
}
