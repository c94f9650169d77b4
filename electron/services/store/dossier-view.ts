import { z } from 'zod';
import { TrangThaiHoSoSchema } from '../portal-contract/dong-bo-ho-so';
import { ApplicantSourceSchema, ChannelSchema } from './dossier-input';

/**
 * A dossier as the store hands it out (decrypted). Pure zod, so the API
 * contract reuses these schemas. `applicant` and the free texts are null once
 * retention has purged the personal data.
 */
export const SyncStateSchema = z.enum(['pending', 'parked', 'synced']);
export type SyncState = z.infer<typeof SyncStateSchema>;

export const OutboxRowViewSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  op: z.enum(['upload-file', 'sync-dossier']),
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
  /** The portal's message when the queue is parked. */
  parkedMessage: z.string().nullable(),
  portalStatus: z.string().nullable(),
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
export type ComponentView = z.infer<typeof ComponentViewSchema>;
