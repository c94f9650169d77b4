import { KioskError } from '../../api/errors';

export interface LookupThrottleOptions {
  /** Lookups per window of an anonymous connection (a person at the kiosk). */
  readonly limit?: number;
  /** Lookups per window of a connection with staff signed in (a clerk answering the phone). */
  readonly staffLimit?: number;
  readonly windowMs?: number;
  readonly now?: () => number;
}

/** Connections remembered at once; the oldest is forgotten first (connections are capped anyway). */
const MAX_CONNECTIONS = 1000;

/**
 * Bounds status lookups per connection. Dossier codes are sequential, so
 * without a bound a script could walk every code of the day and learn which
 * procedures were filed when; a person needs a few lookups a minute, a clerk
 * a few more. One window per connection, so a script on one socket cannot use
 * up the citizen's lookups on another; staff are bounded too, more loosely.
 */
export class LookupThrottle {
  readonly #limit: number;
  readonly #staffLimit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #recent = new Map<string, number[]>();

  constructor(options: LookupThrottleOptions = {}) {
    this.#limit = options.limit ?? 20;
    this.#staffLimit = options.staffLimit ?? 120;
    this.#windowMs = options.windowMs ?? 60_000;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Counts one lookup of `connection`, or throws LOOKUP_RATE_LIMITED when its window is full. */
  take(connection: string, staff = false): void {
    const now = this.#now();
    const recent = this.#recent.get(connection) ?? [];
    while (recent.length > 0 && now - (recent[0] ?? now) >= this.#windowMs) recent.shift();
    const limit = staff ? this.#staffLimit : this.#limit;
    if (recent.length >= limit) {
      throw new KioskError(
        'LOOKUP_RATE_LIMITED',
        `more than ${String(limit)} lookups in ${String(this.#windowMs / 1000)} s on one connection`,
      );
    }
    recent.push(now);
    this.#recent.delete(connection);
    this.#recent.set(connection, recent);
    if (this.#recent.size > MAX_CONNECTIONS) {
      const oldest = this.#recent.keys().next().value;
      if (oldest !== undefined) this.#recent.delete(oldest);
    }
  }
}
