import { KioskError } from '../../api/errors';

export interface LookupThrottleOptions {
  /** Lookups per window of one anonymous connection (a person at the kiosk). */
  readonly limit?: number;
  /** Lookups per window of every anonymous connection together, whatever they reconnect. */
  readonly anonymousLimit?: number;
  /** Lookups per window of one staff account, over all its connections (a clerk on the phone). */
  readonly staffLimit?: number;
  readonly windowMs?: number;
  readonly now?: () => number;
}

/** Who is looking up: the connection it came in on, and the staff account signed in on it. */
export interface LookupCaller {
  readonly connection: string;
  readonly staff?: string;
}

export const DEFAULT_LOOKUP_LIMITS = {
  limit: 20,
  anonymousLimit: 30,
  staffLimit: 120,
  windowMs: 60_000,
} as const;

/** Buckets remembered at once; the oldest is forgotten first (connections are capped anyway). */
const MAX_BUCKETS = 1000;
const ANONYMOUS = 'anonymous';

/**
 * Bounds status lookups. Dossier codes are sequential, so without a bound a
 * script could walk every code of the day and learn which procedures were
 * filed when. All clients are on loopback with the same token, so nothing an
 * anonymous client sends tells it apart once it opens a new socket: the
 * anonymous identity that outlives a reconnect is "anonymous at this kiosk",
 * one bucket they all share. Each anonymous connection also has a smaller
 * bucket of its own, so one runaway page leaves the others some lookups. A
 * clerk is identified by the account, so signing in again or reconnecting
 * does not reset the clerk's (higher) limit either.
 */
export class LookupThrottle {
  readonly #limit: number;
  readonly #anonymousLimit: number;
  readonly #staffLimit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #recent = new Map<string, number[]>();

  constructor(options: LookupThrottleOptions = {}) {
    this.#limit = options.limit ?? DEFAULT_LOOKUP_LIMITS.limit;
    this.#anonymousLimit = options.anonymousLimit ?? DEFAULT_LOOKUP_LIMITS.anonymousLimit;
    this.#staffLimit = options.staffLimit ?? DEFAULT_LOOKUP_LIMITS.staffLimit;
    this.#windowMs = options.windowMs ?? DEFAULT_LOOKUP_LIMITS.windowMs;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Counts one lookup of `caller`, or throws LOOKUP_RATE_LIMITED when one of its windows is full. */
  take(caller: LookupCaller): void {
    const now = this.#now();
    const buckets: [string, number][] =
      caller.staff === undefined
        ? [
            [`connection:${caller.connection}`, this.#limit],
            [ANONYMOUS, this.#anonymousLimit],
          ]
        : [[`staff:${caller.staff}`, this.#staffLimit]];
    const windows = buckets.map(([key, limit]) => ({ key, limit, recent: this.#window(key, now) }));
    const full = windows.find((w) => w.recent.length >= w.limit);
    if (full) {
      throw new KioskError(
        'LOOKUP_RATE_LIMITED',
        `more than ${String(full.limit)} lookups in ${String(this.#windowMs / 1000)} s (${full.key.split(':')[0] ?? ''})`,
      );
    }
    for (const { key, recent } of windows) {
      recent.push(now);
      this.#recent.delete(key);
      this.#recent.set(key, recent);
    }
    while (this.#recent.size > MAX_BUCKETS) {
      const oldest = this.#recent.keys().next().value;
      if (oldest === undefined) break;
      this.#recent.delete(oldest);
    }
  }

  /** The lookups of `key` still inside the window ending now. */
  #window(key: string, now: number): number[] {
    const recent = this.#recent.get(key) ?? [];
    while (recent.length > 0 && now - (recent[0] ?? now) >= this.#windowMs) recent.shift();
    return recent;
  }
}
