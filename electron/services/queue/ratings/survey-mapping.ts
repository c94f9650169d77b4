import { toPortalDateTime } from '../../portal-contract/portal-time';
import { surveyLevels, type DanhGiaHaiLong } from '../../portal-contract/danh-gia-hai-long';
import type { OwedRating } from './rating-store';

/** An owed rating as the survey object; deterministic, so a retry sends the same bytes. */
export function toSurvey(rating: OwedRating): DanhGiaHaiLong {
  return {
    MaDanhGia: rating.id,
    MaHoSo: rating.dossierCode ?? '',
    SoThuTu: rating.number ?? 0,
    NgayLaySo: rating.day.replaceAll('-', ''),
    LinhVuc: rating.area ?? '',
    Quay: rating.counter,
    CanBo: rating.clerk ?? '',
    MucDoHaiLong: surveyLevels[rating.score],
    LyDo: [...rating.reasons],
    ThoiGianDanhGia: toPortalDateTime(rating.ratedAt),
  };
}
