import type Database from 'better-sqlite3';
import type { Migration } from '../store/migrations/index';
import type { PriorityReason } from './centre-queue-store';

/**
 * A ticket kiosk's own record of what it may issue while the centre's
 * PostgreSQL is away (issue 19 item 7), in the kiosk's SQLite so a restart
 * while offline loses nothing:
 *
 * - `queue_offline_blocks`: numbers reserved in PostgreSQL for this machine
 *   and day; `next_number` is the next one to hand out.
 * - `queue_offline_tickets`: tickets issued from a block and not yet written
 *   to PostgreSQL; a row leaves only after PostgreSQL has it (by id, so a
 *   retry after a lost reply writes nothing twice).
 *
 * Its own migration module, so the queue's numbered list stays the queue's.
 */
export const offlineStashMigrations: readonly Migration[] = [
  {
    module: 'queue-offline',
    version: 1,
    name: 'offline-blocks',
    up: (db) =>
      db.exec(`
        CREATE TABLE queue_offline_blocks (
          day TEXT NOT NULL,
          first_number INTEGER NOT NULL,
          last_number INTEGER NOT NULL CHECK (last_number >= first_number),
          next_number INTEGER NOT NULL,
          PRIMARY KEY (day, first_number)
        ) STRICT;
        CREATE TABLE queue_offline_tickets (
          id TEXT PRIMARY KEY,
          day TEXT NOT NULL,
          number INTEGER NOT NULL,
          area TEXT NOT NULL,
          priority TEXT,
          taken_at INTEGER NOT NULL,
          UNIQUE (day, number)
        ) STRICT;
      `),
  },
];

export interface StashedTicket {
  readonly id: string;
  readonly day: string;
  readonly number: number;
  readonly area: string;
  readonly priority: PriorityReason | null;
  readonly taken_at: number;
}

export class OfflineTicketStash {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** Numbers of `day` still unissued in this machine's blocks. */
  remaining(day: string): number {
    const row = this.#db
      .prepare<[string], { n: number | null }>(
        'SELECT SUM(last_number - next_number + 1) AS n FROM queue_offline_blocks WHERE day = ?',
      )
      .get(day);
    return row?.n ?? 0;
  }

  addBlock(day: string, first: number, last: number): void {
    this.#db
      .prepare(
        `INSERT OR IGNORE INTO queue_offline_blocks (day, first_number, last_number, next_number)
         VALUES (?, ?, ?, ?)`,
      )
      .run(day, first, last, first);
  }

  /** Issues the next reserved number as a ticket, or null when the day's blocks are used up. */
  issue(ticket: Omit<StashedTicket, 'number'>): StashedTicket | null {
    return this.#db
      .transaction((): StashedTicket | null => {
        const block = this.#db
          .prepare<[string], { first_number: number; next_number: number }>(
            `SELECT first_number, next_number FROM queue_offline_blocks
             WHERE day = ? AND next_number <= last_number ORDER BY first_number LIMIT 1`,
          )
          .get(ticket.day);
        if (block === undefined) return null;
        this.#db
          .prepare(
            'UPDATE queue_offline_blocks SET next_number = next_number + 1 WHERE day = ? AND first_number = ?',
          )
          .run(ticket.day, block.first_number);
        const issued = { ...ticket, number: block.next_number };
        this.#db
          .prepare(
            `INSERT INTO queue_offline_tickets (id, day, number, area, priority, taken_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(issued.id, issued.day, issued.number, issued.area, issued.priority, issued.taken_at);
        return issued;
      })
      .immediate();
  }

  pending(): StashedTicket[] {
    return this.#db
      .prepare<[], StashedTicket>('SELECT * FROM queue_offline_tickets ORDER BY taken_at, number')
      .all();
  }

  /** Called only once PostgreSQL has committed the ticket. */
  forget(id: string): void {
    this.#db.prepare('DELETE FROM queue_offline_tickets WHERE id = ?').run(id);
  }
}
