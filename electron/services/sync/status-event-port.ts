import type { CapNhatTienDo } from '../portal-contract/cap-nhat-tien-do';
import type { DongBoHoSoMC } from '../portal-contract/dong-bo-ho-so';

/**
 * What the sync engine needs from the store to send a dossier's status
 * events (issue 17) after its create: result files, progress objects and the
 * DongBoHoSoMC update that carries the return.
 */
export interface StatusEventPort {
  /** True once the portal acknowledged the dossier's DongBoHoSoMC create. */
  portalCreated(dossierId: string): boolean;
  /** Decrypted bytes of a result document's PDF (audited as a read for sync). */
  readResult(resultId: string): { readonly bytes: Buffer; readonly sha256: string };
  /** The file store acknowledged a result's upload: remember its portal id and url. */
  recordResultUpload(resultId: string, fileId: string, url: string): void;
  /** The event as a CapNhatTienDoHoSoMC object; deterministic, so a replay is identical. */
  progressObject(eventId: string): CapNhatTienDo;
  /**
   * The dossier as a DongBoHoSoMC update: TrangThaiHoSo, and once returned
   * NgayTra, ThongTinTra, HinhThuc and DanhSachGiayToKetQua. Throws when a
   * result named there has no acknowledged upload yet.
   */
  updateObject(dossierId: string): DongBoHoSoMC;
}
