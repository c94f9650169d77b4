/**
 * Ratings as the rest of the kiosk sees them (issue 19 item 5). The SQLite
 * store (sqlite-ratings.ts) is the embedded default; a centre sharing its
 * queue keeps them in PostgreSQL (postgres-ratings.ts). Pure types only here.
 */
import type { RatingReason, RatingScore } from '../../../api/contract/rating';

export interface PendingRating {
  readonly number: number;
  readonly area: string;
  readonly areaName: string;
}

export interface SavedRating {
  readonly id: string;
  readonly number: number;
  readonly counter: number;
  readonly score: RatingScore;
  readonly reasons: readonly RatingReason[];
  readonly ratedAt: number;
}

export interface RatingInput {
  readonly counter: number;
  /** The number the citizen saw; the rating is refused if the counter moved on. */
  readonly number?: number;
  readonly score: RatingScore;
  readonly reasons?: readonly string[];
}

/** One rating owed to the portal: what the survey call sends, nothing personal. */
export interface OwedRating {
  readonly id: string;
  readonly day: string;
  readonly number: number | null;
  readonly area: string | null;
  readonly counter: number;
  readonly clerk: string | null;
  readonly dossierCode: string | null;
  readonly score: RatingScore;
  readonly reasons: readonly RatingReason[];
  readonly ratedAt: number;
  readonly attempts: number;
}

export interface RatingStore {
  /** The ticket waiting for its citizen's rating at `counter`; null when none. */
  pending(counter: number): Promise<PendingRating | null>;
  /** Rates the pending ticket, tied to its clerk and dossier; once per ticket. */
  rate(input: RatingInput): Promise<SavedRating>;
}

/**
 * What the delivery loop needs: the ratings owed, and where each one stands.
 * Async because a centre's shared store answers over the network.
 */
export interface RatingOutbox {
  /**
   * Unsent, unparked ratings whose next try is due, oldest first. A store
   * shared by several machines hands each rating to one caller at a time
   * (a lease), so two delivery loops never send the same rating at once.
   */
  owed(now: number, limit: number): Promise<OwedRating[]>;
  /** The portal acknowledged it: it is never sent again. */
  delivered(id: string, at: number): Promise<void>;
  retryLater(id: string, error: string, nextAttemptAt: number): Promise<void>;
  /** The portal refused its content: kept, with the portal's message, for IT. */
  park(id: string, error: string): Promise<void>;
  depth(): Promise<{ readonly owed: number; readonly parked: number }>;
  /** When the oldest rating still owed was given; null when none is. */
  oldestOwedAt(): Promise<number | null>;
}
