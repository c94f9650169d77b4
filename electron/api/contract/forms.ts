import { z } from 'zod';
import { TrangThaiHoSoSchema } from './dossier';
import { signingErrorCodes } from '../errors';
import { method } from './method';

/**
 * The counter's forms (issue 17 item 2), staff only. `forms.book` is the
 * tracking book (Sổ theo dõi hồ sơ, Mẫu 06) of the dossiers received in a
 * span of days, Vietnam time, both days included: a PDF in the receipt's
 * style and a CSV (UTF-8 with BOM) a spreadsheet opens, as `kiosk forms book`
 * writes them. `forms.notice` records Mẫu 02 (supplement needed), Mẫu
 * 03 (refused) or Mẫu 04 (apology for a dossier past its appointment, with a
 * new date so many working days ahead) for a dossier, queues its status for
 * the portal, and answers the notice as a PDF to print for the citizen.
 */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const Query = z.string().trim().min(1).max(500);
/** The token's PIN when a token is configured; used for this one form, never kept. */
const Pin = z.string().min(4).max(64).optional();
/** Signed with the token, or printed "Chưa ký số" with the reason (null: no token configured). */
const Signature = {
  signed: z.boolean(),
  signingProblem: z.enum(signingErrorCodes).nullable(),
};

export const CounterNoticeSchema = z.discriminatedUnion('kind', [
  /** Mẫu 02: what the applicant must add, one item a line, and why. */
  z
    .object({
      kind: z.literal('supplement'),
      query: Query,
      missing: z.array(z.string().trim().min(1).max(300)).min(1).max(20),
      reason: z.string().trim().max(1000),
      pin: Pin,
    })
    .strict(),
  /** Mẫu 03: why the dossier is not received. */
  z
    .object({
      kind: z.literal('refused'),
      query: Query,
      reason: z.string().trim().min(1).max(2000),
      pin: Pin,
    })
    .strict(),
  /**
   * Mẫu 04: why the result is late and how many more working days it needs;
   * the core counts them on the working-day calendar from today.
   */
  z
    .object({
      kind: z.literal('apology'),
      query: Query,
      reason: z.string().trim().min(1).max(2000),
      extraWorkingDays: z.number().int().min(1).max(60),
      pin: Pin,
    })
    .strict(),
  /**
   * The supplement a Mẫu 02 asked for, received into the same dossier (a
   * DanhSachHoSoBoSung round): the papers received, one a line, and the
   * working days the unit needs from today for the new appointment.
   */
  z
    .object({
      kind: z.literal('supplement-received'),
      query: Query,
      received: z.array(z.string().trim().min(1).max(300)).min(1).max(20),
      reason: z.string().trim().max(1000),
      extraWorkingDays: z.number().int().min(1).max(60),
      pin: Pin,
    })
    .strict(),
]);

export const formsMethods = {
  'forms.notice': method(
    CounterNoticeSchema,
    z.object({
      code: z.string(),
      status: TrangThaiHoSoSchema,
      /** The new appointment (epoch ms) of Mẫu 04 or a supplement round; null for Mẫu 02 and 03. */
      newDueAt: z.number().int().positive().nullable(),
      fileName: z.string(),
      pdfBase64: Base64,
      ...Signature,
    }),
  ),
  'forms.book': method(
    z
      .object({ from: Day, to: Day, pin: Pin })
      .strict()
      // ISO dates compare as text; a span that runs backwards is refused before any read.
      .refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['to'] }),
    z.object({
      count: z.number().int().nonnegative(),
      pdfFileName: z.string(),
      pdfBase64: Base64,
      ...Signature,
      csvFileName: z.string(),
      csvBase64: Base64,
    }),
  ),
} as const;
