import { z } from 'zod';
import { PROCEDURE_CODE } from '../../api/contract/procedure';

/**
 * The answer of the catalogue's `LayThuTuc` service (notes/portal.md §5.1),
 * read leniently: numbers or strings for any scalar, a single object where a
 * list is expected, missing or null lists, unknown fields kept out of the way.
 * What the kiosk stores is the strict Procedure made from it (laythutuc-mapper).
 */

const scalar = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const optional = z
  .union([z.string(), z.number(), z.null()])
  .transform((v) => (v === null ? undefined : String(v).trim() || undefined))
  .optional();

/** A list that may arrive as one object, null, or missing. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v: unknown): unknown[] =>
      v === null || v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v],
    z.array(item),
  );

export const PhiLePhiSchema = z.looseObject({
  MAPHILEPHI: optional,
  SOTIEN: optional,
  DONVI: optional,
  MOTA: optional,
});

export const ThoiGianSchema = z.looseObject({
  THOIGIANGIAIQUYET: optional,
  DONVITINH: optional,
  MOTA: optional,
  PHILEPHI: list(PhiLePhiSchema),
});

export const CachThucSchema = z.looseObject({ KENH: optional, THOIGIAN: list(ThoiGianSchema) });

export const GiayToSchema = z.looseObject({
  MAGIAYTO: optional,
  TENGIAYTO: scalar.pipe(z.string().min(1, 'thiếu tên giấy tờ (TENGIAYTO)')),
  TENMAUDON: optional,
  URL: optional,
  /** Not in every answer: counts and whether the paper is required. */
  SOBANCHINH: optional,
  SOBANSAO: optional,
  BATBUOC: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
});

export const LayThuTucEntrySchema = z.looseObject({
  MATTHC: scalar.pipe(z.string().regex(PROCEDURE_CODE, 'mã thủ tục phải có dạng 1.001193')),
  TENTTHC: scalar.pipe(z.string().min(1, 'thiếu tên thủ tục (TENTTHC)')),
  MACOQUANCONGBO: optional,
  /** 1 means published; a missing status is read as published. */
  TRANGTHAI: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
  /** Not in the confirmed field list; read when present ("Cấp xã", "Cấp tỉnh"…). */
  CAPTHUCHIEN: z.unknown().optional(),
  LINHVUCTHUCHIEN: list(z.looseObject({ MALINHVUC: optional, TENLINHVUC: optional })),
  CACHTHUCTHUCHIEN: list(CachThucSchema),
  THANHPHANHOSO: list(z.looseObject({ TRUONGHOP: optional, GIAYTO: list(GiayToSchema) })),
  COQUANTHUCHIEN: list(z.looseObject({ MADONVI: optional, TENDONVI: optional })),
});
export type LayThuTucEntry = z.infer<typeof LayThuTucEntrySchema>;
export type ThoiGian = z.infer<typeof ThoiGianSchema>;

const ENVELOPE_KEYS = ['result', 'Result', 'data', 'Data', 'items', 'value', 'ThuTuc', 'DANHSACH'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The entries of a LayThuTuc answer: one procedure object, an array of them,
 * or an envelope (`{ "result": [...] }`, `{ "data": {...} }`…). Undefined when
 * nothing in it looks like a list of procedures.
 */
export function entriesOf(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) return json as unknown[];
  if (!isRecord(json)) return undefined;
  if ('MATTHC' in json) return [json];
  for (const key of ENVELOPE_KEYS) {
    if (key in json) return entriesOf(json[key]);
  }
  const lists = Object.values(json).filter((v): v is unknown[] => Array.isArray(v));
  return lists.length === 1 ? lists[0] : undefined;
}

/** TRANGTHAI 1 (number, string or true) or absent. */
export function isPublished(entry: LayThuTucEntry): boolean {
  const s = entry.TRANGTHAI;
  return s === undefined || s === null || s === 1 || s === true || String(s).trim() === '1';
}
