export interface RendererLogBudgetOptions {
  /** Lines one connection may write per window. */
  readonly perWindow?: number;
  readonly windowMs?: number;
  readonly now?: () => number;
}

/** Connections remembered at once; the oldest is forgotten first. */
const MAX_CONNECTIONS = 1000;

/**
 * Bounds what a page may write to the kiosk's log. The log rotates by size,
 * so a page that could write without bound would push the history (sign-ins,
 * sync errors) out of the kept files. A fixed window per connection; lines
 * over the budget are dropped and counted, and the count is logged once when
 * the window turns, so a flood shows up as one line.
 */
export class RendererLogBudget {
  readonly #perWindow: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #windows = new Map<string, { start: number; used: number; dropped: number }>();

  constructor(options: RendererLogBudgetOptions = {}) {
    this.#perWindow = options.perWindow ?? 60;
    this.#windowMs = options.windowMs ?? 60_000;
    this.#now = options.now ?? (() => performance.now());
  }

  /**
   * Whether `connection` may write one more line now; `droppedBefore` is how
   * many of its lines the window that just ended dropped (to be logged).
   */
  take(connection: string): { allowed: boolean; droppedBefore: number } {
    const now = this.#now();
    let window = this.#windows.get(connection);
    let droppedBefore = 0;
    if (!window || now - window.start >= this.#windowMs) {
      droppedBefore = window?.dropped ?? 0;
      window = { start: now, used: 0, dropped: 0 };
      this.#windows.delete(connection);
      this.#windows.set(connection, window);
      if (this.#windows.size > MAX_CONNECTIONS) {
        const oldest = this.#windows.keys().next().value;
        if (oldest !== undefined) this.#windows.delete(oldest);
      }
    }
    if (window.used >= this.#perWindow) {
      window.dropped += 1;
      return { allowed: false, droppedBefore };
    }
    window.used += 1;
    return { allowed: true, droppedBefore };
  }
}
