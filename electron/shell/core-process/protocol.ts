import { z } from 'zod';
import { ApiErrorSchema } from '../../api/errors';
import { maxImportBytes } from '../../services/components/component-file-check';

/**
 * The messages between a shell (the process that owns the window or the
 * HTTP server) and the core process it starts. The same messages travel over
 * Node's fork IPC (browser shell, `serialization: 'advanced'`) and Electron's
 * utilityProcess port: both carry structured clones, so uploaded bytes pass
 * as Uint8Array without base64. Each side parses what it receives; a message
 * that does not parse is logged and dropped, never acted on.
 */

const ApiResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorSchema }),
]);

/** The dispatcher's CallContext, as it crosses the process boundary. */
export const CallContextSchema = z
  .object({
    transport: z.enum(['ipc', 'ws', 'local']),
    origin: z.string().max(300).optional(),
    connection: z.string().max(200).optional(),
  })
  .strict();

/** Bytes as structured clone delivers them (a Buffer arrives as a plain Uint8Array). */
const BytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes');

/** Event-loop delay percentiles in ms, as perf_hooks.monitorEventLoopDelay gives them. */
export const LoopDelaysSchema = z
  .object({
    p50: z.number().nonnegative(),
    p99: z.number().nonnegative(),
    max: z.number().nonnegative(),
    samples: z.number().int().nonnegative(),
  })
  .strict();
export type LoopDelays = z.infer<typeof LoopDelaysSchema>;

const ShellSchema = z.enum(['electron', 'browser']);

/** Shell → core. */
export const ToCoreSchema = z.discriminatedUnion('type', [
  /**
   * The first message: which data folder, which shell, and (Electron) the
   * data-encryption key main unsealed with safeStorage, which the core
   * process cannot reach itself.
   */
  z
    .object({
      type: z.literal('init'),
      dataDir: z.string().min(1).max(4096),
      shell: ShellSchema,
      masterKey: BytesSchema.refine((key) => key.length === 32, 'a 32-byte key').optional(),
      keyDescription: z.string().max(4096).optional(),
      /** Whether `session.end` should ask the shell to clear the page's storage. */
      wipesRenderer: z.boolean(),
    })
    .strict(),
  z
    .object({
      type: z.literal('call'),
      id: z.number().int().nonnegative(),
      method: z.string().max(100),
      params: z.unknown(),
      context: CallContextSchema,
    })
    .strict(),
  /** A file the shell received over HTTP, for `component.importUpload`. */
  z
    .object({
      type: z.literal('upload'),
      id: z.number().int().nonnegative(),
      bytes: BytesSchema.refine(
        (bytes) => bytes.length > 0 && bytes.length <= maxImportBytes,
        'size',
      ),
      mime: z.string().max(100),
    })
    .strict(),
  z.object({ type: z.literal('endConnection'), connection: z.string().max(200) }).strict(),
  /** The answer to the core's `wipeRenderer` request. */
  z.object({ type: z.literal('wiped'), id: z.number().int().nonnegative() }).strict(),
  /** Close the store and exit. */
  z.object({ type: z.literal('shutdown') }).strict(),
  /** The heartbeat: the core answers `pong` from its event loop, so a hung loop misses it. */
  z.object({ type: z.literal('ping'), id: z.number().int().nonnegative() }).strict(),
  /**
   * Start (`start`) or read and stop (`stop`) sampling the core's own
   * event-loop delay (the stalls bench prints it beside the shell's).
   */
  z
    .object({
      type: z.literal('loopDelay'),
      id: z.number().int().nonnegative(),
      action: z.enum(['start', 'stop']),
    })
    .strict(),
]);
export type ToCore = z.infer<typeof ToCoreSchema>;

/** Core → shell. */
export const FromCoreSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), ms: z.number() }).strict(),
  /** Composing failed (broken config, wrong key…): the shell must not restart it blindly. */
  z.object({ type: z.literal('failed'), error: ApiErrorSchema }).strict(),
  z
    .object({
      type: z.literal('result'),
      id: z.number().int().nonnegative(),
      result: ApiResultSchema,
    })
    .strict(),
  z
    .object({
      type: z.literal('uploaded'),
      id: z.number().int().nonnegative(),
      result: ApiResultSchema,
    })
    .strict(),
  z.object({ type: z.literal('event'), name: z.string().max(100), payload: z.unknown() }).strict(),
  /** `session.end`: the core asks the shell to clear the page's storage (Electron). */
  z.object({ type: z.literal('wipeRenderer'), id: z.number().int().nonnegative() }).strict(),
  z.object({ type: z.literal('pong'), id: z.number().int().nonnegative() }).strict(),
  /** The core's event-loop delay over the sampled window, in ms (zeros after `start`). */
  z
    .object({
      type: z.literal('loopDelay'),
      id: z.number().int().nonnegative(),
      delays: LoopDelaysSchema,
    })
    .strict(),
]);
export type FromCore = z.infer<typeof FromCoreSchema>;
