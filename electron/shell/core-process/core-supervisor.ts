import type { Dispatch, DispatchLog } from '../../api/dispatcher';
import { events as contractEvents, isEventName, type EventName } from '../../api/contract';
import type { ApiError, ApiResult } from '../../api/errors';
import type { EventHub } from '../../api/event-hub';
import {
  FromCoreSchema,
  ToCoreSchema,
  type FromCore,
  type LoopDelays,
  type ToCore,
} from './protocol';

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

/**
 * How the shell tells a hung core from a busy one. The core answers `ping`
 * from its event loop (core-host.ts) while OCR runs in its worker pool, so
 * only a loop held by one piece of code misses beats. The longest holds
 * measured on the core's loop are the page pipeline's, 0.1–0.6 s per step
 * on a 2-core kiosk (issue 14), and composing at start is not covered
 * (`startTimeoutMs` is). 10 s of silence is over 15 times the worst of those
 * and still short enough that a clerk waits less than for a paper jam: then
 * the core is killed and restarted as after a crash.
 */
export interface HeartbeatPolicy {
  /** How often the shell pings the ready core. */
  readonly intervalMs: number;
  /** Silence (no pong, no other message) after which the core counts as hung. */
  readonly hangAfterMs: number;
  /**
   * How long a starting core may take to say `ready` before it is killed and
   * started again (counts as a fast crash).
   */
  readonly startTimeoutMs: number;
}

export const defaultHeartbeat: HeartbeatPolicy = {
  intervalMs: 2_000,
  hangAfterMs: 10_000,
  startTimeoutMs: 90_000,
};

/**
 * Calls made while the core starts or restarts wait for it, within bounds:
 * a page polling status or a clerk pressing save again must not pile up
 * without end in the shell's memory, nor hang on a core that never comes.
 */
export interface WaitingPolicy {
  /** Calls (and uploads) that may wait at once; more are answered CORE_RESTARTING at once. */
  readonly max: number;
  /** How long one may wait before it is answered CORE_RESTARTING. */
  readonly waitMs: number;
}

/**
 * 64: a kiosk page keeps a handful of polls and one or two clerk actions
 * open, and a staff shell a few pages; 64 is well above that and small in
 * memory (each waiter holds its call's params, an upload up to 30 MB: the
 * uploads are few). 15 s: a restart (backoff 0.2–4 s, then composing,
 * 2–5 s measured here) fits in it; a page answered after it says "try again".
 */
export const defaultWaiting: WaitingPolicy = { max: 64, waitMs: 15_000 };

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
  readonly heartbeat?: HeartbeatPolicy;
  readonly waiting?: WaitingPolicy;
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

interface Waiter {
  /** Lets the call go on (undefined) or answers it with `result`. */
  readonly release: (result: ApiResult<never> | undefined) => void;
}

/** A SIGKILLed process that has not exited after this long is taken for dead anyway. */
const KILL_EXIT_GRACE_MS = 5_000;

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

const waitedTooLong: ApiResult<never> = {
  ok: false,
  error: {
    code: 'CORE_RESTARTING',
    message: 'The kiosk core is still starting; try again in a few seconds',
  },
};

const tooManyWaiting: ApiResult<never> = {
  ok: false,
  error: {
    code: 'CORE_RESTARTING',
    message:
      'The kiosk core is starting and too many calls are waiting for it; try again in a few seconds',
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
 * when it dies or stops answering its heartbeat (then it is SIGKILLed
 * first). Calls made while the core starts or restarts wait for it, at most
 * `waiting.max` of them and each at most `waiting.waitMs`, then are answered
 * CORE_RESTARTING; calls in flight when it dies are answered CORE_RESTARTING
 * at once rather than left hanging. After `maxFastCrashes` fast crashes in a row it gives up
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
  readonly #heartbeat: HeartbeatPolicy;
  readonly #waitingPolicy: WaitingPolicy;
  readonly #waiting = new Set<Waiter>();
  #beatTimer: NodeJS.Timeout | undefined;
  #startTimer: NodeJS.Timeout | undefined;
  #lastHeardAt = 0;
  #nextPing = 0;
  /** Why the shell killed the running core itself (hung), for the log at its exit. */
  #killedBecause: string | undefined;

  constructor(options: CoreSupervisorOptions) {
    this.#options = options;
    this.#policy = options.policy ?? defaultRestartPolicy;
    this.#heartbeat = options.heartbeat ?? defaultHeartbeat;
    this.#waitingPolicy = options.waiting ?? defaultWaiting;
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

  /** Calls waiting for the core to start or restart. */
  get waiting(): number {
    return this.#waiting.size;
  }

  readonly dispatch: Dispatch = async (method, params, context) => {
    const refused = await this.#waitForCore();
    if (refused) return refused;
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
    const refused = await this.#waitForCore();
    if (refused) return refused;
    const result = await this.#request((id) => ({ type: 'upload', id, bytes, mime }));
    if (!result.ok) return result;
    const value = result.value as { uploadId?: unknown };
    return typeof value.uploadId === 'string'
      ? { ok: true, value: { uploadId: value.uploadId } }
      : { ok: false, error: { code: 'INVALID_RESULT', message: 'upload answered no id' } };
  }

  /**
   * Starts (`start`) or reads and stops (`stop`) sampling the core process's
   * own event-loop delay; undefined when the core is not running.
   */
  async coreLoopDelay(action: 'start' | 'stop'): Promise<LoopDelays | undefined> {
    const result = await this.#request((id) => ({ type: 'loopDelay', id, action }));
    return result.ok ? (result.value as LoopDelays) : undefined;
  }

  endConnection(connection: string): void {
    if (this.#state === 'ready') this.#send({ type: 'endConnection', connection });
  }

  /** Asks the core to close its store and exit; kills it after `graceMs`. */
  async close(graceMs = 10_000): Promise<void> {
    if (this.#restartTimer) clearTimeout(this.#restartTimer);
    this.#stopTimers();
    const running = this.#process;
    this.#state = 'closed';
    const stopping: ApiResult<never> = {
      ok: false,
      error: { code: 'NOT_AVAILABLE', message: 'The kiosk is stopping' },
    };
    this.#failAll(stopping);
    this.#releaseWaiting(stopping);
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

  /**
   * While the core starts or restarts: waits for it within the waiting
   * policy; answers the refusal, or undefined when the call may go on.
   */
  #waitForCore(): Promise<ApiResult<never> | undefined> {
    if (this.#state !== 'starting' && this.#state !== 'restarting') {
      return Promise.resolve(undefined);
    }
    if (this.#waiting.size >= this.#waitingPolicy.max) {
      this.#options.log.warn(
        { waiting: this.#waiting.size, state: this.#state },
        'too many calls waiting for the core; refused',
      );
      return Promise.resolve(tooManyWaiting);
    }
    return new Promise((resolve) => {
      const waiter: Waiter = {
        release: (result) => {
          clearTimeout(timer);
          this.#waiting.delete(waiter);
          resolve(result);
        },
      };
      const timer = setTimeout(() => {
        waiter.release(waitedTooLong);
      }, this.#waitingPolicy.waitMs);
      this.#waiting.add(waiter);
    });
  }

  #releaseWaiting(result: ApiResult<never> | undefined): void {
    for (const waiter of [...this.#waiting]) waiter.release(result);
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
    this.#startTimer = setTimeout(() => {
      this.#startTimer = undefined;
      if (this.#process === launched && this.#state !== 'ready') {
        this.#killHung(launched, `not ready within ${String(this.#heartbeat.startTimeoutMs)} ms`);
      }
    }, this.#heartbeat.startTimeoutMs);
  }

  /** Pings the ready core; kills it when it has been silent past the bound. */
  #beat(): void {
    const running = this.#process;
    if (this.#state !== 'ready' || !running) return;
    const silentMs = Date.now() - this.#lastHeardAt;
    if (silentMs > this.#heartbeat.hangAfterMs) {
      this.#killHung(running, `no answer to the heartbeat for ${String(silentMs)} ms`);
      return;
    }
    this.#send({ type: 'ping', id: this.#nextPing++ });
  }

  /**
   * SIGKILLs the core's own process (never anything else); its exit then
   * restarts it as after a crash. A process that does not exit even then is
   * taken for dead after a grace period, and its late messages are ignored.
   */
  #killHung(hung: CoreProcess, why: string): void {
    this.#stopTimers();
    this.#killedBecause = why;
    this.#options.log.error({ pid: hung.pid, why }, 'core hung; killing it to restart it');
    hung.kill();
    setTimeout(() => {
      if (this.#process === hung) this.#died(`hung (${why}); did not exit after SIGKILL`);
    }, KILL_EXIT_GRACE_MS).unref();
  }

  #stopTimers(): void {
    if (this.#beatTimer) clearInterval(this.#beatTimer);
    if (this.#startTimer) clearTimeout(this.#startTimer);
    this.#beatTimer = undefined;
    this.#startTimer = undefined;
  }

  #receive(raw: unknown): void {
    // Any message shows that the core's event loop turns.
    this.#lastHeardAt = Date.now();
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
        this.#stopTimers();
        this.#beatTimer = setInterval(() => {
          this.#beat();
        }, this.#heartbeat.intervalMs);
        this.#beatTimer.unref();
        this.#firstReady?.resolve();
        this.#firstReady = undefined;
        if (restarted) this.#options.events.emit('core.state', { state: 'ready' });
        this.#releaseWaiting(undefined);
        return;
      }
      case 'failed': {
        this.#options.log.error({ error: message.error }, 'core could not start');
        this.#giveUp({ reason: 'START_FAILED', error: message.error });
        return;
      }
      case 'pong':
        return;
      case 'loopDelay':
        this.#settle(message.id, { ok: true, value: message.delays });
        return;
      case 'result':
      case 'uploaded': {
        this.#settle(message.id, message.result);
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

  #settle(id: number, result: ApiResult<unknown>): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    clearTimeout(pending.timer);
    pending.resolve(result);
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

  #died(exit: string): void {
    this.#process = undefined;
    this.#stopTimers();
    const how = this.#killedBecause ? `hung (${this.#killedBecause}); ${exit}` : exit;
    this.#killedBecause = undefined;
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
    this.#stopTimers();
    this.#failAll({ ok: false, error: failure.error });
    this.#releaseWaiting({ ok: false, error: failure.error });
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
