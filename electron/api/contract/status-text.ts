import type { TrangThaiHoSoSchema } from './dossier';
import type { z } from 'zod';

type TrangThai = z.infer<typeof TrangThaiHoSoSchema>;

/**
 * The portal's dossier status codes (TrangThaiHoSo, notes/portal.md §2) as
 * a citizen reads them, Vietnamese first; the lookup answers them and the
 * staff dossier list shows them.
 */
export const STATUS_TEXT: Readonly<
  Record<TrangThai, { readonly vi: string; readonly en: string }>
> = {
  '1': { vi: 'Mới đăng ký', en: 'Submitted, not yet accepted' },
  '2': { vi: 'Được tiếp nhận', en: 'Accepted by the one-stop desk' },
  '3': { vi: 'Không được tiếp nhận', en: 'Refused at intake' },
  '4': { vi: 'Đang xử lý', en: 'Being processed' },
  '5': { vi: 'Yêu cầu bổ sung giấy tờ', en: 'More documents requested' },
  '6': { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Fees or taxes due' },
  '7': { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn by the applicant' },
  '8': { vi: 'Dừng xử lý', en: 'Processing stopped' },
  '9': { vi: 'Đã xử lý xong', en: 'Result ready for collection' },
  '10': { vi: 'Đã trả kết quả', en: 'Result handed over' },
};

export function isTrangThai(value: string | null): value is TrangThai {
  return value !== null && Object.hasOwn(STATUS_TEXT, value);
}
