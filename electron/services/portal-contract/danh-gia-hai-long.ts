/**
 * The satisfaction survey object the kiosk sends the portal (issue 19 item 5).
 *
 * UNCONFIRMED: Decision 31/2021/QĐ-TTg Art. 30 says survey data goes to the
 * national portal (DVCQG), but no public source describes its interface.
 * The service name, the fields and the score scale below are this project's
 * own, spoken by the portal simulator; the portal client is the one place to
 * change once the real interface is known (see README, "Ratings").
 */
import { z } from 'zod';
import { ratingReasons, type RatingScore } from '../../api/contract/rating';

/** The integration service name (UNCONFIRMED). */
export const SURVEY_SERVICE = 'DanhGiaHaiLongMC';

/** Higher is better, as satisfaction indicators are usually summed (UNCONFIRMED scale). */
export const surveyLevels: Readonly<Record<RatingScore, '1' | '2' | '3' | '4'>> = {
  very_satisfied: '4',
  satisfied: '3',
  neutral: '2',
  dissatisfied: '1',
};

export const DanhGiaHaiLongSchema = z
  .object({
    /** The rating's id: the idempotency key, the same on every retry. */
    MaDanhGia: z.string().min(1).max(64),
    /** The dossier served, '' when the service produced none (advice, a lookup). */
    MaHoSo: z.string().max(64),
    /** The ticket's number of the day and its date (yyyyMMdd). */
    SoThuTu: z.number().int().min(0),
    NgayLaySo: z.string().regex(/^\d{8}$/),
    LinhVuc: z.string().max(10),
    Quay: z.number().int().min(1).max(99),
    /** The clerk's username ('' when none was signed in). */
    CanBo: z.string().max(64),
    MucDoHaiLong: z.enum(['1', '2', '3', '4']),
    LyDo: z.array(z.enum(ratingReasons)).max(ratingReasons.length),
    ThoiGianDanhGia: z.string().regex(/^\d{14}$/),
  })
  .strict();
export type DanhGiaHaiLong = z.infer<typeof DanhGiaHaiLongSchema>;
