import { z } from 'zod';
import { method } from './method';

/**
 * Dossiers (hồ sơ) and their sync queue, as the renderer sees them. The
 * store (electron/services/store) returns exactly these shapes. `applicant`
 * and the free texts are null once retention purged the personal data.
 */
export const TrangThaiHoSoSchema = z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
export const SyncStateSchema = z.enum(['pending', 'parked', 'synced']);
export type SyncState = z.infer<typeof SyncStateSchema>;
export const ApplicantSourceSchema = z.enum(['chip', 'qr', 'typed', 'import']);
export const ChannelSchema = z.enum(['counter', 'kiosk']);

export const QueueDepthSchema = z.object({
  /** Dossiers waiting to sync ("3 hồ sơ chờ đồng bộ"). */
  pending: z.number().int().nonnegative(),
  /** Dossiers the portal rejected, waiting for staff to fix and resubmit. */
  parked: z.number().int().nonnegative(),
});

/** Outbox operations: intake (upload-file, sync-dossier) and status events after it (issue 17). */
export const OutboxOpSchema = z.enum([
  'upload-file',
  'sync-dossier',
  'upload-result',
  'progress',
  'update-dossier',
]);
export type OutboxOp = z.infer<typeof OutboxOpSchema>;

export const OutboxRowViewSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  op: OutboxOpSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.number(),
  lastError: z.string().nullable(),
  parked: z.boolean(),
});

export const ComponentViewSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  code: z.string(),
  fileName: z.string().nullable(),
  mime: z.string(),
  sha256: z.string().nullable(),
  size: z.number().int().nullable(),
  pages: z.number().int(),
  portalFileId: z.string().nullable(),
  portalUrl: z.string().nullable(),
});
export type ComponentView = z.infer<typeof ComponentViewSchema>;

export const DossierSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string().nullable(),
  receivedAt: z.number(),
  dueAt: z.number(),
  status: TrangThaiHoSoSchema,
  syncState: SyncStateSchema,
  /** The portal's message when the queue is parked: what staff must fix. */
  parkedMessage: z.string().nullable(),
  portalStatus: z.string().nullable(),
  /** The component PDFs carry the agency's signature; false: "chưa ký số". */
  signed: z.boolean(),
  /** Why they are not signed (a SIGNING_* error code); null when signed or not recorded. */
  unsignedReason: z.string().nullable(),
});
export type DossierSummary = z.infer<typeof DossierSummarySchema>;

export const DossierViewSchema = DossierSummarySchema.extend({
  agencyCode: z.string(),
  fieldCode: z.string().nullable(),
  fieldName: z.string().nullable(),
  applicant: z
    .object({
      kind: z.enum(['1', '2']),
      name: z.string(),
      idNumber: z.string().nullable(),
      email: z.string(),
      phone: z.string(),
      source: ApplicantSourceSchema,
    })
    .nullable(),
  summary: z.string().nullable(),
  formValues: z.record(z.string(), z.string()),
  notes: z.string().nullable(),
  channel: ChannelSchema,
  staffId: z.string().nullable(),
  deliveryMode: z.enum(['0', '1']),
  processingUnit: z.string(),
  portalStatusAt: z.number().nullable(),
  syncedAt: z.number().nullable(),
  purgedAt: z.number().nullable(),
  createdAt: z.number(),
  components: z.array(ComponentViewSchema),
  outbox: z.array(OutboxRowViewSchema),
});
export type DossierView = z.infer<typeof DossierViewSchema>;

/** What staff may correct after the portal rejected a dossier. */
export const DossierFixSchema = z
  .object({
    applicantName: z.string().trim().min(1).max(200).optional(),
    email: z.string().trim().max(200).optional(),
    phone: z.string().trim().max(50).optional(),
    summary: z.string().trim().min(1).max(2000).optional(),
    notes: z.string().max(2000).optional(),
    processingUnit: z.string().trim().min(1).max(300).optional(),
    dueAt: z.number().int().nonnegative().optional(),
  })
  .strict();
export type DossierFix = z.infer<typeof DossierFixSchema>;

/** An id (uuid v7) or a dossier code. */
const IdOrCode = z.string().min(1).max(100);

export const dossierMethods = {
  /** Newest first; filter by portal status code and by sync state. */
  'dossier.list': method(
    z
      .object({
        status: TrangThaiHoSoSchema.optional(),
        syncState: SyncStateSchema.optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        offset: z.number().int().nonnegative().optional(),
      })
      .strict(),
    z.object({ dossiers: z.array(DossierSummarySchema), depth: QueueDepthSchema }),
  ),
  /** One dossier, decrypted; the read is audited. */
  'dossier.get': method(z.object({ idOrCode: IdOrCode }).strict(), DossierViewSchema),
  /** Staff fixed a rejected dossier: apply the fix and put it back in the queue. */
  'dossier.resubmit': method(
    z.object({ idOrCode: IdOrCode, fix: DossierFixSchema.optional() }).strict(),
    z.object({ depth: QueueDepthSchema }),
  ),
} as const;

export const dossierEvents = {
  /** The queue badge: emitted when a dossier enters, leaves or parks in the outbox. */
  'queue.changed': QueueDepthSchema,
} as const;
