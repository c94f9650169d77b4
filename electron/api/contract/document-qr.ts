import { z } from 'zod';
import { PROCEDURE_CODE } from './procedure';

/**
 * The QR printed on every paper the counter issues about a dossier (Mẫu 01
 * receipt, Mẫu 02/03/04, the supplement receipt, the result hand-over slip).
 * Circular 01/2023/TT-VPCP Art. 26 lists its minimum data: dossier code,
 * procedure code, the applicant's identifier, the paper's name, the issuing
 * information system and the time of issue, plus the appointment on a
 * receipt. Nothing else: no name, birth date or address on paper.
 *
 * Version 1, fields in this order, separated by `*`:
 *
 *     MC1*<kind>*<dossier code>*<procedure code>*<applicant id>*<system>*<issued>*<appointment>
 *     MC1*01*000.00.53.H48-261125-0001*1.004222*001185012345*KMC*202611251015*202612041700
 *
 * - kind: a code from DOCUMENT_KINDS (the paper's name, as a code: a
 *   keyboard-wedge scanner types ASCII on a US layout, so no Vietnamese);
 * - applicant id: the 12-digit personal ID (or an organisation's code), empty
 *   once retention purged it or when none was recorded;
 * - times: Vietnam time (UTC+7, no daylight saving), YYYYMMDDHHMM;
 * - appointment: required on receipts, empty where the paper has none.
 *
 * Every character is in the QR alphanumeric set (0-9 A-Z . - * and no
 * space), so the code stays small (version 5 at most, level M) and is typed
 * the same by any wedge scanner. A bare dossier code is version 0: the
 * receipts printed before this format, still read.
 */

export const DOCUMENT_QR_PREFIX = 'MC';
export const DOCUMENT_QR_VERSION = 1;
const SEPARATOR = '*';

/** The issuing information system: this kiosk software ("Kiosk Một cửa"). */
export const ISSUING_SYSTEM = 'KMC';

/** What each paper's kind code means; `receipt` kinds must carry the appointment. */
export const DOCUMENT_KINDS = {
  '01': { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)', receipt: true },
  '02': { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)', receipt: false },
  '03': { vi: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)', receipt: false },
  '04': { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)', receipt: false },
  BS: { vi: 'Phiếu tiếp nhận hồ sơ bổ sung', receipt: true },
  KQ: { vi: 'Phiếu giao nhận kết quả giải quyết hồ sơ', receipt: false },
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;
const KIND_CODES = Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]];

/** `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX` (notes/portal.md §3), the only code the store makes. */
export const DOSSIER_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$/;
const APPLICANT_ID = /^[0-9A-Z-]{1,20}$/;
const SYSTEM = /^[0-9A-Z.-]{1,16}$/;
const STAMP = /^\d{12}$/;
/** Vietnam time: UTC+7 all year. */
const VN_OFFSET_MS = 7 * 3_600_000;

/** The longest payload the schema allows (prefix, 7 separators, every field at its longest). */
export const DOCUMENT_QR_MAX_LENGTH = 3 + 7 + 2 + 25 + 8 + 20 + 16 + 12 + 12;

export const DocumentQrFieldsSchema = z
  .object({
    kind: z.enum(KIND_CODES),
    dossierCode: z.string().regex(DOSSIER_CODE),
    procedureCode: z.string().regex(PROCEDURE_CODE),
    applicantId: z.string().regex(APPLICANT_ID).nullable(),
    system: z.string().regex(SYSTEM),
    /** Epoch milliseconds; printed to the minute. */
    issuedAt: z.number().int().nonnegative(),
    appointmentAt: z.number().int().nonnegative().nullable(),
  })
  .refine((f) => !DOCUMENT_KINDS[f.kind].receipt || f.appointmentAt !== null, {
    message: 'a receipt carries its appointment',
    path: ['appointmentAt'],
  });
export type DocumentQrFields = z.infer<typeof DocumentQrFieldsSchema>;

export type DocumentQr =
  | ({ readonly version: 1 } & Readonly<DocumentQrFields>)
  | { readonly version: 0; readonly dossierCode: string };

export type DocumentQrErrorCode =
  'QR_NOT_ASCII' | 'QR_TOO_LONG' | 'QR_NOT_DOCUMENT' | 'QR_MALFORMED';

/** A text that is not a document QR of ours; `vi` says what to do next. */
export class DocumentQrError extends Error {
  readonly code: DocumentQrErrorCode;
  readonly vi: string;

  constructor(code: DocumentQrErrorCode, vi: string, en: string) {
    super(en);
    this.name = 'DocumentQrError';
    this.code = code;
    this.vi = vi;
  }
}

const RESCAN_VI = 'Hãy quét lại mã QR, hoặc nhập mã hồ sơ in bên cạnh mã QR.';

function stamp(ms: number): string {
  const d = new Date(ms + VN_OFFSET_MS);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${String(d.getUTCFullYear()).padStart(4, '0')}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}`;
}

/** Epoch ms of a YYYYMMDDHHMM Vietnam time, or null when it names no real minute. */
function unstamp(text: string): number | null {
  if (!STAMP.test(text)) return null;
  const [y, mo, d, h, mi] = [0, 4, 6, 8, 10].map((at, i) =>
    Number(text.slice(at, at + (i === 0 ? 4 : 2))),
  ) as [number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi) - VN_OFFSET_MS;
  return ms >= 0 && stamp(ms) === text ? ms : null;
}

/** The payload for a paper; throws DocumentQrError (QR_MALFORMED) for fields outside the format. */
export function formatDocumentQr(fields: DocumentQrFields): string {
  const parsed = DocumentQrFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    throw new DocumentQrError(
      'QR_MALFORMED',
      'Không tạo được mã QR của giấy tờ: dữ liệu hồ sơ không đúng định dạng.',
      `Document QR fields invalid: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  const f = parsed.data;
  return [
    `${DOCUMENT_QR_PREFIX}${String(DOCUMENT_QR_VERSION)}`,
    f.kind,
    f.dossierCode,
    f.procedureCode,
    f.applicantId ?? '',
    f.system,
    stamp(f.issuedAt),
    f.appointmentAt === null ? '' : stamp(f.appointmentAt),
  ].join(SEPARATOR);
}

/**
 * The applicant's identifier as the QR carries it: spaces dropped, upper
 * case; null when what was recorded does not fit the format (the dossier
 * code still links the paper to the dossier, so the paper is still printed).
 */
export function qrApplicantId(recorded: string | null | undefined): string | null {
  const id = (recorded ?? '').replace(/\s/g, '').toUpperCase();
  return APPLICANT_ID.test(id) ? id : null;
}

/**
 * Reads a scanned or typed document QR: version 1, or a bare dossier code
 * (version 0, receipts printed before version 1). Whitespace around is
 * dropped (a wedge scanner's Enter) and letters are taken in upper case
 * (a wedge scanner types with the host's Caps Lock, which inverts them).
 */
export function parseDocumentQr(scanned: string): DocumentQr {
  const text = scanned.trim();
  if (text.length > DOCUMENT_QR_MAX_LENGTH) {
    throw new DocumentQrError(
      'QR_TOO_LONG',
      `Mã QR dài hơn mã của giấy tiếp nhận. ${RESCAN_VI}`,
      `Longer than any document QR (${String(text.length)} > ${String(DOCUMENT_QR_MAX_LENGTH)} characters)`,
    );
  }
  if (!/^[\x20-\x7e]*$/.test(text)) {
    throw new DocumentQrError(
      'QR_NOT_ASCII',
      `Mã QR có ký tự không thuộc mã của giấy tiếp nhận (có thể là mã QR trên thẻ Căn cước). ${RESCAN_VI}`,
      'A document QR is ASCII only',
    );
  }
  const upper = text.toUpperCase();
  if (DOSSIER_CODE.test(upper)) return { version: 0, dossierCode: upper };
  const parts = upper.split(SEPARATOR);
  const head = parts[0] ?? '';
  if (!head.startsWith(DOCUMENT_QR_PREFIX)) {
    throw new DocumentQrError(
      'QR_NOT_DOCUMENT',
      `Đây không phải mã QR trên giấy tờ của Bộ phận Một cửa. ${RESCAN_VI}`,
      'Neither a dossier code nor a document QR',
    );
  }
  if (head !== `${DOCUMENT_QR_PREFIX}${String(DOCUMENT_QR_VERSION)}` || parts.length !== 8) {
    throw new DocumentQrError(
      'QR_MALFORMED',
      `Mã QR chưa đọc được trọn vẹn hoặc thuộc phiên bản mới hơn của kiosk. ${RESCAN_VI}`,
      `Unknown version or field count (${head}, ${String(parts.length)} fields)`,
    );
  }
  const [, kind, dossierCode, procedureCode, applicantId, system, issued, appointment] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const issuedAt = unstamp(issued);
  const appointmentAt = appointment === '' ? null : unstamp(appointment);
  const fields = DocumentQrFieldsSchema.safeParse({
    kind,
    dossierCode,
    procedureCode,
    applicantId: applicantId === '' ? null : applicantId,
    system,
    issuedAt,
    appointmentAt: appointment === '' ? null : (appointmentAt ?? -1),
  });
  if (!fields.success) {
    throw new DocumentQrError(
      'QR_MALFORMED',
      `Mã QR chưa đọc được trọn vẹn. ${RESCAN_VI}`,
      `Document QR field invalid: ${fields.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  return { version: 1, ...fields.data };
}

/** The dossier code of a document QR of either version; null for any other text. */
export function dossierCodeOfQr(scanned: string): string | null {
  try {
    return parseDocumentQr(scanned).dossierCode;
  } catch (error) {
    if (error instanceof DocumentQrError) return null;
    throw error;
  }
}
