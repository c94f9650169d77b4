import { z } from 'zod';
import { CitizenWireSchema } from './citizen';
import { method } from './method';

/**
 * The administrative procedure catalogue (thủ tục hành chính, CSDLQG về
 * TTHC) as the renderer sees it: what a dossier of each procedure must hold,
 * how long it takes, what it costs, and the e-form whose fields the chip or
 * the card's QR fill. Seeded from notes/portal.md §5 and updated by importing
 * a LayThuTuc answer (`kiosk catalogue import`).
 */
export const PROCEDURE_CODE = /^\d\.\d{6}$/;

const Bilingual = z.object({ vi: z.string().min(1), en: z.string().min(1) });

/** A citizen field the chip (DG13) or the card's QR can fill; `source` and `cardGeneration` are not. */
export const CitizenFieldSchema = CitizenWireSchema.keyof().exclude(['source', 'cardGeneration']);
export type CitizenField = z.infer<typeof CitizenFieldSchema>;

/** One document of the dossier (thành phần hồ sơ, a GIAYTO of THANHPHANHOSO). */
export const ProcedureComponentSchema = z.object({
  /** MAGIAYTO; the store's component code (MaThanhPhanHoSo). */
  code: z.string().min(1).max(100),
  name: z.string().min(1),
  required: z.boolean(),
  /** Number of originals (bản chính) and copies (bản sao) the clerk receives. */
  originals: z.number().int().nonnegative(),
  copies: z.number().int().nonnegative(),
  /** TENMAUDON: the form's name when the document is a form (e.g. "Tờ khai đăng ký khai sinh"). */
  formName: z.string().nullable(),
});
export type ProcedureComponent = z.infer<typeof ProcedureComponentSchema>;

/** One e-form field. `fill` names the citizen field that fills it from the chip or QR. */
export const FormFieldSchema = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/),
  label: Bilingual,
  type: z.enum(['text', 'textarea', 'date', 'select', 'phone', 'email', 'idNumber', 'number']),
  required: z.boolean(),
  maxLength: z.number().int().positive().max(2000).optional(),
  options: z.array(z.object({ value: z.string().min(1), label: Bilingual })).optional(),
  fill: CitizenFieldSchema.nullable(),
  /** A hint under the field, e.g. "Theo Giấy chứng sinh". */
  hint: Bilingual.optional(),
});
export type FormField = z.infer<typeof FormFieldSchema>;

export const FeeSchema = z.object({
  /** VND; 0 for free. */
  amount: z.number().int().nonnegative(),
  description: z.string(),
});

export const ProcedureSchema = z.object({
  code: z.string().regex(PROCEDURE_CODE),
  name: z.string().min(1),
  fieldCode: z.string().nullable(),
  fieldName: z.string().nullable(),
  level: z.enum(['xa', 'tinh', 'bo', 'khac']),
  /** Who decides (e.g. "UBND cấp xã", "Công an cấp xã"). */
  agency: z.string(),
  /** Legal processing time in working days; 0 means the same day. */
  processingDays: z.number().int().nonnegative(),
  /**
   * For same-day procedures: received after this local time (HH:MM), the
   * result is due the next working day (hộ tịch, chứng thực: 15:00).
   */
  sameDayCutoff: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .nullable(),
  fees: z.array(FeeSchema),
  components: z.array(ProcedureComponentSchema),
  form: z.object({ fields: z.array(FormFieldSchema) }),
  /** Which values the source marks unconfirmed ("processingDays", "fees", "code"…), shown to staff. */
  unconfirmed: z.array(z.string()),
  source: z.enum(['seed', 'import']),
  /** ISO 8601: when this version entered the catalogue. */
  updatedAt: z.iso.datetime(),
});
export type Procedure = z.infer<typeof ProcedureSchema>;

export const ProcedureSummarySchema = ProcedureSchema.pick({
  code: true,
  name: true,
  fieldName: true,
  level: true,
  processingDays: true,
  unconfirmed: true,
});
export type ProcedureSummary = z.infer<typeof ProcedureSummarySchema>;

export const procedureMethods = {
  /**
   * Diacritic- and case-insensitive search over code, name and field
   * ("dang ky khai sinh" finds "Đăng ký khai sinh"); an empty query lists the
   * most used first. Open to the kiosk page: the catalogue is public.
   */
  'procedure.search': method(
    z
      .object({
        query: z.string().max(200),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    z.object({ procedures: z.array(ProcedureSummarySchema), total: z.number().int() }),
  ),
  'procedure.get': method(
    z.object({ code: z.string().regex(PROCEDURE_CODE) }).strict(),
    ProcedureSchema,
  ),
} as const;
