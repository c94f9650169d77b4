import type { DanhGiaHaiLong } from '../portal-contract/danh-gia-hai-long';

/**
 * The portal's satisfaction survey interface (UNCONFIRMED, see
 * danh-gia-hai-long.ts). Apart from {@link Portal} so the dossier sync and
 * its tests do not change when this interface does. Throws a PortalError.
 */
export interface SurveyPortal {
  /** True when the portal answers at all (any HTTP status). */
  ping(): Promise<boolean>;
  /** Sends one rating; sending the same MaDanhGia again must be harmless. */
  submitSurvey(rating: DanhGiaHaiLong): Promise<void>;
}
