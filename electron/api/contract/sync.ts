import { z } from 'zod';
import { method } from './method';
import { OutboxOpSchema } from './dossier';

/**
 * The sync engine as the renderer sees it: the queue badge ("3 hồ sơ chờ
 * đồng bộ"), whether the portal is reachable, and the last failure.
 */
export const SyncStatusSchema = z.object({
  online: z.boolean(),
  /** Dossiers waiting to sync. */
  pending: z.number().int().nonnegative(),
  /** Dossiers the portal rejected, waiting for staff (dossier.resubmit). */
  parked: z.number().int().nonnegative(),
  /** When the portal last acknowledged something (ISO 8601), null before the first time. */
  lastSyncAt: z.iso.datetime().nullable(),
  /** Vietnamese: the last failure, cleared by the next success. */
  lastError: z.string().nullable(),
});
export type SyncStatusView = z.infer<typeof SyncStatusSchema>;

/** One outbox row sent, retried or parked; the UI refreshes the dossier and the badge. */
export const SyncProgressSchema = z.object({
  dossierId: z.string(),
  op: OutboxOpSchema,
  outcome: z.enum(['done', 'retry', 'parked']),
  /** Vietnamese: the portal's refusal for `parked`, the transient cause for `retry`. */
  message: z.string().nullable(),
  pending: z.number().int().nonnegative(),
  parked: z.number().int().nonnegative(),
  online: z.boolean(),
});
export type SyncProgressView = z.infer<typeof SyncProgressSchema>;

const NoParams = z.object({}).strict();

export const syncMethods = {
  'sync.status': method(NoParams, SyncStatusSchema),
  /** Try every due row now (staff pressed "Đồng bộ ngay"); answers at once with the status. */
  'sync.now': method(NoParams, SyncStatusSchema),
} as const;

export const syncEvents = {
  'sync.progress': SyncProgressSchema,
} as const;
