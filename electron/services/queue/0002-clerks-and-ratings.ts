import type Database from 'better-sqlite3';

/**
 * Who served a ticket, and how the citizen rated it (issue 19 items 4-6).
 *
 * - `queue_tickets.clerk`: the username of the clerk who called the ticket at
 *   the counter that served it, so satisfaction and service times can be
 *   reported per clerk (QĐ 766) without a name on the ticket itself.
 * - `queue_ratings`: one rating per ticket (a rating at a counter without a
 *   ticket has none), tied to counter, clerk and dossier. Reasons are codes,
 *   a JSON array; no free text, so nothing personal lands here. The outbox
 *   carries each rating to the portal's survey interface.
 */
export function clerksAndRatings(db: Database.Database): void {
  db.exec(`
    ALTER TABLE queue_tickets ADD COLUMN clerk TEXT;

    CREATE TABLE queue_ratings (
      id TEXT PRIMARY KEY,
      ticket_id TEXT REFERENCES queue_tickets(id),
      day TEXT NOT NULL,
      counter INTEGER NOT NULL CHECK (counter BETWEEN 1 AND 99),
      clerk TEXT,
      dossier_code TEXT,
      score TEXT NOT NULL
        CHECK (score IN ('very_satisfied', 'satisfied', 'neutral', 'dissatisfied')),
      reasons TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reasons) AND json_type(reasons) = 'array'),
      rated_at INTEGER NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX queue_ratings_one_per_ticket ON queue_ratings(ticket_id)
      WHERE ticket_id IS NOT NULL;
    CREATE INDEX queue_ratings_by_day ON queue_ratings(day, counter);
  `);
}
