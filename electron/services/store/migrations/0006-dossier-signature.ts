import type Database from 'better-sqlite3';

/**
 * Signed digitisation (issue 12 item 5). `signed_at`: when the agency's token
 * signed every component PDF of the dossier; NULL means "chưa ký số" (and so
 * does every dossier saved before this step, which nobody signed).
 * `sign_error`: the SigningError code that left it unsigned, so the staff
 * screen can say what to do (plug in the token, retype the PIN…); NULL when
 * signed or when saved before this step. `dossier_receipts` keeps the receipt
 * made at save (signed when the components were), so a reprint hands out the
 * same signed file instead of an unsigned new rendering.
 */
export function dossierSignature(db: Database.Database): void {
  db.exec(`
    ALTER TABLE dossiers ADD COLUMN signed_at INTEGER;
    ALTER TABLE dossiers ADD COLUMN sign_error TEXT;
    CREATE TABLE dossier_receipts (
      dossier_id TEXT PRIMARY KEY REFERENCES dossiers(id) ON DELETE CASCADE,
      blob_sha256 TEXT REFERENCES blobs(sha256),
      signed_at INTEGER,
      created_at INTEGER NOT NULL
    ) STRICT;
  `);
}
