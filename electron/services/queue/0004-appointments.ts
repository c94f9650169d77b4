import type Database from 'better-sqlite3';

/**
 * Appointments booked ahead and picked up at the kiosk with the CCCD
 * (issue 19 item 1), and the `booked` mark on the tickets they give.
 *
 * - `queue_tickets.booked`: 1 for a ticket taken by checking in on time; the
 *   counter calls it after priority tickets and before walk-ins.
 * - `queue_appointments`: no ID number in clear. `cccd_hmac` is
 *   HMAC-SHA256(centre key, 12-digit number) in hex; `initials` (optional)
 *   lets the clerk greet the citizen. `checked_in_at` is set once, by the
 *   UPDATE … WHERE checked_in_at IS NULL that wins; the ticket it gave
 *   follows in `ticket_id`/`ticket_number`, and `arrival` says whether it
 *   came on time (booked ticket) or early/late (ordinary ticket).
 * - `queue_appointment_key`: the centre's HMAC key, one row, written by the
 *   first book or check-in (appointments/cccd-hmac.ts says why it lives here).
 */
export function appointments(db: Database.Database): void {
  db.exec(`
    ALTER TABLE queue_tickets ADD COLUMN booked INTEGER NOT NULL DEFAULT 0 CHECK (booked IN (0, 1));

    CREATE TABLE queue_appointments (
      id TEXT PRIMARY KEY,
      day TEXT NOT NULL,
      slot TEXT NOT NULL CHECK (slot GLOB '[0-2][0-9]:[0-5][0-9]'),
      area TEXT NOT NULL,
      cccd_hmac TEXT NOT NULL CHECK (length(cccd_hmac) = 64),
      initials TEXT,
      booked_at INTEGER NOT NULL,
      booked_by TEXT,
      checked_in_at INTEGER,
      arrival TEXT CHECK (arrival IN ('on_time', 'early', 'late')),
      ticket_id TEXT,
      ticket_number INTEGER,
      UNIQUE (day, cccd_hmac, slot)
    ) STRICT;
    CREATE INDEX queue_appointments_by_card ON queue_appointments(cccd_hmac, day);
    CREATE INDEX queue_appointments_by_day ON queue_appointments(day, slot);

    CREATE TABLE queue_appointment_key (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      key BLOB NOT NULL CHECK (length(key) = 32)
    ) STRICT;
  `);
}
