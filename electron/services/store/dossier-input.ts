import { z } from 'zod';
import { ApplicantSourceSchema, ChannelSchema } from '../../api/contract/dossier';
import { SAVE_KEY } from '../../api/contract/reception';
import {
  DOSSIER_CODE_PATTERN,
  PROCEDURE_CODE_PATTERN,
  TrangThaiHoSoSchema,
} from '../portal-contract/dong-bo-ho-so';

const Bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes');
/** NFC so that names typed, read from the chip and OCRed compare equal. */
const Text = z.string().transform((s) => s.normalize('NFC'));
const NonEmptyText = z
  .string()
  .trim()
  .min(1)
  .transform((s) => s.normalize('NFC'));

/** One submitted document (a TaiLieuNop entry), with its scanned pages if any. */
export const NewComponentSchema = z.object({
  /** MaThanhPhanHoSo: the procedure's component code. */
  code: z.string().max(100),
  fileName: NonEmptyText,
  mime: z.string().min(1).max(100),
  bytes: Bytes,
  pages: z.array(z.object({ bytes: Bytes, ocrText: Text.optional() })).default([]),
});

/** What a caller (counter screen, kiosk flow, import) hands the store to save. */
export const NewDossierSchema = z.object({
  /** Kept when given (import); otherwise allocated from this kiosk's block. */
  code: z.string().regex(DOSSIER_CODE_PATTERN).optional(),
  procedure: z.object({
    code: z.string().regex(PROCEDURE_CODE_PATTERN),
    name: NonEmptyText,
    fieldCode: z.string().optional(),
    fieldName: Text.optional(),
  }),
  applicant: z.object({
    /** "1" citizen, "2" business (LoaiDoiTuong). */
    kind: z.enum(['1', '2']),
    name: NonEmptyText,
    idNumber: z.string().trim().max(50).optional(),
    email: z.string().trim().max(200).default(''),
    phone: z.string().trim().max(50).default(''),
    source: ApplicantSourceSchema,
  }),
  summary: NonEmptyText,
  formValues: z.record(z.string(), Text).default({}),
  notes: Text.pipe(z.string().max(2000)).optional(),
  receivedAt: z.number().int().nonnegative(),
  dueAt: z.number().int().nonnegative(),
  channel: ChannelSchema,
  staffId: z.string().optional(),
  status: TrangThaiHoSoSchema.default('2'),
  deliveryMode: z.enum(['0', '1']).default('0'),
  /** DonViXuLy: the processing agency's name. */
  processingUnit: NonEmptyText,
  components: z.array(NewComponentSchema).max(200).default([]),
  /**
   * Whether the component PDFs carry the agency's signature: `signedAt` when
   * the token signed all of them, else the SigningError code that left them
   * "chưa ký số". Absent (imports, tests): unsigned, no reason recorded.
   */
  signature: z
    .union([
      z.object({ signedAt: z.number().int().nonnegative() }).strict(),
      z.object({ unsignedReason: z.string().min(1).max(64) }).strict(),
    ])
    .optional(),
  /** The page's key for this reception (`dossier.create`): a second save with it saves nothing. */
  saveKey: z.string().regex(SAVE_KEY).optional(),
});
export type NewDossierInput = z.input<typeof NewDossierSchema>;
export type NewDossier = z.output<typeof NewDossierSchema>;
