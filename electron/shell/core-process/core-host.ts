import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { CallContext } from '../../api/dispatcher';
import { KioskError, type ApiError, type ApiResult } from '../../api/errors';
import { EventHub } from '../../api/event-hub';
import { loadConfig } from '../../services/config/config-file';
import { createLogger, type Logger } from '../../services/log/logger';
import { UploadStore } from '../../services/uploads/upload-store';
import type { KeyProvider } from '../../services/store/crypto/key-provider';
import type { Core } from '../composition-root';
import {
  FromCoreSchema,
  ToCoreSchema,
  type FromCore,
  type LoopDelays,
  type ToCore,
} from './protocol';

/** One end of the shell ↔ core channel, as the core process sees it. */
export interface CoreChannel {
  send(message: FromCore): void;
  onMessage(listener: (message: unknown) => void): void;
  /** The shell went away (its end of the channel closed). */
  onClose(listener: () => void): void;
}

type InitMessage = Extract<ToCore, { type: 'init' }>;

function contextOf(call: Extract<ToCore, { type: 'call' }>): CallContext {
  const { transport, origin, connection } = call.context;
  return {
    transport,
    ...(origin === undefined ? {} : { origin }),
    ...(connection === undefined ? {} : { connection }),
  };
}

function errorOf(error: unknown): ApiError {
  return error instanceof KioskError
    ? error.toApiError()
    : { code: 'INTERNAL', message: `The core did not start: ${String(error).slice(0, 500)}` };
}

const LOOP_RESOLUTION_MS = 10;

/**
 * Samples this process's event-loop delay between `start` and `stop`, as
 * the stalls bench samples the shell's: each figure less the sampling
 * resolution (fastify's under-pressure reports it so).
 */
function loopDelaySampler(): { start(): LoopDelays; stop(): LoopDelays } {
  let histogram: IntervalHistogram | undefined;
  const zero: LoopDelays = { p50: 0, p99: 0, max: 0, samples: 0 };
  const delay = (ns: number) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
  return {
    start: () => {
      histogram?.disable();
      histogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
      histogram.enable();
      return zero;
    },
    stop: () => {
      const sampled = histogram;
      histogram = undefined;
      if (!sampled) return zero;
      sampled.disable();
      return {
        p50: delay(sampled.percentile(50)),
        p99: delay(sampled.percentile(99)),
        max: delay(sampled.max),
        samples: sampled.count,
      };
    },
  };
}

/**
 * The core process's side: waits for `init`, composes the core exactly as
 * the in-process shells do, then answers calls and uploads and forwards the
 * core's events. Calls that arrive while it composes wait for it. When the
 * shell goes away the core closes its store and the process ends, so a
 * killed shell never leaves a core holding the database.
 */
export function hostCore(channel: CoreChannel, exit: (code: number) => void): void {
  let core: Promise<Core> | undefined;
  let logger: Logger | undefined;
  let nextWipe = 0;
  const wipes = new Map<number, () => void>();

  const loop = loopDelaySampler();

  const send = (message: FromCore) => {
    // Checked on the way out too: a message the shell would drop is a bug here.
    const checked = FromCoreSchema.safeParse(message);
    if (checked.success) channel.send(message);
    else logger?.error({ type: message.type }, 'core message outside the protocol; not sent');
  };

  const start = (init: InitMessage): Promise<Core> =>
    (async () => {
      const started = performance.now();
      const { config } = loadConfig(init.dataDir);
      logger = createLogger(init.dataDir, config.logs, 'core');
      const events = new EventHub();
      events.subscribe((name, payload) => {
        send({ type: 'event', name, payload });
      });
      const masterKey = init.masterKey;
      const keyProvider: KeyProvider | undefined =
        masterKey === undefined
          ? undefined
          : {
              kind: 'safeStorage',
              description: init.keyDescription ?? 'safeStorage (handed over by the shell)',
              masterKey: () => Buffer.from(masterKey),
            };
      const { createCore } = await import('../composition-root');
      const composed = createCore({
        dataDir: init.dataDir,
        shell: init.shell,
        config,
        logger,
        events,
        uploads: new UploadStore(),
        ...(keyProvider ? { keyProvider } : {}),
        ...(init.wipesRenderer
          ? {
              wipeRenderer: () =>
                new Promise<void>((resolve) => {
                  const id = nextWipe++;
                  wipes.set(id, resolve);
                  send({ type: 'wipeRenderer', id });
                }),
            }
          : {}),
      });
      send({ type: 'ready', ms: Math.round(performance.now() - started) });
      return composed;
    })();

  const answer = async (message: ToCore): Promise<void> => {
    switch (message.type) {
      case 'init': {
        if (core) return;
        core = start(message);
        core.catch((error: unknown) => {
          logger?.error({ err: error }, 'core did not start');
          send({ type: 'failed', error: errorOf(error) });
        });
        return;
      }
      case 'call': {
        const result: ApiResult<unknown> = core
          ? await core.then(
              (ready) => ready.dispatch(message.method, message.params, contextOf(message)),
              (): ApiResult<never> => ({
                ok: false,
                error: {
                  code: 'NOT_AVAILABLE',
                  message: 'The kiosk core did not start; see the log',
                },
              }),
            )
          : { ok: false, error: { code: 'NOT_AVAILABLE', message: 'The core was not started' } };
        send({ type: 'result', id: message.id, result });
        return;
      }
      case 'upload': {
        const ready = await core?.catch(() => undefined);
        send({
          type: 'uploaded',
          id: message.id,
          result: ready
            ? {
                ok: true,
                value: { uploadId: ready.uploads.put(Buffer.from(message.bytes), message.mime) },
              }
            : { ok: false, error: { code: 'NOT_AVAILABLE', message: 'The core is not running' } },
        });
        return;
      }
      case 'endConnection': {
        (await core?.catch(() => undefined))?.endConnection(message.connection);
        return;
      }
      case 'wiped': {
        wipes.get(message.id)?.();
        wipes.delete(message.id);
        return;
      }
      case 'shutdown': {
        await stop();
        return;
      }
      case 'ping': {
        send({ type: 'pong', id: message.id });
        return;
      }
      case 'loopDelay': {
        send({ type: 'loopDelay', id: message.id, delays: loop[message.action]() });
        return;
      }
    }
  };

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await (await core?.catch(() => undefined))?.dispose();
      logger?.flush();
      exit(0);
    })());

  channel.onMessage((raw) => {
    const parsed = ToCoreSchema.safeParse(raw);
    if (!parsed.success) {
      logger?.warn({}, 'message from the shell outside the protocol; dropped');
      return;
    }
    answer(parsed.data).catch((error: unknown) => {
      logger?.error({ err: error, type: parsed.data.type }, 'core message handler failed');
      if (parsed.data.type === 'call')
        send({
          type: 'result',
          id: parsed.data.id,
          result: { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } },
        });
    });
  });
  channel.onClose(() => {
    void stop();
  });
}
