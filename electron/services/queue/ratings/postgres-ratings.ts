import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { QueueArea } from '../centre-queue-store';
import { DB_NOW, type PostgresCentreDb } from '../postgres-centre-db';
import { checkCounter, queueDay } from '../queue-rules';
import { alreadyRated, invalidRating, nonePending, ratingsOffline } from './rating-errors';
import * as ratingRows from './rating-rows';
import { checkReasons, DEFAULT_RATING_WINDOW_MS, pendingTicket } from './rating-rules';
import type {
  OwedRating,
  PendingRating,
  RatingInput,
  RatingOutbox,
  RatingStore,
  SavedRating,
} from './rating-store';

/**
 * How long a delivery loop holds the ratings it took. Longer than a pass
 * takes (it sends one at a time and stops at the first portal that does not
 * answer); should one still outlast it, another machine sends the rating
 * again under the same MaDanhGia, which the portal takes as a replay.
 */
const DEFAULT_LEASE_MS = 5 * 60_000;

export interface PostgresRatingsOptions {
  readonly areas: readonly QueueArea[];
  readonly windowMs?: number;
  readonly leaseMs?: number;
  /** Tests only: a fixed clock instead of the database's. */
  readonly now?: () => number;
}

/**
 * Ratings in the centre's PostgreSQL, beside the shared queue's tickets, so
 * the tablet at a counter rates the ticket that counter served whichever
 * machine runs the tablet's page. Same rules as SqliteRatings (rating-rules.ts).
 *
 * Once per ticket: `rate` locks the counter's tickets of the day (FOR
 * UPDATE), so two machines rating at one counter take turns, and reads
 * them again after the lock with a fresh snapshot (READ COMMITTED), so the
 * second sees the first's rating; the unique index on ticket_id is the last
 * guard.
 *
 * Delivery by several machines: `owed` claims the ratings it returns with
 * a lease (claimed_until, on the database's clock) in one statement that
 * picks them FOR UPDATE SKIP LOCKED. A row another machine is claiming at
 * that instant is skipped rather than waited for; one whose claim has just
 * committed is re-checked by PostgreSQL against its new version and is no
 * longer due. So each rating is in at most one loop's hands until it is
 * delivered, parked or rescheduled (each of which ends the lease), or until
 * the lease runs out because that machine stopped.
 */
export class PostgresRatings implements RatingStore, RatingOutbox {
  readonly #db: PostgresCentreDb;
  readonly #areas: readonly QueueArea[];
  readonly #machine: string;
  readonly #windowMs: number;
  readonly #leaseMs: number;
  readonly #now: (() => number) | undefined;

  constructor(db: PostgresCentreDb, options: PostgresRatingsOptions) {
    this.#db = db;
    this.#areas = options.areas;
    // This machine's name, recorded on its ratings and on the leases it takes.
    this.#machine = db.machine;
    this.#windowMs = options.windowMs ?? DEFAULT_RATING_WINDOW_MS;
    this.#leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.#now = options.now;
  }

  async pending(counter: number): Promise<PendingRating | null> {
    checkCounter(this.#areas, counter);
    return this.#online(async (client) => {
      const row = await this.#pendingRow(client, counter, await this.#time(client));
      return row === null ? null : ratingRows.pendingView(row, this.#areas);
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  async rate(input: RatingInput): Promise<SavedRating> {
    checkCounter(this.#areas, input.counter);
    const reasons = checkReasons(input.score, input.reasons ?? []);
    if (!reasons.ok) throw invalidRating(reasons.vi, reasons.en);
    return this.#online(async (client) => {
      const at = await this.#time(client);
      const day = queueDay(at);
      await client.query(
        `SELECT id FROM queue_tickets
         WHERE day = $1 AND counter = $2 AND status IN ('called', 'served') FOR UPDATE`,
        [day, input.counter],
      );
      const ticket = await this.#pendingRow(client, input.counter, at);
      if (ticket === null || (input.number !== undefined && ticket.number !== input.number)) {
        if (input.number !== undefined && (await this.#ratedToday(client, input, day)))
          throw alreadyRated(input.number);
        throw nonePending(input.counter, input.number);
      }
      const id = uuidv7();
      try {
        await client.query(
          `INSERT INTO queue_ratings (id, ticket_id, day, counter, clerk, dossier_code, score,
             reasons, rated_at, next_attempt_at, machine)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $9, $10)`,
          [
            id,
            ticket.id,
            day,
            input.counter,
            ticket.clerk,
            ticket.dossier_code,
            input.score,
            JSON.stringify(reasons.reasons),
            at,
            this.#machine,
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw alreadyRated(ticket.number);
        throw error;
      }
      return {
        id,
        number: ticket.number,
        counter: input.counter,
        score: input.score,
        reasons: reasons.reasons,
        ratedAt: at,
      };
    });
  }

  owed(now: number, limit: number): Promise<OwedRating[]> {
    return this.#online(async (client) => {
      const { rows } = await client.query<ratingRows.OwedRow>(
        `WITH due AS (
           SELECT id FROM queue_ratings
           WHERE sent_at IS NULL AND NOT parked AND next_attempt_at <= $1
             AND (claimed_until IS NULL OR claimed_until < ${DB_NOW})
           ORDER BY rated_at, id LIMIT $2
           FOR UPDATE SKIP LOCKED
         ), claimed AS (
           UPDATE queue_ratings r SET claimed_until = ${DB_NOW} + $3, claimed_by = $4
           FROM due WHERE r.id = due.id
           RETURNING r.id, r.ticket_id, r.day, r.counter, r.clerk, r.dossier_code, r.score,
                     r.reasons, r.rated_at, r.attempts
         )
         SELECT c.id, c.day, t.number, t.area, c.counter, c.clerk, c.dossier_code, c.score,
                c.reasons, c.rated_at, c.attempts
         FROM claimed c LEFT JOIN queue_tickets t ON t.id = c.ticket_id
         ORDER BY c.rated_at, c.id`,
        [now, limit, this.#leaseMs, this.#machine],
      );
      return rows.map(ratingRows.owedView);
    });
  }

  delivered(id: string, at: number): Promise<void> {
    return this.#write(
      `UPDATE queue_ratings SET sent_at = $2, last_error = NULL, claimed_until = NULL
       WHERE id = $1 AND sent_at IS NULL`,
      [id, at],
    );
  }

  retryLater(id: string, error: string, nextAttemptAt: number): Promise<void> {
    return this.#write(
      `UPDATE queue_ratings SET attempts = attempts + 1, next_attempt_at = $2, last_error = $3,
         claimed_until = NULL
       WHERE id = $1`,
      [id, nextAttemptAt, error],
    );
  }

  park(id: string, error: string): Promise<void> {
    return this.#write(
      `UPDATE queue_ratings SET parked = true, attempts = attempts + 1, last_error = $2,
         claimed_until = NULL
       WHERE id = $1`,
      [id, error],
    );
  }

  depth(): Promise<{ owed: number; parked: number }> {
    return this.#online(async (client) => {
      const { rows } = await client.query<{ owed: number; parked: number }>(
        `SELECT COUNT(*) FILTER (WHERE NOT parked)::integer AS owed,
                COUNT(*) FILTER (WHERE parked)::integer AS parked
         FROM queue_ratings WHERE sent_at IS NULL`,
      );
      return { owed: rows[0]?.owed ?? 0, parked: rows[0]?.parked ?? 0 };
    });
  }

  oldestOwedAt(): Promise<number | null> {
    return this.#online(async (client) => {
      const { rows } = await client.query<{ at: number | null }>(
        'SELECT MIN(rated_at) AS at FROM queue_ratings WHERE sent_at IS NULL AND NOT parked',
      );
      return rows[0]?.at ?? null;
    });
  }

  #online<T>(body: (client: pg.PoolClient) => Promise<T>, mode?: string): Promise<T> {
    return this.#db.online(body, ratingsOffline, mode);
  }

  async #write(sql: string, values: readonly unknown[]): Promise<void> {
    await this.#online((client) => client.query(sql, [...values]));
  }

  async #pendingRow(
    client: pg.ClientBase,
    counter: number,
    at: number,
  ): Promise<ratingRows.CounterRow | null> {
    const { rows } = await client.query<ratingRows.CounterRow>(
      `SELECT ${ratingRows.COUNTER_ROW_COLUMNS}
       FROM queue_tickets t
       WHERE t.day = $1 AND t.counter = $2 AND t.status IN ('called', 'served')`,
      [queueDay(at), counter],
    );
    return pendingTicket(rows.map(ratingRows.counterTicket), counter, at, this.#windowMs);
  }

  async #ratedToday(client: pg.ClientBase, input: RatingInput, day: string): Promise<boolean> {
    const { rows } = await client.query(
      `SELECT 1 FROM queue_ratings r JOIN queue_tickets t ON t.id = r.ticket_id
       WHERE t.day = $1 AND t.counter = $2 AND t.number = $3`,
      [day, input.counter, input.number],
    );
    return rows.length > 0;
  }

  /** Ticket times come from the database's clock, so the rating window is measured on it too. */
  async #time(client: pg.ClientBase): Promise<number> {
    if (this.#now !== undefined) return this.#now();
    const { rows } = await client.query<{ at: number }>(`SELECT ${DB_NOW} AS at`);
    return rows[0]?.at ?? Date.now();
  }
}

/** 23505: unique_violation — another machine rated the ticket between our read and write. */
function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
  );
}
