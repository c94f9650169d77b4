import { randomBytes } from 'node:crypto';

export interface LaunchCodesOptions {
  readonly ttlMs?: number;
  readonly now?: () => number;
  /**
   * A code was spent (redeemed, whether in time or not) or expired unused:
   * whatever carried it to the browser (the launch page file) goes with it.
   */
  readonly onEnd?: (code: string) => void;
}

/**
 * One-time codes that open the kiosk page. The browser is started with a
 * code instead of the session token: the first load spends it and is
 * redirected to the page with the token, and a code read later opens
 * nothing. A code also expires unused.
 */
export class LaunchCodes {
  readonly #codes = new Map<string, number>();
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #onEnd: (code: string) => void;

  constructor(options: LaunchCodesOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#now = options.now ?? Date.now;
    this.#onEnd = options.onEnd ?? (() => undefined);
  }

  issue(): string {
    const code = randomBytes(24).toString('base64url');
    this.#codes.set(code, this.#now() + this.#ttlMs);
    // Unref'd: a pending code must not keep a stopping process alive.
    setTimeout(() => {
      if (this.#codes.delete(code)) this.#onEnd(code);
    }, this.#ttlMs).unref();
    return code;
  }

  /** Whether `code` was issued, unused and in time; it is spent either way. */
  redeem(code: string): boolean {
    const expires = this.#codes.get(code);
    if (expires === undefined) return false;
    this.#codes.delete(code);
    this.#onEnd(code);
    return expires > this.#now();
  }
}
