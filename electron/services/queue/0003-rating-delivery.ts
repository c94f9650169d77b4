import type Database from 'better-sqlite3';

/**
 * Each rating is its own outbox row (issue 19 item 5): the rating and its
 * delivery state commit in one INSERT, so a rating can never exist without
 * its delivery being owed, nor be owed twice. The dossier outbox could not
 * hold it: its rows belong to a dossier (a foreign key, cascades, ordered
 * per dossier), and a rating may have no dossier at all.
 *
 * - `sent_at`: when the portal acknowledged it; NULL while owed.
 * - `attempts`, `next_attempt_at`, `last_error`: the retry state, as the
 *   dossier outbox keeps it.
 * - `parked`: the portal refused its content (retrying will not help); kept
 *   for IT to see rather than resent forever.
 */
export function ratingDelivery(db: Database.Database): void {
  db.exec(`
    ALTER TABLE queue_ratings ADD COLUMN sent_at INTEGER;
    ALTER TABLE queue_ratings ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0);
    ALTER TABLE queue_ratings ADD COLUMN next_attempt_at INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE queue_ratings ADD COLUMN last_error TEXT;
    ALTER TABLE queue_ratings ADD COLUMN parked INTEGER NOT NULL DEFAULT 0 CHECK (parked IN (0, 1));
    CREATE INDEX queue_ratings_owed ON queue_ratings(next_attempt_at)
      WHERE sent_at IS NULL AND parked = 0;
  `);
}
