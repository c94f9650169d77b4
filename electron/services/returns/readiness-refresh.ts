import { isResultReady, type PortalAnswer } from './readiness';

/** The store's part the refresh needs (DossierStore and its outbox fit). */
export interface ReadinessRefreshStore {
  awaitingResult(limit: number): readonly { readonly id: string; readonly code: string }[];
  markResultReady(dossierId: string, at: number): boolean;
  recordPortalStatus(dossierId: string, status: string, at: number): void;
}

export interface ReadinessRefreshDeps {
  readonly store: ReadinessRefreshStore;
  /** TraCuuHoSo bounded by its own timeout (ReturnService.askPortal); never throws. */
  readonly ask: (code: string) => Promise<PortalAnswer>;
  readonly log: {
    info(fields: Record<string, unknown>, message: string): void;
    warn(fields: Record<string, unknown>, message: string): void;
  };
}

export interface ReadinessRefreshOptions {
  /** Time between rounds; 0 turns the refresh off. */
  readonly intervalMs: number;
  /** Dossiers asked per round at most, so one round costs the portal a bounded number of lookups. */
  readonly batch?: number;
  readonly now?: () => number;
}

/** What one round did. */
export interface RefreshRound {
  readonly asked: number;
  readonly ready: number;
  /** The round stopped early because the portal did not answer; the next interval tries again. */
  readonly unreachable: boolean;
  readonly ms: number;
}

export const DEFAULT_REFRESH_BATCH = 50;

/**
 * The periodic readiness refresh of open dossiers (issue 17 item 1): every
 * interval, asks the portal (TraCuuHoSo) about a bounded batch of dossiers it
 * has not finished, least recently asked first, and marks those it says are
 * "Đã xử lý xong" as "có kết quả", so the "Chờ trả" list is current without
 * a clerk opening each dossier. It runs on a timer, never on a request's
 * path; lookups go one at a time (the portal is shared with the outbox), a
 * silent portal ends the round, and rounds never overlap.
 */
export class ReadinessRefresh {
  readonly #deps: ReadinessRefreshDeps;
  readonly #intervalMs: number;
  readonly #batch: number;
  readonly #now: () => number;
  #timer: NodeJS.Timeout | null = null;
  #round: Promise<RefreshRound> | null = null;
  #stopped = false;

  constructor(deps: ReadinessRefreshDeps, options: ReadinessRefreshOptions) {
    this.#deps = deps;
    this.#intervalMs = options.intervalMs;
    this.#batch = options.batch ?? DEFAULT_REFRESH_BATCH;
    this.#now = options.now ?? Date.now;
  }

  /** Schedules rounds every interval (none when the interval is 0). */
  start(): void {
    if (this.#intervalMs <= 0 || this.#timer !== null) return;
    this.#stopped = false;
    this.#schedule();
  }

  /** Stops scheduling and waits for a running round, which ends after its current lookup. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#round;
  }

  /** One round now; joins the running one instead of starting a second. */
  refreshOnce(): Promise<RefreshRound> {
    this.#round ??= this.#run().finally(() => {
      this.#round = null;
    });
    return this.#round;
  }

  #schedule(): void {
    this.#timer = setTimeout(() => {
      void this.refreshOnce().finally(() => {
        if (!this.#stopped) this.#schedule();
      });
    }, this.#intervalMs);
    // The refresh alone never keeps the process alive.
    this.#timer.unref();
  }

  async #run(): Promise<RefreshRound> {
    const started = this.#now();
    let asked = 0;
    let ready = 0;
    let unreachable = false;
    try {
      for (const dossier of this.#deps.store.awaitingResult(this.#batch)) {
        if (this.#stopped) break;
        const answer = await this.#deps.ask(dossier.code);
        asked += 1;
        if (answer.kind === 'unreachable') {
          unreachable = true;
          break;
        }
        if (answer.kind === 'absent') continue;
        const at = this.#now();
        this.#deps.store.recordPortalStatus(dossier.id, answer.status, at);
        if (isResultReady(answer) && this.#deps.store.markResultReady(dossier.id, at)) ready += 1;
      }
    } catch (error) {
      // A store error (disk full, closed at shutdown) ends this round only.
      this.#deps.log.warn({ err: error }, 'readiness refresh failed');
    }
    const round = { asked, ready, unreachable, ms: this.#now() - started };
    this.#deps.log.info({ ...round }, 'readiness refresh');
    return round;
  }
}
