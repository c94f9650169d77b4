import type { z } from 'zod';
import type { ApiError } from '../../api/errors';
import { KioskError } from '../../api/errors';
import {
  entriesOf,
  isPublished,
  LayThuTucEntrySchema,
  type LayThuTucEntry,
} from './laythutuc-schema';

type Issue = NonNullable<ApiError['issues']>[number];

const label = (raw: unknown, i: number): string => {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const code =
    typeof r.MATTHC === 'string' || typeof r.MATTHC === 'number' ? String(r.MATTHC) : '?';
  const name = typeof r.TENTTHC === 'string' ? ` ${r.TENTTHC}` : '';
  return `mục ${i + 1} (${code}${name})`;
};

const issuesOf = (error: z.ZodError, raw: unknown, i: number): Issue[] =>
  error.issues.map((issue) => ({
    path: [`entries[${i}]`, ...issue.path.map(String)].join('.'),
    message: `${label(raw, i)}: ${issue.message}`,
  }));

const invalid = (issues: Issue[]): KioskError =>
  new KioskError(
    'CATALOGUE_INVALID',
    `The file is not a valid LayThuTuc answer (${issues.length} problem(s)); nothing was imported`,
    issues,
  );

/**
 * The published entries of a LayThuTuc answer, and the unpublished ones it
 * skips. Throws CATALOGUE_INVALID naming every bad entry, so one bad entry
 * stops the whole file: an import is all or nothing.
 */
export function readLayThuTuc(text: string): {
  entries: LayThuTucEntry[];
  skipped: { code: string; name: string; reason: string }[];
} {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw invalid([{ path: 'file', message: `Tệp không phải JSON: ${detail}` }]);
  }
  const raw = entriesOf(json);
  if (raw === undefined || raw.length === 0) {
    throw invalid([
      { path: 'file', message: 'Không tìm thấy danh sách thủ tục (các mục có MATTHC, TENTTHC)' },
    ]);
  }
  const issues: Issue[] = [];
  const entries: LayThuTucEntry[] = [];
  const skipped: { code: string; name: string; reason: string }[] = [];
  const seen = new Map<string, number>();
  raw.forEach((item, i) => {
    const parsed = LayThuTucEntrySchema.safeParse(item);
    if (!parsed.success) {
      issues.push(...issuesOf(parsed.error, item, i));
      return;
    }
    const entry = parsed.data;
    const first = seen.get(entry.MATTHC);
    if (first !== undefined) {
      issues.push({
        path: `entries[${i}].MATTHC`,
        message: `${label(item, i)}: trùng mã với mục ${first + 1}`,
      });
      return;
    }
    seen.set(entry.MATTHC, i);
    if (isPublished(entry)) entries.push(entry);
    else {
      skipped.push({
        code: entry.MATTHC,
        name: entry.TENTTHC,
        reason: `TRANGTHAI = ${String(entry.TRANGTHAI)}: chưa công bố / not published`,
      });
    }
  });
  if (issues.length > 0) throw invalid(issues);
  return { entries, skipped };
}
