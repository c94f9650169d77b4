/**
 * Delivers ratings to the portal's survey interface, in the background, for
 * as long as the kiosk runs. Why it is exactly once:
 * - a rating is owed from the INSERT that saved it (it is its own outbox
 *   row, see 0003-rating-delivery.ts), so a restart finds it still owed;
 * - it stops being owed only once the portal acknowledged it;
 * - every try carries the same MaDanhGia (the rating's id), so a try whose
 *   answer was lost and is sent again is recognised by the portal as the same
 *   rating (the simulator counts it as a replay; the real portal's behaviour
 *   is UNCONFIRMED).
 */
import { defaultBackoff, nextAttemptAt, type BackoffPolicy } from '../../sync/backoff';
import { PortalError } from '../../portal/portal-error';
import type { SurveyPortal } from '../../portal/survey-portal';
import type { RatingOutbox } from './rating-store';
import { toSurvey } from './survey-mapping';

export interface RatingSyncOptions {
  /** How often the loop looks for owed ratings. */
  readonly pollMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly batch?: number;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly onError?: (message: string) => void;
}

export interface RatingPass {
  readonly delivered: number;
  readonly failed: number;
}

export class RatingSync {
  readonly #outbox: RatingOutbox;
  readonly #portal: SurveyPortal;
  readonly #pollMs: number;
  readonly #backoff: BackoffPolicy;
  readonly #batch: number;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #onError: (message: string) => void;
  #timer: NodeJS.Timeout | null = null;
  #pass: Promise<RatingPass> | null = null;
  #running = false;

  constructor(outbox: RatingOutbox, portal: SurveyPortal, options: RatingSyncOptions = {}) {
    this.#outbox = outbox;
    this.#portal = portal;
    this.#pollMs = options.pollMs ?? 2_000;
    this.#backoff = options.backoff ?? defaultBackoff;
    this.#batch = options.batch ?? 20;
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#onError = options.onError ?? (() => undefined);
  }

  /** Starts the background loop (idempotent). */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#schedule(0);
  }

  /** A rating was just saved: try it now rather than at the next poll. */
  wake(): void {
    if (this.#running && this.#pass === null) this.#schedule(0);
  }

  /** Stops the loop and waits for a pass in flight. */
  async stop(): Promise<void> {
    this.#running = false;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#pass;
  }

  /**
   * Sends every rating due now, oldest first, one at a time. A portal that
   * does not answer ends the pass (the rest wait for the next one) instead of
   * costing one timeout per rating.
   */
  runOnce(): Promise<RatingPass> {
    this.#pass ??= this.#drain().finally(() => {
      this.#pass = null;
    });
    return this.#pass;
  }

  async #drain(): Promise<RatingPass> {
    let delivered = 0;
    let failed = 0;
    for (const rating of await this.#outbox.owed(this.#now(), this.#batch)) {
      try {
        await this.#portal.submitSurvey(toSurvey(rating));
        await this.#outbox.delivered(rating.id, this.#now());
        delivered++;
      } catch (error) {
        failed++;
        if (error instanceof PortalError && error.kind === 'rejected') {
          await this.#outbox.park(rating.id, error.vi);
          this.#onError(`rating ${rating.id} refused by the portal: ${error.message}`);
          continue;
        }
        const message = error instanceof PortalError ? error.vi : String(error);
        const retryAfter = error instanceof PortalError ? error.retryAfterMs : null;
        await this.#outbox.retryLater(
          rating.id,
          message,
          nextAttemptAt(this.#now(), rating.attempts, retryAfter, this.#backoff, this.#random),
        );
        this.#onError(`rating ${rating.id} not delivered: ${message}`);
        if (error instanceof PortalError && !error.answered) break;
      }
    }
    return { delivered, failed };
  }

  #schedule(delayMs: number): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.runOnce()
        .catch((error: unknown) => {
          // The store failed (disk, lock): the ratings stay owed and the next pass tries again.
          this.#onError(`rating delivery pass failed: ${String(error)}`);
        })
        .finally(() => {
          if (this.#running) this.#schedule(this.#pollMs);
        });
    }, delayMs);
    this.#timer.unref();
  }
}
