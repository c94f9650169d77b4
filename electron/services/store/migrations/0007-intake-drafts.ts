import type Database from 'better-sqlite3';

/**
 * The counter's unfinished reception, one per staff account (issue 13): the
 * wizard's state sealed like every personal column (it holds the applicant),
 * bound to the staff row, and gone with the account. `expires_at` is the end
 * of the working day it was saved on; a read past it deletes the row.
 */
export function intakeDrafts(db: Database.Database): void {
  db.exec(`
    CREATE TABLE intake_drafts (
      staff_id TEXT PRIMARY KEY REFERENCES staff(id) ON DELETE CASCADE,
      draft_enc BLOB NOT NULL,
      saved_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL
    ) STRICT;
  `);
}
