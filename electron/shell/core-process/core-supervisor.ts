import type { Dispatch, DispatchLog } from '../../api/dispatcher';
import { events as contractEvents, isEventName, type EventName } from '../../api/contract';
import type { ApiError, ApiResult } from '../../api/errors';
import type { EventHub } from '../../api/event-hub';
import { FromCoreSchema, ToCoreSchema, type FromCore, type ToCore } from './protocol';

/** A running core process, as the shell holds it. */
export interface CoreProcess {
  readonly pid: number | undefined;
  send(message: ToCore): void;
  /** Ends it at once (SIGKILL): used only when it does not stop when asked. */
  kill(): void;
}

/** What a launcher reports back about the process it started. */
export interface CoreProcessListener {
  message(raw: unknown): void;
  exit(how: string): void;
}

/** Starts one core process (child_process.fork, or Electron's utilityProcess.fork). */
export type LaunchCore = (listener: CoreProcessListener) => CoreProcess;

export interface RestartPolicy {
  /** Waits before the 1st, 2nd… restart after crashes in a row; the last repeats. */
  readonly backoffMs: readonly number[];
  /** A crash this soon after the core was ready counts towards giving up. */
  readonly fastCrashMs: number;
  /** Crashes in a row, each fast, after which the shell stops restarting. */
  readonly maxFastCrashes: number;
}

export const defaultRestartPolicy: RestartPolicy = {
  backoffMs: [200, 500, 1000, 2000, 4000],
  fastCrashMs: 30_000,
  maxFastCrashes: 5,
};

export interface CoreSupervisorOptions {
  readonly launch: LaunchCore;
  readonly init: Extract<ToCore, { type: 'init' }>;
  /** The shell's hub: the core's events are re-emitted here for the pages. */
  readonly events: EventHub;
  readonly log: DispatchLog & { info(fields: Record<string, unknown>, message: string): void };
  readonly policy?: RestartPolicy;
  /** `session.end` in the core asked to clear the page's storage (Electron). */
  readonly wipeRenderer?: () => Promise<void>;
  /**
   * How long a call or upload may wait for the core's answer before it is
   * answered CORE_TIMEOUT (default {@link defaultCallTimeoutMs}).
   */
  readonly callTimeoutMs?: number;
}

/**
 * Generous on purpose: OCR of a long scan, a scan itself and a token
 * signature can each take a minute. It bounds a core that is alive but stuck
 * (a hung device call, a busy loop); a dead core is answered at once.
 */
export const defaultCallTimeoutMs = 120_000;

interface Pending {
  readonly resolve: (result: ApiResult<unknown>) => void;
  readonly timer: NodeJS.Timeout;
}

type State = 'starting' | 'ready' | 'restarting' | 'failed' | 'closed';

/** Why the shell stopped restarting the core, in the log and in `failure`. */
export interface CoreFailure {
  readonly reason: 'CRASH_LOOP' | 'START_FAILED';
  readonly error: ApiError;
}

const restarting: ApiResult<never> = {
  ok: false,
  error: {
    code: 'CORE_RESTARTING',
    message: 'The kiosk core is restarting; try again in a few seconds',
  },
};

function timedOut(ms: number): ApiResult<never> {
  return {
    ok: false,
    error: {
      code: 'CORE_TIMEOUT',
      message: `The kiosk core did not answer within ${String(Math.round(ms / 1000))} s; it may still finish`,
    },
  };
}

/**
 * The shell's side of the split: starts the core's process, relays calls,
 * uploads and connection ends to it and its events back, and restarts it
 * when it dies. Calls made before the first start completes wait for it (the
 * page opens while the core composes); calls in flight when it dies, and
 * calls made while it restarts, are answered CORE_RESTARTING at once rather
 * than left hanging. After `maxFastCrashes` fast crashes in a row it gives up
 * and answers NOT_AVAILABLE, with the reason logged. A call the living core
 * does not answer within `callTimeoutMs` is answered CORE_TIMEOUT; its late
 * answer, if any, is dropped.
 */
export class CoreSupervisor {
  readonly #options: CoreSupervisorOptions;
  readonly #policy: RestartPolicy;
  #state: State = 'starting';
  #process: CoreProcess | undefined;
  #nextId = 0;
  readonly #pending = new Map<number, Pending>();
  #readyAt = 0;
  #crashesInARow = 0;
  #restartTimer: NodeJS.Timeout | undefined;
  #exited: (() => void) | undefined;
  #failure: CoreFailure | undefined;
  /** Resolves when the core first answers; rejects when it could not start. */
  readonly ready: Promise<void>;
  #firstReady: { resolve: () => void; reject: (error: CoreFailure) => void } | undefined;

  constructor(options: CoreSupervisorOptions) {
    this.#options = options;
    this.#policy = options.policy ?? defaultRestartPolicy;
    this.ready = new Promise<void>((resolve, reject) => {
      this.#firstReady = { resolve, reject };
    });
    // Observed so an unawaited failed start is not an unhandled rejection.
    this.ready.catch(() => undefined);
    this.#start();
  }

  get state(): State {
    return this.#state;
  }

  get pid(): number | undefined {
    return this.#process?.pid;
  }

  get failure(): CoreFailure | undefined {
    return this.#failure;
  }

  readonly dispatch: Dispatch = async (method, params, context) => {
    if (this.#state === 'starting' && this.#firstReady) {
      await this.ready.catch(() => undefined);
    }
    return this.#request((id) => ({
      type: 'call',
      id,
      method: typeof method === 'string' ? method.slice(0, 100) : String(method).slice(0, 100),
      params,
      context: {
        transport: context.transport,
        ...(context.origin === undefined ? {} : { origin: context.origin.slice(0, 300) }),
        ...(context.connection === undefined
          ? {}
          : { connection: context.connection.slice(0, 200) }),
      },
    }));
  };

  /** Hands an uploaded file to the core's UploadStore; answers its upload id. */
  async upload(bytes: Buffer, mime: string): Promise<ApiResult<{ uploadId: string }>> {
    if (this.#state === 'starting' && this.#firstReady) await this.ready.catch(() => undefined);
    const result = await this.#request((id) => ({ type: 'upload', id, bytes, mime }));
    if (!result.ok) return result;
    const value = result.value as { uploadId?: unknown };
    return typeof value.uploadId === 'string'
      ? { ok: true, value: { uploadId: value.uploadId } }
      : { ok: false, error: { code: 'INVALID_RESULT', message: 'upload answered no id' } };
  }

  endConnection(connection: string): void {
    if (this.#state === 'ready') this.#send({ type: 'endConnection', connection });
  }

  /** Asks the core to close its store and exit; kills it after `graceMs`. */
  async close(graceMs = 10_000): Promise<void> {
    if (this.#restartTimer) clearTimeout(this.#restartTimer);
    const running = this.#process;
    this.#state = 'closed';
    this.#failAll({
      ok: false,
      error: { code: 'NOT_AVAILABLE', message: 'The kiosk is stopping' },
    });
    if (!running) return;
    const exited = new Promise<void>((resolve) => {
      this.#exited = resolve;
    });
    this.#send({ type: 'shutdown' });
    const timer = setTimeout(() => {
      this.#options.log.warn({ pid: running.pid }, 'core did not stop in time; killed');
      running.kill();
    }, graceMs);
    await exited;
    clearTimeout(timer);
  }

  #request(message: (id: number) => ToCore): Promise<ApiResult<unknown>> {
    if (this.#state === 'restarting') return Promise.resolve(restarting);
    if (this.#state !== 'ready' || !this.#process) return Promise.resolve(this.#unavailable());
    const id = this.#nextId++;
    const outgoing = message(id);
    const checked = ToCoreSchema.safeParse(outgoing);
    if (!checked.success) {
      return Promise.resolve({
        ok: false,
        error: { code: 'INVALID_PAYLOAD', message: 'The call cannot be sent to the core' },
      });
    }
    return new Promise((resolve) => {
      const timeoutMs = this.#options.callTimeoutMs ?? defaultCallTimeoutMs;
      const timer = setTimeout(() => {
        if (!this.#pending.delete(id)) return;
        this.#options.log.warn(
          {
            pid: this.#process?.pid,
            type: outgoing.type,
            ...(outgoing.type === 'call' ? { method: outgoing.method } : {}),
            ms: timeoutMs,
          },
          'core did not answer in time',
        );
        resolve(timedOut(timeoutMs));
      }, timeoutMs);
      this.#pending.set(id, { resolve, timer });
      this.#send(outgoing);
    });
  }

  #unavailable(): ApiResult<never> {
    return {
      ok: false,
      error: this.#failure?.error ?? {
        code: 'NOT_AVAILABLE',
        message: 'The kiosk core is not running; see the log',
      },
    };
  }

  #send(message: ToCore): void {
    try {
      this.#process?.send(message);
    } catch (error) {
      // The process is going away; its exit answers what is pending.
      this.#options.log.warn({ err: error, type: message.type }, 'message to the core not sent');
    }
  }

  #start(): void {
    const launched = this.#options.launch({
      message: (raw) => {
        if (this.#process === launched) this.#receive(raw);
      },
      exit: (how) => {
        if (this.#process === launched) this.#died(how);
      },
    });
    this.#process = launched;
    this.#send(this.#options.init);
  }

  #receive(raw: unknown): void {
    const parsed = FromCoreSchema.safeParse(raw);
    if (!parsed.success) {
      this.#options.log.warn({}, 'message from the core outside the protocol; dropped');
      return;
    }
    this.#handle(parsed.data);
  }

  #handle(message: FromCore): void {
    switch (message.type) {
      case 'ready': {
        // Stopped while it was composing (SIGTERM right after start): the core
        // exits once composed, and that exit must end close(), not restart it.
        if (this.#state === 'closed') {
          this.#firstReady?.resolve();
          this.#firstReady = undefined;
          return;
        }
        const restarted = this.#state === 'restarting';
        this.#state = 'ready';
        this.#readyAt = Date.now();
        this.#options.log.info({ pid: this.#process?.pid, ms: message.ms }, 'core ready');
        this.#firstReady?.resolve();
        this.#firstReady = undefined;
        if (restarted) this.#options.events.emit('core.state', { state: 'ready' });
        return;
      }
      case 'failed': {
        this.#options.log.error({ error: message.error }, 'core could not start');
        this.#giveUp({ reason: 'START_FAILED', error: message.error });
        return;
      }
      case 'result':
      case 'uploaded': {
        const pending = this.#pending.get(message.id);
        if (!pending) return;
        this.#pending.delete(message.id);
        clearTimeout(pending.timer);
        pending.resolve(message.result);
        return;
      }
      case 'event': {
        this.#relayEvent(message.name, message.payload);
        return;
      }
      case 'wipeRenderer': {
        const wiped = this.#options.wipeRenderer?.() ?? Promise.resolve();
        void wiped
          .catch((error: unknown) => {
            this.#options.log.error({ err: error }, 'clearing the page storage failed');
          })
          .then(() => {
            this.#send({ type: 'wiped', id: message.id });
          });
        return;
      }
    }
  }

  #relayEvent(name: string, payload: unknown): void {
    if (!isEventName(name)) return;
    const checked = contractEvents[name].safeParse(payload);
    if (!checked.success) {
      this.#options.log.warn({ event: name }, 'core event outside the contract; dropped');
      return;
    }
    (this.#options.events.emit as (event: EventName, data: unknown) => void).call(
      this.#options.events,
      name,
      checked.data,
    );
  }

  #died(how: string): void {
    this.#process = undefined;
    if (this.#state === 'closed') {
      this.#exited?.();
      return;
    }
    if (this.#state === 'failed') return;
    const wasStarting = this.#state === 'starting';
    const fast = wasStarting || Date.now() - this.#readyAt < this.#policy.fastCrashMs;
    this.#crashesInARow = fast ? this.#crashesInARow + 1 : 1;
    this.#options.log.error(
      { how, crashesInARow: this.#crashesInARow, pending: this.#pending.size },
      'core process died; restarting it',
    );
    if (this.#crashesInARow > this.#policy.maxFastCrashes) {
      this.#giveUp({
        reason: 'CRASH_LOOP',
        error: {
          code: 'NOT_AVAILABLE',
          message: `The kiosk core died ${String(this.#crashesInARow)} times in a row (last: ${how}); see the core log`,
        },
      });
      return;
    }
    // The first start keeps its waiting calls: they are answered once the
    // retry is ready. After that, what was in flight is answered now.
    if (!wasStarting) {
      this.#state = 'restarting';
      this.#failAll(restarting);
      this.#options.events.emit('core.state', { state: 'restarting' });
    }
    const backoff = this.#policy.backoffMs;
    const wait = backoff[Math.min(this.#crashesInARow - 1, backoff.length - 1)] ?? 1000;
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = undefined;
      if (this.#state === 'restarting' || this.#state === 'starting') this.#start();
    }, wait);
  }

  #giveUp(failure: CoreFailure): void {
    if (this.#state === 'closed') return;
    this.#failure = failure;
    const wasRunning = this.#state !== 'starting';
    this.#state = 'failed';
    this.#options.log.error({ reason: failure.reason, error: failure.error }, 'core given up');
    this.#failAll({ ok: false, error: failure.error });
    this.#firstReady?.reject(failure);
    this.#firstReady = undefined;
    if (wasRunning) this.#options.events.emit('core.state', { state: 'failed' });
    this.#process?.kill();
  }

  #failAll(result: ApiResult<never>): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const { resolve, timer } of pending) {
      clearTimeout(timer);
      resolve(result);
    }
  }
}
