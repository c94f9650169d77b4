import type { CapNhatTienDo } from '../portal-contract/cap-nhat-tien-do';
import type { DongBoHoSoMC } from '../portal-contract/dong-bo-ho-so';
import { toPortalDateTime } from '../portal-contract/portal-time';
import type { StatusEventPort } from '../sync/status-event-port';
import { readDossier } from './dossier-reader';
import { toPortalDossier } from '../sync/portal-mapping';
import { EventDetailSchema } from './return-store';
import { openField, type StoreContext } from './store-context';
import { StoreError } from './store-error';
import { supplementRounds } from './supplement-rounds';

/** The actor name the sync engine's reads are audited under (as in sqlite-outbox.ts). */
const SYNC_ACTOR = 'sync-engine';

/** The role printed as ChucDanh when the clerk's own title is not known. */
const DEFAULT_TITLE = 'Công chức Bộ phận tiếp nhận và trả kết quả';

interface EventRow {
  id: string;
  dossier_id: string;
  at: number;
  status: string;
  detail_enc: Buffer | null;
  code: string;
  received_at: number;
  due_at: number;
  processing_unit: string;
}

/** The store's side of {@link StatusEventPort}: status events as the portal's objects. */
export class SqliteStatusEvents implements StatusEventPort {
  readonly #ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
  }

  portalCreated(dossierId: string): boolean {
    const row = this.#ctx.db
      .prepare<[string], { c: number }>('SELECT portal_created AS c FROM dossiers WHERE id = ?')
      .get(dossierId);
    return row?.c === 1;
  }

  readResult(resultId: string): { bytes: Buffer; sha256: string } {
    const row = this.#ctx.db
      .prepare<[string], { dossier_id: string; blob_sha256: string | null }>(
        'SELECT dossier_id, blob_sha256 FROM result_documents WHERE id = ?',
      )
      .get(resultId);
    if (row?.blob_sha256 == null) {
      throw new StoreError(
        'STORE_BLOB_MISSING',
        'Tệp kết quả của hồ sơ không còn trên máy; hãy quét lại kết quả.',
        `Result document ${resultId} has no file on this kiosk.`,
      );
    }
    this.#ctx.audit.record(
      this.#ctx.now(),
      SYNC_ACTOR,
      'read-for-sync',
      row.dossier_id,
      `result=${resultId}`,
    );
    return { bytes: this.#ctx.blobs.read(row.blob_sha256), sha256: row.blob_sha256 };
  }

  recordResultUpload(resultId: string, fileId: string, url: string): void {
    this.#ctx.db
      .prepare('UPDATE result_documents SET portal_file_id = ?, portal_url = ? WHERE id = ?')
      .run(fileId, url, resultId);
  }

  progressObject(eventId: string): CapNhatTienDo {
    const row = this.#ctx.db
      .prepare<[string], EventRow>(
        `SELECT e.id, e.dossier_id, e.at, e.status, e.detail_enc,
           d.code, d.received_at, d.due_at, d.processing_unit
         FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE e.id = ?`,
      )
      .get(eventId);
    if (row === undefined) throw new Error(`dossier event ${eventId} is gone`);
    const detail = EventDetailSchema.parse(
      JSON.parse(openField(this.#ctx, 'dossier_events.detail', row.id, row.detail_enc) ?? '{}'),
    );
    return {
      MaHoSo: row.code,
      NguoiXuLy: detail.handler.name,
      ChucDanh: detail.handler.title ?? DEFAULT_TITLE,
      ThoiDiemXuLy: toPortalDateTime(row.at),
      PhongBanXuLy: detail.handler.unit ?? row.processing_unit,
      NoiDungXuLy: detail.content,
      TrangThai: row.status as CapNhatTienDo['TrangThai'],
      NgayBatDau: toPortalDateTime(row.received_at),
      NgayKetThucTheoQuyDinh: toPortalDateTime(row.due_at),
    };
  }

  updateObject(dossierId: string): DongBoHoSoMC {
    const dossier = toPortalDossier(readDossier(this.#ctx, dossierId, SYNC_ACTOR, 'read-for-sync'));
    // Every update carries the rounds so far, so a later update never drops an earlier round.
    const rounds = supplementRounds(this.#ctx, dossierId);
    const base = rounds.length === 0 ? dossier : { ...dossier, DanhSachHoSoBoSung: rounds };
    const ret = this.#ctx.db
      .prepare<[string], { returned_at: number; hinh_thuc: '0' | '1' }>(
        'SELECT returned_at, hinh_thuc FROM dossier_returns WHERE dossier_id = ?',
      )
      .get(dossierId);
    if (ret === undefined) return base;
    const info = this.#ctx.db
      .prepare<[string], { id: string; detail_enc: Buffer | null }>(
        `SELECT id, detail_enc FROM dossier_events WHERE dossier_id = ? AND kind = 'returned'`,
      )
      .get(dossierId);
    const detail =
      info === undefined
        ? null
        : EventDetailSchema.parse(
            JSON.parse(
              openField(this.#ctx, 'dossier_events.detail', info.id, info.detail_enc) ?? '{}',
            ),
          );
    const results = this.#ctx.db
      .prepare<
        [string],
        {
          id: string;
          name: string;
          component_code: string;
          portal_file_id: string | null;
          portal_url: string | null;
        }
      >(
        `SELECT id, name, component_code, portal_file_id, portal_url
         FROM result_documents WHERE dossier_id = ? ORDER BY seq`,
      )
      .all(dossierId);
    const missing = results.find((r) => r.portal_url === null);
    if (missing !== undefined) {
      // Ordered rows upload every result first; a gap is a local fault, never a dangling link.
      throw new Error(`result ${missing.id} of dossier ${dossierId} has no acknowledged upload`);
    }
    return {
      ...base,
      TrangThaiHoSo: '10',
      NgayTra: toPortalDateTime(ret.returned_at),
      ThongTinTra: detail?.returnInfo ?? 'Đã trả kết quả',
      HinhThuc: ret.hinh_thuc,
      DanhSachGiayToKetQua: results.map((r) => ({
        TenGiayTo: r.name,
        MaThanhPhanHoSo: r.component_code,
        GiayToId: r.portal_file_id ?? r.id,
        DuongDanTepTinKetQua: r.portal_url ?? '',
      })),
    };
  }
}
