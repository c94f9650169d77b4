import { randomBytes } from 'node:crypto';

/**
 * One-time codes that open the kiosk page. Chromium's command line is
 * readable by every process of the machine (/proc/<pid>/cmdline), so the
 * browser is started with a code instead of the session token: the first
 * load spends it and is redirected to the page with the token, and a code
 * read later from /proc opens nothing. A code also expires unused.
 */
export class LaunchCodes {
  readonly #codes = new Map<string, number>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: { ttlMs?: number; now?: () => number } = {}) {
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  issue(): string {
    const code = randomBytes(24).toString('base64url');
    this.#codes.set(code, this.#now() + this.#ttlMs);
    return code;
  }

  /** Whether `code` was issued, unused and in time; it is spent either way. */
  redeem(code: string): boolean {
    const expires = this.#codes.get(code);
    this.#codes.delete(code);
    return expires !== undefined && expires > this.#now();
  }
}
