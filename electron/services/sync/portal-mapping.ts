import type { DongBoHoSoMC, TaiLieuNop } from '../portal-contract/dong-bo-ho-so';
import { toPortalDateTime } from '../portal-contract/portal-time';
import type { DossierView } from '../store/dossier-view';
import { StoreError } from '../store/store-error';

/**
 * The dossier as the portal's DongBoHoSoMC object (portal.md §1.3). Only
 * attachments whose upload the portal acknowledged are listed, with the url
 * the file store returned; `TepDinhKemId` is the file store's id, else the
 * component's own id, so it is stable across retries.
 */
export function toPortalDossier(d: DossierView): DongBoHoSoMC {
  if (d.applicant === null || d.summary === null) {
    throw new StoreError(
      'DOSSIER_PURGED',
      `Dữ liệu cá nhân của hồ sơ ${d.code} đã được xóa theo thời hạn lưu trữ; không thể gửi lại.`,
      `The personal data of dossier ${d.code} was purged by the retention policy; it cannot be sent again.`,
    );
  }
  const files: TaiLieuNop[] = [];
  for (const c of d.components) {
    if (c.portalUrl === null) continue;
    files.push({
      TepDinhKemId: c.portalFileId ?? c.id,
      TenTepDinhKem: c.fileName ?? `${c.code || 'tep'}-${c.seq}`,
      IsDeleted: 'False',
      MaThanhPhanHoSo: c.code,
      DuongDanTaiTepTin: c.portalUrl,
    });
  }
  return {
    MaHoSo: d.code,
    MaTTHC: d.procedureCode,
    TenTTHC: d.procedureName,
    ...(d.fieldCode === null ? {} : { MaLinhVuc: d.fieldCode }),
    ...(d.fieldName === null ? {} : { TenLinhVuc: d.fieldName }),
    ChuHoSo: d.applicant.name,
    LoaiDoiTuong: d.applicant.kind,
    ...(d.applicant.idNumber === null ? {} : { MaDoiTuong: d.applicant.idNumber }),
    Email: d.applicant.email,
    SoDienThoai: d.applicant.phone,
    TrichYeuHoSo: d.summary,
    NgayTiepNhan: toPortalDateTime(d.receivedAt),
    NgayHenTra: toPortalDateTime(d.dueAt),
    TrangThaiHoSo: d.status,
    HinhThuc: d.deliveryMode,
    DonViXuLy: d.processingUnit,
    ...(d.notes === null ? {} : { GhiChu: d.notes }),
    TaiLieuNop: files,
  };
}
