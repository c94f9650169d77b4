import { z } from 'zod';
import { RefusalReasonSchema } from './copy-refusal';
import { method } from './method';

/**
 * Certified electronic copies from originals (chứng thực bản sao điện tử từ
 * bản chính, issue 12 item 6), staff only. The original's pages come from a
 * scan or import job (`scan.start`, `component.import`, `component.importUpload`)
 * in the order the clerk checked them; `copies.refuse` records a refusal and
 * its reason, `copies.certify` numbers, stamps and signs each copy with the
 * certifier's token (PIN for this call only) and records it in the book.
 */
const JobId = z.string().min(1).max(100);
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Name = z.string().trim().min(1).max(200);

export const CopyRefuseRequestSchema = z
  .object({
    /** The scan or import jobs of the original, discarded once the refusal is recorded. */
    jobIds: z.array(JobId).max(50).optional(),
    pages: z.number().int().min(0).max(500),
    reason: RefusalReasonSchema,
    note: z.string().trim().max(1000).optional(),
    requesterName: z.string().trim().max(200).optional(),
    documentName: z.string().trim().max(200).optional(),
  })
  .strict();

export const CopyCertifyRequestSchema = z
  .object({
    /**
     * The original in order: one part per scan or import job (a flatbed
     * scans one sheet at a time), each with its page indices in the order
     * kept; every page the clerk checked.
     */
    parts: z
      .array(
        z
          .object({
            jobId: JobId,
            pageOrder: z.array(z.number().int().nonnegative()).min(1).max(500),
          })
          .strict(),
      )
      .min(1)
      .max(50),
    requesterName: Name,
    documentName: Name,
    copies: z.number().int().min(1).max(20),
    /** Chức danh of the certifier, printed under the lời chứng (e.g. "Phó Chủ tịch UBND xã"). */
    certifierTitle: z.string().trim().min(1).max(120),
    /** The certifier's token PIN: for this call only, never kept, logged nor sent back. */
    pin: z.string().min(4).max(64),
  })
  .strict();

export const CertifiedCopySchema = z.object({
  id: z.string(),
  number: z.number().int().positive(),
  book: z.string(),
  fee: z.number().int().nonnegative(),
  copyIndex: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string(),
});

export const CopyBookLineSchema = z.object({
  id: z.string(),
  number: z.number().int().positive(),
  book: z.string(),
  certifiedAt: z.number(),
  requesterName: z.string(),
  documentName: z.string(),
  pages: z.number().int().positive(),
  fee: z.number().int().nonnegative(),
  copyIndex: z.number().int().positive(),
  copies: z.number().int().positive(),
  certifierName: z.string(),
  certifierTitle: z.string(),
});
export type CopyBookLineWire = z.infer<typeof CopyBookLineSchema>;

export const copiesMethods = {
  'copies.refuse': method(
    CopyRefuseRequestSchema,
    z.object({ id: z.string(), refusedAt: z.number(), reasonText: z.string() }),
  ),
  'copies.certify': method(
    CopyCertifyRequestSchema,
    z.object({
      requestId: z.string(),
      certifiedAt: z.number(),
      totalFee: z.number().int().nonnegative(),
      signerName: z.string(),
      copies: z.array(CertifiedCopySchema).min(1).max(20),
      slipFileName: z.string(),
      slipPdfBase64: Base64,
    }),
  ),
  /** One signed copy from the book, to download again (USB export is the browser's download). */
  'copies.file': method(
    z.object({ id: z.string().min(1).max(100) }).strict(),
    z.object({ fileName: z.string(), pdfBase64: Base64 }),
  ),
  /** The book between two days (Vietnam time, both included), optionally by number or part of a name. */
  'copies.book': method(
    z
      .object({
        from: Day,
        to: Day,
        number: z.number().int().positive().optional(),
        name: z.string().trim().max(200).optional(),
      })
      .strict(),
    z.object({ lines: z.array(CopyBookLineSchema).max(20_000) }),
  ),
  'copies.bookExport': method(
    z.object({ from: Day, to: Day, format: z.enum(['csv', 'pdf']) }).strict(),
    z.object({ fileName: z.string(), mime: z.string(), dataBase64: Base64 }),
  ),
} as const;

export const copiesEvents = {
  /** While `copies.certify` signs: copies done of the total. */
  'copies.progress': z.object({
    done: z.number().int().nonnegative(),
    total: z.number().int().positive(),
  }),
} as const;
