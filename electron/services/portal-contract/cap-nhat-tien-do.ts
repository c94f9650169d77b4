/**
 * The `CapNhatTienDoHoSoMC` progress object (../shared/notes/portal.md §1.5):
 * one step in a dossier's processing after intake, pushed to the portal only
 * after the dossier's DongBoHoSoMC create was acknowledged. Field names are
 * the reference client's; which are optional follows its comments. Shared by
 * the store (which builds it), the sync engine and the portal simulator.
 *
 * Pure: zod only, no Node modules.
 */
import { z } from 'zod';
import { DOSSIER_CODE_PATTERN, isPortalDateTime, TrangThaiHoSoSchema } from './dong-bo-ho-so';

const PortalDateTime = z
  .string()
  .refine(isPortalDateTime, { message: 'expected yyyyMMddHHmmss (Asia/Ho_Chi_Minh)' });

export const CapNhatTienDoSchema = z.object({
  MaHoSo: z.string().regex(DOSSIER_CODE_PATTERN),
  NguoiXuLy: z.string().min(1),
  ChucDanh: z.string().optional(),
  ThoiDiemXuLy: PortalDateTime,
  PhongBanXuLy: z.string().optional(),
  NoiDungXuLy: z.string().min(1),
  TrangThai: TrangThaiHoSoSchema,
  NgayBatDau: PortalDateTime.optional(),
  NgayKetThucTheoQuyDinh: PortalDateTime.optional(),
});
export type CapNhatTienDo = z.infer<typeof CapNhatTienDoSchema>;
