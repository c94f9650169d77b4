/**
 * The training portal's checks of a DongBoHoSoMC batch, with the Vietnamese
 * message a clerk reads when the dossier is parked. The field rules are the
 * shared schema's (portal-contract); this file only words the refusal.
 */
import { z } from 'zod';
import { DongBoHoSoMCSchema, type DongBoHoSoMC } from '../services/portal-contract/dong-bo-ho-so';

/** Non-zero `error_code`s of the simulator; a real portal's catalogue is unknown (portal.md §1.6). */
export const SimErrorCode = {
  badRequest: 1,
  invalidDossier: 2,
  duplicate: 3,
  unknownDossier: 4,
  hashMismatch: 5,
  missingAttachment: 6,
  unauthorized: 401,
  rateLimited: 429,
  serverError: 500,
} as const;

const fieldHints: Readonly<Record<string, string>> = {
  MaHoSo: 'mã hồ sơ phải theo mẫu V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX',
  MaTTHC: 'mã thủ tục phải có dạng 1.001193',
  NgayTiepNhan: 'ngày phải theo dạng yyyyMMddHHmmss',
  NgayHenTra: 'ngày phải theo dạng yyyyMMddHHmmss',
  TrangThaiHoSo: 'trạng thái phải là mã từ 1 đến 10',
  LoaiDoiTuong: '"1" công dân hoặc "2" doanh nghiệp',
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** "Thiếu trường DonViXuLy; trường MaHoSo không hợp lệ (mã hồ sơ phải …)". */
export function describeIssues(input: unknown, issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 8).map((issue) => {
    const path = issue.path.map(String).join('.');
    const leaf = String(issue.path[issue.path.length - 1] ?? path);
    if (valueAt(input, issue.path) === undefined) return `thiếu trường ${path}`;
    const hint = fieldHints[leaf];
    return hint === undefined
      ? `trường ${path} không hợp lệ`
      : `trường ${path} không hợp lệ (${hint})`;
  });
  const more = issues.length > 8 ? `; và ${issues.length - 8} lỗi khác` : '';
  return parts.join('; ') + more;
}

export type BatchCheck =
  | { readonly ok: true; readonly dossiers: readonly DongBoHoSoMC[] }
  | { readonly ok: false; readonly message: string };

export function checkBatch(data: unknown): BatchCheck {
  const list = z.array(z.unknown()).min(1).safeParse(data);
  if (!list.success)
    return { ok: false, message: 'Trường data phải là một mảng hồ sơ không rỗng.' };
  const dossiers: DongBoHoSoMC[] = [];
  for (const [i, item] of list.data.entries()) {
    const parsed = DongBoHoSoMCSchema.safeParse(item);
    if (!parsed.success) {
      const code = valueAt(item, ['MaHoSo']);
      const which = typeof code === 'string' ? `Hồ sơ ${code}` : `Hồ sơ thứ ${i + 1}`;
      return {
        ok: false,
        message: `${which} không hợp lệ: ${describeIssues(item, parsed.error.issues)}.`,
      };
    }
    dossiers.push(parsed.data);
  }
  return { ok: true, dossiers };
}
