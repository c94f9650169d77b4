import { z } from 'zod';
import { TrangThaiHoSoSchema } from '../portal-contract/dong-bo-ho-so';

/** Who handled a step, as the portal's progress object names them (NguoiXuLy, ChucDanh, PhongBanXuLy). */
export const HandlerSchema = z.object({
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().max(200).optional(),
  unit: z.string().trim().max(300).optional(),
});

const Bytes = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes')
  .refine((b) => b.length > 0, 'empty file');

/** A result handed back (issue 17): what the return service hands the store, validated here. */
export const NewReturnSchema = z.object({
  dossierId: z.string().min(1),
  returnedAt: z.number().int().positive(),
  /** HinhThuc: "0" at the counter, "1" by post. */
  hinhThuc: z.enum(['0', '1']),
  receiver: z.object({
    kind: z.enum(['applicant', 'authorised', 'post']),
    source: z.enum(['chip', 'typed', 'none']),
    name: z.string().trim().max(200).nullable(),
    idNumber: z.string().trim().max(20).nullable(),
  }),
  letter: Bytes.nullable(),
  postAddress: z.string().trim().max(500).nullable(),
  /** The portal's status when asked at the return; null when it could not be reached. */
  portalStatusSeen: TrangThaiHoSoSchema.nullable(),
  offlineInHand: z.boolean(),
  results: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(300),
        componentCode: z.string().trim().max(100),
        pdf: Bytes,
        signed: z.boolean(),
      }),
    )
    .min(1)
    .max(20),
  slip: Bytes.nullable(),
  /** ThongTinTra as sent to the portal, without personal data. */
  returnInfo: z.string().trim().min(1).max(1000),
  handler: HandlerSchema,
});
export type NewReturn = z.input<typeof NewReturnSchema>;

/**
 * A step after intake that is not a return: Mẫu 02 supplement, Mẫu 03
 * refusal, Mẫu 04 apology, or the supplement received after a Mẫu 02 (a
 * DanhSachHoSoBoSung round, with its new appointment).
 */
export const NewEventSchema = z.object({
  dossierId: z.string().min(1),
  at: z.number().int().positive(),
  kind: z.enum(['supplement', 'refused', 'apology', 'supplement-received']),
  /** What is missing, why refused, why late, or what was received: read by the citizen's status lookup. */
  detail: z.string().trim().min(1).max(2000),
  /** Mẫu 04 and a supplement round: the new appointment (working-day calendar). */
  newDueAt: z.number().int().positive().nullable(),
  handler: HandlerSchema,
});
export type NewEvent = z.input<typeof NewEventSchema>;

/** The portal status each event kind moves the dossier to (portal.md §2); an apology keeps "4". */
export const EVENT_STATUS = {
  returned: '10',
  supplement: '5',
  refused: '3',
  apology: '4',
  // Back to "Đang xử lý" once the supplement is in (UNCONFIRMED: the portal may expect 2).
  'supplement-received': '4',
} as const;
