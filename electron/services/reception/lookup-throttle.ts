import { KioskError } from '../../api/errors';

/**
 * Bounds anonymous status lookups. Dossier codes are sequential, so without
 * a bound a script at a kiosk page could walk every code of the day and learn
 * which procedures were filed when; a person at the kiosk never needs more
 * than a few lookups a minute. A sliding window over the last `windowMs`.
 */
export class LookupThrottle {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #recent: number[] = [];

  constructor(options: { limit?: number; windowMs?: number; now?: () => number } = {}) {
    this.#limit = options.limit ?? 20;
    this.#windowMs = options.windowMs ?? 60_000;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Counts one lookup, or throws LOOKUP_RATE_LIMITED when the window is full. */
  take(): void {
    const now = this.#now();
    while (this.#recent.length > 0 && now - (this.#recent[0] ?? now) >= this.#windowMs) {
      this.#recent.shift();
    }
    if (this.#recent.length >= this.#limit) {
      throw new KioskError(
        'LOOKUP_RATE_LIMITED',
        `more than ${String(this.#limit)} anonymous lookups in ${String(this.#windowMs / 1000)} s`,
      );
    }
    this.#recent.push(now);
  }
}
