import { z } from 'zod';
import { method } from './method';

export const LocaleSchema = z.enum(['vi', 'en']);
export const ModeSchema = z.enum(['staff', 'kiosk']);
export const ShellSchema = z.enum(['electron', 'browser']);

export const HealthStatusSchema = z.enum(['ok', 'warn', 'fail', 'unknown']);
/** One line of Diagnostics / `kiosk doctor`: a service, a device bridge or a system check. */
export const HealthCheckSchema = z.object({
  id: z.string(),
  kind: z.enum(['system', 'service', 'device']),
  status: HealthStatusSchema,
  /** What was seen, in English for logs (the UI translates by id and status). */
  detail: z.string(),
  /** What was seen, in Vietnamese for the Diagnostics screen (technical names kept where IT needs them). */
  detailVi: z.string().optional(),
  /** What to do about a failure, in Vietnamese and English. */
  fix: z.object({ vi: z.string(), en: z.string() }).optional(),
});
export type HealthCheck = z.infer<typeof HealthCheckSchema>;

export const HealthReportSchema = z.object({
  checkedAt: z.iso.datetime(),
  checks: z.array(HealthCheckSchema),
});
export type HealthReport = z.infer<typeof HealthReportSchema>;

const NoParams = z.object({}).strict();

export const systemMethods = {
  'system.info': method(
    NoParams,
    z.object({
      appVersion: z.string(),
      shell: ShellSchema,
      mode: ModeSchema,
      locale: LocaleSchema,
      trainingMode: z.boolean(),
      idleTimeoutSeconds: z.number().int().positive(),
      agencyName: z.string(),
      /** Where the kiosk sends a citizen when something is down (config helpCounter). */
      helpCounter: z.string(),
      /** A signing token is configured: the save asks the clerk for its PIN. */
      signingConfigured: z.boolean(),
    }),
  ),
  'system.health': method(NoParams, HealthReportSchema),
  /**
   * Only the printer and the portal, each check bounded to 2 s: what a citizen
   * must know before filling a form (receipt from the counter, dossier sent
   * later) and again on the receipt. Cheaper than system.health, which opens
   * every device.
   */
  'system.outages': method(NoParams, HealthReportSchema),
  /** The citizen's session is over (idle or done): wipe what the renderer held. */
  'session.end': method(
    z.object({ reason: z.enum(['idle', 'done', 'language']) }).strict(),
    z.object({ wiped: z.boolean() }),
  ),
  /** The renderer logs through the main process (it has no file access). */
  'log.write': method(
    z
      .object({
        level: z.enum(['info', 'warn', 'error']),
        message: z.string().max(2000),
        context: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
      })
      .strict(),
    z.object({}),
  ),
} as const;

/**
 * The core's process as the shell sees it: `restarting` after it died (the
 * shell starts it again; calls meanwhile answer CORE_RESTARTING), `ready`
 * once it answers again, `failed` when the shell gave up restarting it.
 */
export const CoreStateSchema = z
  .object({ state: z.enum(['restarting', 'ready', 'failed']) })
  .strict();

export const systemEvents = {
  'health.changed': HealthReportSchema,
  'core.state': CoreStateSchema,
} as const;
