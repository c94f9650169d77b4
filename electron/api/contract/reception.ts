import { z } from 'zod';
import { CitizenWireSchema } from './citizen';
import { QueueDepthSchema, SyncStateSchema, TrangThaiHoSoSchema } from './dossier';
import { signingErrorCodes } from '../errors';
import { method } from './method';
import { PROCEDURE_CODE } from './procedure';
import { ScanResultSchema } from './scan';

/**
 * Receiving a dossier: its components (scanned with `scan.start`, or imported
 * from a file here) are held by the core as jobs until `dossier.create`
 * commits them with the e-form to the queue; then the receipt (Mẫu 01) and,
 * for anyone, the status lookup by dossier code or the receipt's QR.
 *
 * Who may call: staff signed in (counter), or the citizen's session on a
 * kiosk-mode machine, where the applicant must come from the chip read in
 * that session and only that session's dossiers have receipts.
 */
const JobId = z.string().min(1).max(100);

/**
 * The page's key for one reception: made once per dossier being received and
 * sent again, unchanged, with every retry of its save (Replicache's mutation
 * id). A save the core committed but could not answer (it was killed, the
 * connection dropped) then answers the dossier already saved instead of
 * saving a second one.
 */
export const SAVE_KEY = /^[A-Za-z0-9_-]{16,64}$/;
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const ComponentImportSchema = z
  .object({
    /** The component's name, the PDF's title. */
    component: z.string().min(1).max(200),
    fileName: z.string().min(1).max(255),
    mime: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    /** The file, base64 (at most 30 MB of file). */
    dataBase64: Base64.max(40_000_000),
  })
  .strict();

/**
 * The same import, for a file sent ahead over the browser shell's HTTP upload
 * (POST UPLOAD_PATH with the session token): large files do not fit in one
 * WebSocket message, and a socket's messages are kept small on purpose.
 */
export const ComponentImportUploadSchema = z
  .object({
    component: z.string().min(1).max(200),
    fileName: z.string().min(1).max(255),
    mime: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    /** What the upload answered; the upload is used once. */
    uploadId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  })
  .strict();

export const ComponentOcrSchema = z.object({
  jobId: JobId,
  pageIndex: z.number().int().nonnegative(),
  state: z.enum(['running', 'done', 'failed']),
  /** Pages of this job recognised so far, and how many it has. */
  pagesDone: z.number().int().nonnegative(),
  pagesTotal: z.number().int().nonnegative(),
});

export const NewDossierRequestSchema = z
  .object({
    procedureCode: z.string().regex(PROCEDURE_CODE),
    applicant: z
      .object({
        /** From the chip (checked against the core's last read), the card's QR, or typed. */
        citizen: CitizenWireSchema,
        phone: z.string().trim().max(50).optional(),
        email: z.string().trim().max(200).optional(),
      })
      .strict(),
    /** The e-form, by field key; validated against the procedure's form. */
    formValues: z.record(z.string().max(64), z.string().max(2000)),
    /** Each received component: the scan or import job and its pages in the order kept. */
    components: z
      .array(
        z
          .object({
            code: z.string().min(1).max(100),
            jobId: JobId,
            pageOrder: z.array(z.number().int().nonnegative()).min(1).max(500),
          })
          .strict(),
      )
      .max(50),
    /** Số lượng hồ sơ (bộ). */
    sets: z.number().int().min(1).max(20).optional(),
    /** "0" collect at the desk, "1" by public postal service. */
    deliveryMode: z.enum(['0', '1']).optional(),
    notes: z.string().max(2000).optional(),
    /**
     * The agency token's PIN, typed by the clerk, when signing is configured:
     * used for this save only (C_Login), never kept, logged nor sent back.
     * Missing or wrong: the dossier is still saved, "chưa ký số".
     */
    pin: z.string().min(4).max(64).optional(),
    /** See {@link SAVE_KEY}; without it a retried save may make a second dossier. */
    saveKey: z.string().regex(SAVE_KEY).optional(),
  })
  .strict();
export type NewDossierRequest = z.infer<typeof NewDossierRequestSchema>;

export const StatusLookupSchema = z.object({
  code: z.string(),
  procedureName: z.string(),
  status: TrangThaiHoSoSchema,
  statusText: z.object({ vi: z.string(), en: z.string() }),
  receivedAt: z.number(),
  dueAt: z.number(),
  syncState: SyncStateSchema,
  /** When the portal last confirmed the status (epoch ms), null if never. */
  portalCheckedAt: z.number().nullable(),
});
export type StatusLookup = z.infer<typeof StatusLookupSchema>;

export const receptionMethods = {
  /** A component from a file (PDF, JPEG, PNG): pages, thumbnails and PDF like a scan; OCR starts. */
  'component.import': method(ComponentImportSchema, ScanResultSchema),
  /** `component.import` of a file uploaded over HTTP (browser shell). */
  'component.importUpload': method(ComponentImportUploadSchema, ScanResultSchema),
  /** Forget a scan or import job (rescanned, deleted): its files are removed. */
  'component.discard': method(
    z.object({ jobId: JobId }).strict(),
    z.object({ discarded: z.boolean() }),
  ),
  /**
   * Save the dossier: validated, due date from the working-day calendar,
   * components rebuilt in `pageOrder` with their OCR text, committed to the
   * store and its outbox in one transaction before this answers.
   */
  'dossier.create': method(
    NewDossierRequestSchema,
    z.object({
      id: z.string(),
      code: z.string(),
      receivedAt: z.number(),
      dueAt: z.number(),
      depth: QueueDepthSchema,
      /** The component PDFs and the receipt carry the agency's signature. */
      signed: z.boolean(),
      /** Why not (SIGNING_* code; its text says what to do); null when signed. */
      unsignedReason: z.enum(signingErrorCodes).nullable(),
    }),
  ),
  /** The receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, Mẫu 01), two copies, as a PDF. */
  'dossier.receipt': method(
    z.object({ idOrCode: z.string().min(1).max(100) }).strict(),
    z.object({
      fileName: z.string(),
      pdfBase64: Base64,
      pages: z.number().int().positive(),
    }),
  ),
  /**
   * Staff, with the token back: sign the "chưa ký số" dossiers whose files
   * have not left for the portal yet (components, then the kept receipt).
   * The PIN is used for this call only. A token failure is its SIGNING_* error.
   */
  'dossier.signPending': method(
    z.object({ pin: z.string().min(4).max(64) }).strict(),
    z.object({
      /** Codes now signed. */
      signed: z.array(z.string()),
      /** Codes that reached the portal meanwhile: their unsigned files stand. */
      alreadySent: z.array(z.string()),
    }),
  ),
  /**
   * Status by dossier code or the receipt QR's text; open to anyone, so it
   * answers no personal data. Asks the portal when reachable.
   */
  'status.lookup': method(
    z.object({ query: z.string().min(1).max(500) }).strict(),
    StatusLookupSchema,
  ),
} as const;

export const receptionEvents = {
  'component.ocr': ComponentOcrSchema,
} as const;
