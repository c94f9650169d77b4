import { z } from 'zod';
import { QueueDepthSchema, TrangThaiHoSoSchema } from './dossier';
import { method } from './method';

/**
 * Returning a result at the counter (issue 17), staff only. `return.check`
 * finds the dossier by its code or the receipt QR's text and asks the portal
 * (TraCuuHoSo) where it stands; `return.record` hands the result over: the
 * receiver comes from the core's last chip read (never from the renderer),
 * results are signed with the agency token when one is configured, and the
 * hand-over slip comes back as a PDF. `return.byCard` lists the open
 * dossiers of the citizen whose chip was just read, to choose from.
 */
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const Query = z.string().trim().min(1).max(500);
/** The id `POST UPLOAD_PATH` answered (electron/api/wire.ts); used once. */
const UploadId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const PortalAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), status: z.string() }),
  z.object({ kind: z.literal('absent') }),
  z.object({ kind: z.literal('unreachable') }),
]);

export const ReturnCheckSchema = z.object({
  code: z.string(),
  procedureName: z.string(),
  /** Null once retention purged the personal data. */
  applicantName: z.string().nullable(),
  receivedAt: z.number(),
  dueAt: z.number(),
  localStatus: TrangThaiHoSoSchema,
  portal: PortalAnswerSchema,
  /** "9" from the portal: the result may be handed over without the in-hand confirmation. */
  ready: z.boolean(),
  /** At intake the citizen chose the post ("1") or the counter ("0"). */
  deliveryMode: z.enum(['0', '1']),
  returned: z
    .object({
      returnedAt: z.number(),
      receiverName: z.string().nullable(),
      hinhThuc: z.enum(['0', '1']),
    })
    .nullable(),
  /** A token is configured: `return.record` needs its PIN and signs each result. */
  signingConfigured: z.boolean(),
});
export type ReturnCheck = z.infer<typeof ReturnCheckSchema>;

// A plain union: zod's discriminated union takes one option per kind, and the authorised receiver has two shapes.
export const ReturnReceiverSchema = z.union([
  /** The applicant, by the chip read the core holds. */
  z.object({ kind: z.literal('applicant') }).strict(),
  /**
   * Someone else, by their own chip read, with the authorisation letter (PDF,
   * JPEG or PNG): inline over Electron's IPC, or from the browser shell
   * uploaded first like the result files (a scanned letter is often more
   * than the 1.5 MB a WebSocket frame carries).
   */
  z.object({ kind: z.literal('authorised'), letterBase64: Base64.min(8).max(40_000_000) }).strict(),
  z.object({ kind: z.literal('authorised'), letterUploadId: UploadId }).strict(),
  /** By public postal service (HinhThuc "1"). */
  z.object({ kind: z.literal('post'), address: z.string().trim().max(500).optional() }).strict(),
]);

const ResultName = {
  name: z.string().trim().min(1).max(200),
  componentCode: z.string().trim().max(100).optional(),
};

/**
 * A result PDF, inline (Electron's IPC carries 30 MB) or, from the browser
 * shell, uploaded first over HTTP like a component, whose WebSocket keeps
 * each frame under 2 MiB (about 1.5 MB of file as base64). Both carry at
 * most 30 MB, the upload route's limit. Or a result scanned at the counter
 * (`scan.start`): the scan job's id and its pages in the clerk's order; the
 * core builds one searchable PDF from them (page pipeline + OCR), as it
 * does for a dossier component.
 */
export const ResultFileSchema = z.union([
  z.object({ ...ResultName, pdfBase64: Base64.min(8).max(40_000_000) }).strict(),
  z.object({ ...ResultName, uploadId: UploadId }).strict(),
  z
    .object({
      ...ResultName,
      scanJobId: z.uuid(),
      pages: z.array(z.number().int().min(0).max(9999)).min(1).max(500),
    })
    .strict(),
]);

export const ReturnRecordRequestSchema = z
  .object({
    query: Query,
    results: z.array(ResultFileSchema).min(1).max(20),
    receiver: ReturnReceiverSchema,
    /** The portal could not say; the clerk confirms holding the result. */
    offlineInHand: z.boolean(),
    /** The token's PIN when signing is configured; used for this call only, never kept. */
    pin: z.string().min(4).max(64).optional(),
  })
  .strict();

/** One of the card holder's dossiers with no result handed back yet. */
export const OpenDossierSchema = z.object({
  code: z.string(),
  procedureName: z.string(),
  receivedAt: z.number(),
  dueAt: z.number(),
  localStatus: TrangThaiHoSoSchema,
  /** The portal's last known status (TraCuuHoSo), null before it was asked. */
  portalStatus: z.string().nullable(),
});
export type OpenDossier = z.infer<typeof OpenDossierSchema>;

export const returnMethods = {
  /**
   * The open dossiers of the person whose chip the core read last (the page
   * sends nothing: it cannot ask about an ID it typed), newest first.
   */
  'return.byCard': method(
    z.object({}).strict(),
    z.object({ dossiers: z.array(OpenDossierSchema).max(20) }),
  ),
  'return.check': method(z.object({ query: Query }).strict(), ReturnCheckSchema),
  'return.record': method(
    ReturnRecordRequestSchema,
    z.object({
      code: z.string(),
      returnedAt: z.number(),
      signed: z.boolean(),
      offlineInHand: z.boolean(),
      portalStatusSeen: z.string().nullable(),
      slipFileName: z.string(),
      slipPdfBase64: Base64,
      depth: QueueDepthSchema,
    }),
  ),
} as const;
