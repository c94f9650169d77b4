/**
 * The `DongBoHoSoMC` dossier object: what the kiosk sends to the portal's
 * `POST /api/integration {service:"DongBoHoSoMC", data:[…]}` and what
 * `TraCuuHoSo` returns. Field names follow ../shared/notes/portal.md §1.3 exactly,
 * so that integrators recognise them. Shared by the store (which builds it),
 * the sync engine and the portal simulator (which validates it).
 *
 * Every value is a string on the wire. Fields the reference client marks
 * "không bắt buộc" are optional; the others are required. `MaLinhVuc` and
 * `TenLinhVuc` are optional because one of the two reference clients sends
 * them as null. `Email` and `SoDienThoai` are required keys that may be empty
 * (a citizen at a counter may have neither).
 *
 * Pure: zod only, no Node modules.
 */
import { z } from 'zod';

/** `V1V2V3.Z1Z2.Y1Y2.MX1X2`, the receiving unit's electronic identifier (e.g. `000.00.53.H48`). */
export const AGENCY_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
/** `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX` (Circular 01/2018/TT-VPCP Art. 19). */
export const DOSSIER_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$/;
/** National procedure code, e.g. `1.001193`. */
export const PROCEDURE_CODE_PATTERN = /^\d\.\d{6}$/;

/** True when `s` is a real calendar instant written `yyyyMMddHHmmss`. */
export function isPortalDateTime(s: string): boolean {
  if (!/^\d{14}$/.test(s)) return false;
  const n = (from: number, to: number): number => Number(s.slice(from, to));
  const [y, mo, d, h, mi, se] = [n(0, 4), n(4, 6), n(6, 8), n(8, 10), n(10, 12), n(12, 14)];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, se));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === se
  );
}

const PortalDateTime = z
  .string()
  .refine(isPortalDateTime, { message: 'expected yyyyMMddHHmmss (Asia/Ho_Chi_Minh)' });
const TrueFalse = z.enum(['True', 'False']);

/** One submitted document: its file is fetched by the portal from `DuongDanTaiTepTin`. */
export const TaiLieuNopSchema = z.object({
  TepDinhKemId: z.string().min(1),
  TenTepDinhKem: z.string().min(1),
  IsDeleted: TrueFalse,
  MaThanhPhanHoSo: z.string(),
  DuongDanTaiTepTin: z.string().min(1),
});
export type TaiLieuNop = z.infer<typeof TaiLieuNopSchema>;

export const GiayToKetQuaSchema = z.object({
  TenGiayTo: z.string(),
  MaThanhPhanHoSo: z.string(),
  GiayToId: z.string(),
  DuongDanTepTinKetQua: z.string(),
});

export const LePhiSchema = z.object({
  TenPhiLePhi: z.string(),
  MaPhiLePhi: z.string(),
  HinhThucThu: z.string(),
  Gia: z.string(),
  LoaiPhiLePhi: z.string(),
});

export const TepDinhKemKhacSchema = z.object({
  TenGiayTo: z.string(),
  SoLuong: z.string(),
  LoaiGiayTo: z.string(),
});

/** Dossier status codes 1–10 (portal.md §2); a counter dossier starts at "2". */
export const TrangThaiHoSoSchema = z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);

export const DongBoHoSoMCSchema = z.object({
  MaHoSo: z.string().regex(DOSSIER_CODE_PATTERN, 'expected V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX'),
  MaTTHC: z.string().regex(PROCEDURE_CODE_PATTERN, 'expected a procedure code like 1.001193'),
  TenTTHC: z.string().min(1),
  MaLinhVuc: z.string().optional(),
  TenLinhVuc: z.string().optional(),
  SoBienNhan: z.string().optional(),
  ChuHoSo: z.string().optional(),
  /** "1" citizen, "2" business. */
  LoaiDoiTuong: z.enum(['1', '2']),
  MaDoiTuong: z.string().optional(),
  ThongTinKhac: z.string().optional(),
  Email: z.string(),
  Fax: z.string().optional(),
  SoDienThoai: z.string(),
  TrichYeuHoSo: z.string().min(1),
  NgayTiepNhan: PortalDateTime,
  NgayHenTra: PortalDateTime,
  TrangThaiHoSo: TrangThaiHoSoSchema,
  NgayTra: PortalDateTime.optional(),
  ThongTinTra: z.string().optional(),
  /** "0" by default; "1" when the result is delivered by post. */
  HinhThuc: z.enum(['0', '1']),
  NgayKetThucXuLy: PortalDateTime.optional(),
  DonViXuLy: z.string().min(1),
  /** The reference client dropped notes past ~2,000 characters because the call broke. */
  GhiChu: z.string().max(2000).optional(),
  TaiLieuNop: z.array(TaiLieuNopSchema).optional(),
  DanhSachGiayToKetQua: z.array(GiayToKetQuaSchema).optional(),
  DanhSachLePhi: z.array(LePhiSchema).optional(),
  DanhSachTepDinhKemKhac: z.array(TepDinhKemKhacSchema).optional(),
  /** Supplement rounds; the kiosk never sends them, a portal may return them. */
  DanhSachHoSoBoSung: z.array(z.record(z.string(), z.unknown())).optional(),
});
export type DongBoHoSoMC = z.infer<typeof DongBoHoSoMCSchema>;
