import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { DongBoHoSoMCSchema } from '../portal-contract/dong-bo-ho-so';
import { fromPortalDateTime } from '../portal-contract/portal-time';
import type { NewDossier } from './dossier-input';
import { parseNewDossier } from './dossier-writer';
import { StoreError } from './store-error';

/**
 * An import file: a JSON array of dossiers in the DongBoHoSoMC shape, where
 * `MaHoSo` may be left out (allocated on save) and each
 * `TaiLieuNop[].DuongDanTaiTepTin` names a local file (relative to the JSON
 * file's folder) whose bytes become the attachment.
 */
const ImportTaiLieuSchema = z.object({
  TepDinhKemId: z.string().optional(),
  TenTepDinhKem: z.string().min(1).optional(),
  IsDeleted: z.enum(['True', 'False']).default('False'),
  MaThanhPhanHoSo: z.string().default(''),
  DuongDanTaiTepTin: z.string().min(1),
});

export const ImportDossierSchema = DongBoHoSoMCSchema.extend({
  MaHoSo: DongBoHoSoMCSchema.shape.MaHoSo.optional(),
  ChuHoSo: z.string().trim().min(1),
  Email: z.string().default(''),
  SoDienThoai: z.string().default(''),
  TrangThaiHoSo: DongBoHoSoMCSchema.shape.TrangThaiHoSo.default('2'),
  HinhThuc: DongBoHoSoMCSchema.shape.HinhThuc.default('0'),
  TaiLieuNop: z.array(ImportTaiLieuSchema).default([]),
});
export type ImportDossier = z.output<typeof ImportDossierSchema>;

const MIME_BY_EXT: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.xml': 'application/xml',
  '.json': 'application/json',
};

interface Issue {
  path: string;
  message: string;
}

function invalid(file: string, issues: readonly Issue[]): StoreError {
  const first = issues[0] === undefined ? '' : `${issues[0].path}: ${issues[0].message}`;
  const more = issues.length > 1 ? ` (+${issues.length - 1})` : '';
  return new StoreError(
    'DOSSIER_INVALID',
    `Tệp ${file} không hợp lệ, chưa nhập hồ sơ nào. Sửa các mục được nêu rồi nhập lại: ${first}${more}`,
    `The file ${file} is invalid; nothing was imported. Fix the entries listed and import again: ${first}${more}`,
    [...issues],
  );
}

/**
 * Reads and checks the whole file, attachments included, before anything is
 * saved; every problem is named by entry and field (e.g.
 * `[2].TaiLieuNop[0].DuongDanTaiTepTin`). Returns dossiers ready for `saveAll`.
 */
export function readImportFile(file: string): NewDossier[] {
  return readImport(file).dossiers;
}

/**
 * {@link readImportFile} plus the SHA-256 of the bytes parsed, which names the
 * file for idempotent import (`DossierStore.importFile`).
 */
export function readImport(file: string): { sha256: string; dossiers: NewDossier[] } {
  let raw: unknown;
  let sha256: string;
  try {
    const bytes = readFileSync(file);
    sha256 = createHash('sha256').update(bytes).digest('hex');
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw invalid(file, [{ path: '(tệp)', message }]);
  }
  const parsed = z.array(ImportDossierSchema).min(1).safeParse(raw);
  if (!parsed.success) {
    throw invalid(
      file,
      parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })),
    );
  }
  const base = dirname(resolve(file));
  const issues: Issue[] = [];
  const out: NewDossier[] = [];
  parsed.data.forEach((d, index) => {
    const components: { code: string; fileName: string; mime: string; bytes: Buffer }[] = [];
    d.TaiLieuNop.forEach((t, j) => {
      if (t.IsDeleted === 'True') return;
      const where = `[${index}].TaiLieuNop[${j}].DuongDanTaiTepTin`;
      if (/^[a-z]+:\/\//i.test(t.DuongDanTaiTepTin)) {
        issues.push({ path: where, message: 'chỉ nhập được tệp trên máy (local file only)' });
        return;
      }
      const path = isAbsolute(t.DuongDanTaiTepTin)
        ? t.DuongDanTaiTepTin
        : resolve(base, t.DuongDanTaiTepTin);
      try {
        if (!statSync(path).isFile()) throw new Error('not a file');
        components.push({
          code: t.MaThanhPhanHoSo,
          fileName: t.TenTepDinhKem ?? path.split(/[\\/]/).pop() ?? 'tep',
          mime: MIME_BY_EXT[extname(path).toLowerCase()] ?? 'application/octet-stream',
          bytes: readFileSync(path),
        });
      } catch {
        issues.push({ path: where, message: `không đọc được tệp (cannot read file) ${path}` });
      }
    });
    const receivedAt = fromPortalDateTime(d.NgayTiepNhan);
    try {
      out.push(
        parseNewDossier({
          ...(d.MaHoSo === undefined ? {} : { code: d.MaHoSo }),
          procedure: {
            code: d.MaTTHC,
            name: d.TenTTHC,
            ...(d.MaLinhVuc === undefined ? {} : { fieldCode: d.MaLinhVuc }),
            ...(d.TenLinhVuc === undefined ? {} : { fieldName: d.TenLinhVuc }),
          },
          applicant: {
            kind: d.LoaiDoiTuong,
            name: d.ChuHoSo,
            ...(d.MaDoiTuong === undefined ? {} : { idNumber: d.MaDoiTuong }),
            email: d.Email,
            phone: d.SoDienThoai,
            source: 'import',
          },
          summary: d.TrichYeuHoSo,
          ...(d.GhiChu === undefined ? {} : { notes: d.GhiChu }),
          receivedAt,
          dueAt: fromPortalDateTime(d.NgayHenTra),
          channel: 'counter',
          status: d.TrangThaiHoSo,
          deliveryMode: d.HinhThuc,
          processingUnit: d.DonViXuLy,
          components,
        }),
      );
    } catch (error) {
      const inner = error instanceof StoreError ? (error.issues ?? []) : [];
      issues.push(...inner.map((i) => ({ path: `[${index}].${i.path}`, message: i.message })));
    }
  });
  if (issues.length > 0) throw invalid(file, issues);
  return { sha256, dossiers: out };
}

function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}
