import type Database from 'better-sqlite3';

/**
 * The centre queue on the kiosk's own database (issue 19).
 *
 * - `queue_days`: the last number issued each Vietnam day. Taking a number
 *   bumps it with UPDATE … RETURNING inside a write transaction, so processes
 *   sharing the file never get the same number; UNIQUE(day, number) on the
 *   tickets is the last guard.
 * - `queue_tickets`: one row per number with the times that give waiting
 *   (first_called_at − taken_at) and service (served_at − called_at) times.
 *   No personal data: a priority reason, not a name; a dossier code.
 */
export function queueTickets(db: Database.Database): void {
  db.exec(`
    CREATE TABLE queue_days (
      day TEXT PRIMARY KEY,
      last_number INTEGER NOT NULL CHECK (last_number >= 1)
    ) STRICT;

    CREATE TABLE queue_tickets (
      id TEXT PRIMARY KEY,
      day TEXT NOT NULL,
      number INTEGER NOT NULL CHECK (number >= 1),
      area TEXT NOT NULL,
      priority TEXT CHECK (priority IN ('elderly', 'disability', 'pregnant', 'merit')),
      status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'served', 'no_show')),
      counter INTEGER,
      for_counter INTEGER,
      calls INTEGER NOT NULL DEFAULT 0 CHECK (calls >= 0),
      taken_at INTEGER NOT NULL,
      first_called_at INTEGER,
      called_at INTEGER,
      served_at INTEGER,
      dossier_code TEXT,
      UNIQUE (day, number)
    ) STRICT;
    CREATE INDEX queue_tickets_by_status ON queue_tickets(day, status);
    CREATE INDEX queue_tickets_served ON queue_tickets(area, served_at) WHERE status = 'served';
  `);
}
