import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { QueueArea } from '../centre-queue-store';
import { checkCounter, queueDay } from '../queue-rules';
import { run } from '../ticket-rows';
import { alreadyRated, invalidRating, nonePending } from './rating-errors';
import type {
  OwedRating,
  PendingRating,
  RatingInput,
  RatingOutbox,
  RatingStore,
  SavedRating,
} from './rating-store';
import * as ratingRows from './rating-rows';
import { checkReasons, DEFAULT_RATING_WINDOW_MS, pendingTicket } from './rating-rules';

export interface SqliteRatingsOptions {
  readonly areas: readonly QueueArea[];
  readonly windowMs?: number;
  readonly now?: () => number;
}

/**
 * Ratings in the kiosk's SQLite file, beside the queue's tickets. A rating
 * is written in a BEGIN IMMEDIATE transaction that first finds the pending
 * ticket, so two taps (or two pages) cannot rate one ticket twice; the
 * unique index on ticket_id is the last guard.
 */
export class SqliteRatings implements RatingStore, RatingOutbox {
  readonly #db: Database.Database;
  readonly #areas: readonly QueueArea[];
  readonly #windowMs: number;
  readonly #now: () => number;

  constructor(db: Database.Database, options: SqliteRatingsOptions) {
    this.#db = db;
    this.#areas = options.areas;
    this.#windowMs = options.windowMs ?? DEFAULT_RATING_WINDOW_MS;
    this.#now = options.now ?? Date.now;
  }

  pending(counter: number): Promise<PendingRating | null> {
    return run(() => {
      checkCounter(this.#areas, counter);
      const row = this.#pendingRow(counter, this.#now());
      return row === null ? null : ratingRows.pendingView(row, this.#areas);
    });
  }

  rate(input: RatingInput): Promise<SavedRating> {
    return run(() => {
      checkCounter(this.#areas, input.counter);
      const reasons = checkReasons(input.score, input.reasons ?? []);
      if (!reasons.ok) throw invalidRating(reasons.vi, reasons.en);
      return this.#db
        .transaction((): SavedRating => {
          const at = this.#now();
          const ticket = this.#pendingRow(input.counter, at);
          if (ticket === null || (input.number !== undefined && ticket.number !== input.number)) {
            if (input.number !== undefined && this.#ratedToday(input.counter, input.number, at))
              throw alreadyRated(input.number);
            throw nonePending(input.counter, input.number);
          }
          const id = uuidv7();
          try {
            this.#db
              .prepare(
                `INSERT INTO queue_ratings
                   (id, ticket_id, day, counter, clerk, dossier_code, score, reasons, rated_at, next_attempt_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
              )
              .run(
                id,
                ticket.id,
                queueDay(at),
                input.counter,
                ticket.clerk,
                ticket.dossier_code,
                input.score,
                JSON.stringify(reasons.reasons),
                at,
                at,
              );
          } catch (error) {
            // Another process rated it between our read and write (the unique index held).
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
        })
        .immediate();
    });
  }

  owed(now: number, limit: number): Promise<OwedRating[]> {
    return run(() =>
      this.#db
        .prepare<[number, number], ratingRows.OwedRow>(
          `SELECT r.id, r.day, t.number, t.area, r.counter, r.clerk, r.dossier_code, r.score,
                r.reasons, r.rated_at, r.attempts
         FROM queue_ratings r LEFT JOIN queue_tickets t ON t.id = r.ticket_id
         WHERE r.sent_at IS NULL AND r.parked = 0 AND r.next_attempt_at <= ?
         ORDER BY r.rated_at, r.id LIMIT ?`,
        )
        .all(now, limit)
        .map(ratingRows.owedView),
    );
  }

  delivered(id: string, at: number): Promise<void> {
    return run(() => {
      this.#db
        .prepare(
          'UPDATE queue_ratings SET sent_at = ?, last_error = NULL WHERE id = ? AND sent_at IS NULL',
        )
        .run(at, id);
    });
  }

  retryLater(id: string, error: string, nextAttemptAt: number): Promise<void> {
    return run(() => {
      this.#db
        .prepare(
          'UPDATE queue_ratings SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?',
        )
        .run(nextAttemptAt, error, id);
    });
  }

  park(id: string, error: string): Promise<void> {
    return run(() => {
      this.#db
        .prepare(
          'UPDATE queue_ratings SET parked = 1, attempts = attempts + 1, last_error = ? WHERE id = ?',
        )
        .run(error, id);
    });
  }

  depth(): Promise<{ owed: number; parked: number }> {
    return run(() => {
      const row = this.#db
        .prepare<[], { owed: number | null; parked: number | null }>(
          `SELECT SUM(parked = 0) AS owed, SUM(parked = 1) AS parked
           FROM queue_ratings WHERE sent_at IS NULL`,
        )
        .get();
      return { owed: row?.owed ?? 0, parked: row?.parked ?? 0 };
    });
  }

  oldestOwedAt(): Promise<number | null> {
    return run(() => {
      const row = this.#db
        .prepare<[], { at: number | null }>(
          'SELECT MIN(rated_at) AS at FROM queue_ratings WHERE sent_at IS NULL AND parked = 0',
        )
        .get();
      return row?.at ?? null;
    });
  }

  #pendingRow(counter: number, at: number): ratingRows.CounterRow | null {
    const rows = this.#db
      .prepare<[string, number], ratingRows.CounterRow>(
        `SELECT ${ratingRows.COUNTER_ROW_COLUMNS}
         FROM queue_tickets t
         WHERE t.day = ? AND t.counter = ? AND t.status IN ('called', 'served')`,
      )
      .all(queueDay(at), counter);
    return pendingTicket(rows.map(ratingRows.counterTicket), counter, at, this.#windowMs);
  }

  #ratedToday(counter: number, number: number, at: number): boolean {
    return (
      this.#db
        .prepare<[string, number, number], { one: number }>(
          `SELECT 1 AS one FROM queue_ratings r JOIN queue_tickets t ON t.id = r.ticket_id
           WHERE t.day = ? AND t.counter = ? AND t.number = ?`,
        )
        .get(queueDay(at), counter, number) !== undefined
    );
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}
