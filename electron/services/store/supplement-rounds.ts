/**
 * A dossier's supplement rounds as the portal's `DanhSachHoSoBoSung`
 * (notes/portal.md §1.3 names the fields, not their formats): each Mẫu 02
 * request with the supplement received after it, if any. Field formats the
 * notes do not give are UNCONFIRMED: dates as the portal's yyyyMMddHHmmss
 * like every other date, TrangThaiBoSung "1" received / "0" awaited, the
 * received papers as names only in DanhSachGiayToBoSung, no fees.
 */
import { toPortalDateTime } from '../portal-contract/portal-time';
import { EventDetailSchema } from './return-store';
import { openField, type StoreContext } from './store-context';

interface RoundEvent {
  id: string;
  at: number;
  kind: 'supplement' | 'supplement-received';
  detail_enc: Buffer | null;
  new_due_at: number | null;
}

export type HoSoBoSung = Record<string, unknown>;

export function supplementRounds(ctx: StoreContext, dossierId: string): HoSoBoSung[] {
  const events = ctx.db
    .prepare<[string], RoundEvent>(
      `SELECT id, at, kind, detail_enc, new_due_at FROM dossier_events
       WHERE dossier_id = ? AND kind IN ('supplement', 'supplement-received') ORDER BY at, id`,
    )
    .all(dossierId);
  const detailOf = (e: RoundEvent) =>
    EventDetailSchema.parse(
      JSON.parse(openField(ctx, 'dossier_events.detail', e.id, e.detail_enc) ?? '{}'),
    );
  const rounds: HoSoBoSung[] = [];
  events.forEach((request, i) => {
    if (request.kind !== 'supplement') return;
    const asked = detailOf(request);
    const next = events[i + 1];
    const received = next?.kind === 'supplement-received' ? next : undefined;
    const got = received === undefined ? undefined : detailOf(received);
    rounds.push({
      HoSoBoSungId: request.id,
      NguoiYeuCauBoSung: asked.handler.name,
      NoiDungBoSung: asked.detail,
      NgayBoSung: toPortalDateTime(request.at),
      TrangThaiBoSung: received === undefined ? '0' : '1',
      ...(received === undefined || got === undefined
        ? {}
        : {
            NguoiTiepNhanBoSung: got.handler.name,
            ThongTinTiepNhan: got.detail,
            NgayTiepNhanBoSung: toPortalDateTime(received.at),
            DanhSachGiayToBoSung: got.detail.split('; ').map((TenGiayTo) => ({ TenGiayTo })),
            DanhSachLePhiBoSung: [],
            ...(got.previousDueAt === undefined
              ? {}
              : { NgayHenTraTruoc: toPortalDateTime(got.previousDueAt) }),
            ...(received.new_due_at === null
              ? {}
              : { NgayHenTraMoi: toPortalDateTime(received.new_due_at) }),
          }),
    });
  });
  return rounds;
}
