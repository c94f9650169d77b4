/**
 * The background sync loop: drains the outbox into the portal, rows of one
 * dossier strictly in order (the outbox offers only each dossier's head row)
 * and dossiers in parallel up to `concurrency`. Online detection: after
 * `offlineAfter` calls in a row got no answer at all and nothing answered for
 * `offlineWindowMs`, the engine stops sending and pings the portal until it
 * answers. A flaky portal that still answers most calls stays "online". A row leaves the outbox only on the
 * portal's acknowledgement (see entry-runner.ts for why retries are harmless).
 */
import { fromPortalDateTime } from '../portal-contract/portal-time';
import { PortalError } from '../portal/portal-error';
import type { Portal } from '../portal/portal';
import { defaultBackoff, nextAttemptAt, type BackoffPolicy } from './backoff';
import { EntryRunner, type EntryRunnerOptions } from './entry-runner';
import { parkReason } from './park-reason';
import type { OutboxEntry, OutboxPort } from './outbox-port';
import { SyncEvents, type QueueDepth } from './sync-events';

export interface SyncStatus extends QueueDepth {
  readonly online: boolean;
  /** Epoch ms of the last row the portal acknowledged. */
  readonly lastSyncAt: number | null;
  /** Vietnamese text of the last failure; cleared by the next success. */
  readonly lastError: string | null;
  /** The portal refused the kiosk's credentials: IT staff must fix the settings. */
  readonly authRefused: boolean;
}

/** What TraCuuHoSo said about one dossier. */
export interface PortalStatusSeen {
  readonly status: string;
  /** NgayTra (epoch ms) when the portal holds one. */
  readonly returnedAt: number | null;
}

export interface SyncEngineOptions {
  readonly concurrency?: number;
  readonly backoff?: BackoffPolicy;
  /** How often the loop looks for rows that became due. */
  readonly pollMs?: number;
  /** First ping interval while offline; doubles up to 30 s. */
  readonly healthIntervalMs?: number;
  readonly offlineAfter?: number;
  /** Silence (no HTTP answer at all) needed before going offline. */
  readonly offlineWindowMs?: number;
  /** Stop the run when the portal refuses the credentials (the CLI), instead of retrying each minute. */
  readonly stopOnAuthFailure?: boolean;
  /** See EntryRunnerOptions.prepareUpload. */
  readonly prepareUpload?: EntryRunnerOptions['prepareUpload'];
  /** How long a create without a read answer may still be committed by the portal (see create-in-doubt.ts). */
  readonly createSettleMs?: number;
  readonly now?: () => number;
  readonly random?: () => number;
}

type Mode = 'background' | 'until-empty' | 'once';

/** Any row, however far in the future its next try is, that is not parked. */
const FOREVER = Number.MAX_SAFE_INTEGER;

export class SyncEngine {
  readonly events = new SyncEvents();
  readonly #outbox: OutboxPort;
  readonly #portal: Portal;
  readonly #runner: EntryRunner;
  readonly #concurrency: number;
  readonly #backoff: BackoffPolicy;
  readonly #pollMs: number;
  readonly #healthMs: number;
  readonly #offlineAfter: number;
  readonly #offlineWindowMs: number;
  readonly #stopOnAuthFailure: boolean;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #inFlight = new Map<string, Promise<void>>();
  #online = true;
  #silentFailures = 0;
  #lastAnswerAt = 0;
  #lastSyncAt: number | null = null;
  #lastError: string | null = null;
  #authRefused = false;
  #running: Promise<void> | null = null;
  #stopping = false;
  #wake: (() => void) | null = null;

  constructor(outbox: OutboxPort, portal: Portal, options: SyncEngineOptions = {}) {
    this.#outbox = outbox;
    this.#portal = portal;
    this.#concurrency = options.concurrency ?? 4;
    this.#backoff = options.backoff ?? defaultBackoff;
    this.#pollMs = options.pollMs ?? 250;
    this.#healthMs = options.healthIntervalMs ?? 1_000;
    this.#offlineAfter = options.offlineAfter ?? 3;
    this.#offlineWindowMs = options.offlineWindowMs ?? 5_000;
    this.#stopOnAuthFailure = options.stopOnAuthFailure ?? false;
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#runner = new EntryRunner(outbox, portal, {
      now: this.#now,
      ...(options.createSettleMs === undefined ? {} : { createSettleMs: options.createSettleMs }),
      ...(options.prepareUpload === undefined ? {} : { prepareUpload: options.prepareUpload }),
    });
  }

  status(): SyncStatus {
    return {
      online: this.#online,
      ...this.#outbox.depth(),
      lastSyncAt: this.#lastSyncAt,
      lastError: this.#lastError,
      authRefused: this.#authRefused,
    };
  }

  /** Starts the background loop (idempotent). */
  start(): void {
    this.#running ??= this.#loop('background');
  }

  /**
   * Status lookup: asks the portal (TraCuuHoSo) where a synced dossier stands
   * now and records the status. Null when the portal holds no such dossier;
   * throws a PortalError when the portal cannot be asked. NgayTra comes back
   * too, so a result handed over elsewhere (another counter, by post) still
   * shows its day.
   */
  async pullStatus(dossierId: string, maHoSo: string): Promise<PortalStatusSeen | null> {
    const [held] = await this.#portal.lookup(maHoSo);
    const status = held?.TrangThaiHoSo;
    if (typeof status !== 'string') return null;
    this.#outbox.recordPortalStatus(dossierId, status, this.#now());
    const raw = held?.NgayTra;
    const ngayTra = typeof raw === 'string' ? fromPortalDateTime(raw) : Number.NaN;
    return { status, returnedAt: Number.isNaN(ngayTra) ? null : ngayTra };
  }

  /** Stops taking rows and resolves once the rows in flight have finished. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    await this.#running;
    this.#stopping = false;
  }

  /** Runs until nothing but parked rows is left (or `signal` aborts); then stops. */
  async runUntilEmpty(signal?: AbortSignal): Promise<SyncStatus> {
    return this.#runExclusive('until-empty', signal);
  }

  /** Tries every row due now once. With the background loop running, only wakes it up. */
  async syncNow(): Promise<SyncStatus> {
    if (this.#running !== null) {
      this.#wake?.();
      return this.status();
    }
    return this.#runExclusive('once');
  }

  async #runExclusive(mode: Mode, signal?: AbortSignal): Promise<SyncStatus> {
    // Takes over from the background loop; with none running, stop() only returns.
    await this.stop();
    const onAbort = (): void => {
      this.#stopping = true;
      this.#wake?.();
    };
    signal?.addEventListener('abort', onAbort);
    this.#running = this.#loop(mode);
    try {
      await this.#running;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.#stopping = false;
    }
    return this.status();
  }

  async #loop(mode: Mode): Promise<void> {
    const tried = new Set<string>();
    let healthDelay = this.#healthMs;
    try {
      while (!this.#stopping) {
        if (!this.#online) {
          if (await this.#portal.ping()) {
            this.#answered();
            this.#setOnline(true);
            healthDelay = this.#healthMs;
          } else {
            if (mode === 'once') break;
            await this.#sleep(healthDelay);
            healthDelay = Math.min(healthDelay * 2, 30_000);
          }
          continue;
        }
        try {
          this.#fill(mode, tried);
          // A row #fill started stays in #inFlight until it has finished, after this check.
          if (this.#inFlight.size === 0) {
            if (mode === 'once') break;
            if (mode === 'until-empty' && this.#outbox.due(FOREVER, 1).length === 0) break;
          }
        } catch (error) {
          // The store failed (disk, lock): keep the loop alive and try again later.
          this.#lastError = `Lỗi cục bộ khi đọc hàng đợi: ${error instanceof Error ? error.message : String(error)}`;
          if (mode === 'once') break;
          await this.#sleep(this.#healthMs);
          continue;
        }
        await this.#sleep(this.#pollMs);
      }
    } finally {
      await Promise.allSettled(this.#inFlight.values());
      this.#running = null;
      this.events.emit('depth', this.#outbox.depth());
    }
  }

  /** Starts due rows of dossiers not already in flight, up to the concurrency bound. */
  #fill(mode: Mode, tried: Set<string>): void {
    const free = this.#concurrency - this.#inFlight.size;
    let started = 0;
    for (const entry of this.#outbox.due(this.#now(), this.#concurrency + this.#inFlight.size)) {
      if (started >= free || !this.#online) break;
      if (this.#inFlight.has(entry.dossierId) || (mode === 'once' && tried.has(entry.id))) continue;
      tried.add(entry.id);
      const task = this.#process(entry)
        .catch((error: unknown) => {
          // Recording the outcome failed (the store); the row stays due and is tried again.
          this.#lastError = `Lỗi cục bộ khi ghi hàng đợi: ${error instanceof Error ? error.message : String(error)}`;
        })
        .finally(() => {
          this.#inFlight.delete(entry.dossierId);
          this.#wake?.();
        });
      this.#inFlight.set(entry.dossierId, task);
      started++;
    }
  }

  async #process(entry: OutboxEntry): Promise<void> {
    try {
      const outcome = await this.#runner.run(entry);
      this.#answered();
      this.#lastSyncAt = this.#now();
      this.#lastError = null;
      this.#authRefused = false;
      if (outcome.portalStatus !== null && entry.op === 'sync-dossier') {
        this.#outbox.recordPortalStatus(entry.dossierId, outcome.portalStatus, this.#lastSyncAt);
      }
      this.#report(entry, 'done', null);
    } catch (error) {
      this.#fail(entry, error);
    }
  }

  #fail(entry: OutboxEntry, error: unknown): void {
    const refusal = parkReason(error);
    if (refusal !== null) {
      if (error instanceof PortalError) this.#answered();
      this.#outbox.park(entry.id, refusal);
      this.#lastError = refusal;
      this.#report(entry, 'parked', refusal);
      return;
    }
    let message: string;
    let retryAfterMs: number | null = null;
    if (error instanceof PortalError) {
      message = error.vi;
      retryAfterMs = error.retryAfterMs;
      if (error.kind === 'auth') {
        retryAfterMs = Math.max(retryAfterMs ?? 0, 60_000);
        this.#authRefused = true;
        if (this.#stopOnAuthFailure) {
          this.#stopping = true;
          this.#wake?.();
        }
      }
      if (error.answered) this.#answered();
      else if (
        ++this.#silentFailures >= this.#offlineAfter &&
        this.#now() - this.#lastAnswerAt >= this.#offlineWindowMs
      ) {
        this.#setOnline(false);
      }
    } else {
      message = `Lỗi cục bộ khi đồng bộ: ${error instanceof Error ? error.message : String(error)}`;
    }
    this.#lastError = message;
    const at = nextAttemptAt(
      this.#now(),
      entry.attempts,
      retryAfterMs,
      this.#backoff,
      this.#random,
    );
    this.#outbox.retryLater(entry.id, message, at);
    this.#report(entry, 'retry', message);
  }

  #report(entry: OutboxEntry, outcome: 'done' | 'retry' | 'parked', message: string | null): void {
    const depth = this.#outbox.depth();
    this.events.emit('progress', {
      dossierId: entry.dossierId,
      entryId: entry.id,
      label: entry.payload.maHoSo ?? entry.payload.fileName ?? entry.dossierId,
      op: entry.op,
      outcome,
      message,
      ...depth,
    });
    this.events.emit('depth', depth);
  }

  #answered(): void {
    this.#silentFailures = 0;
    this.#lastAnswerAt = this.#now();
  }

  #setOnline(online: boolean): void {
    if (this.#online === online) return;
    this.#online = online;
    this.#silentFailures = 0;
    this.events.emit('online', { online });
  }

  /** Sleeps until `ms` pass, a row finishes, or stop()/syncNow() wakes the loop. */
  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = () => {
        this.#wake = null;
        done();
      };
    });
  }
}
