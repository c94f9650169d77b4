import type { TicketPrinterErrorCode } from './errors';

/**
 * What the kiosk says to the citizen (vi first, en for the English screen):
 * what happened, then what to do. The number is already on the screen when
 * printing fails, so every text sends the citizen on with it.
 */
export const ticketPrinterMessages: Readonly<
  Record<TicketPrinterErrorCode, { readonly vi: string; readonly en: string }>
> = {
  PRINTER_OFFLINE: {
    vi: 'Máy in phiếu chưa sẵn sàng (mất kết nối hoặc chưa bật). Mời Ông/Bà ghi nhớ số thứ tự trên màn hình và báo cán bộ tại quầy tiếp nhận.',
    en: 'The ticket printer is not ready (disconnected or switched off). Please note your number on the screen and tell the staff at the reception counter.',
  },
  PRINTER_NOT_ANSWERING: {
    vi: 'Máy in phiếu không phản hồi. Mời Ông/Bà ghi nhớ số thứ tự trên màn hình và báo cán bộ tại quầy tiếp nhận.',
    en: 'The ticket printer does not answer. Please note your number on the screen and tell the staff at the reception counter.',
  },
  PRINTER_PAPER_OUT: {
    vi: 'Máy in phiếu đang hết giấy. Mời Ông/Bà ghi nhớ số thứ tự trên màn hình và báo cán bộ tại quầy tiếp nhận để thay giấy.',
    en: 'The ticket printer is out of paper. Please note your number on the screen and tell the staff at the reception counter so they can refill it.',
  },
  PRINTER_COVER_OPEN: {
    vi: 'Nắp máy in phiếu đang mở. Mời Ông/Bà ghi nhớ số thứ tự trên màn hình và báo cán bộ tại quầy tiếp nhận.',
    en: 'The ticket printer cover is open. Please note your number on the screen and tell the staff at the reception counter.',
  },
  PRINTER_FAULT: {
    vi: 'Máy in phiếu đang báo lỗi. Mời Ông/Bà ghi nhớ số thứ tự trên màn hình và báo cán bộ tại quầy tiếp nhận.',
    en: 'The ticket printer reports a fault. Please note your number on the screen and tell the staff at the reception counter.',
  },
  PRINTER_ADDRESS_INVALID: {
    vi: 'Địa chỉ máy in phiếu trong cấu hình không đúng (cần dạng tcp://MÁY:9100 hoặc /dev/usb/lp0). Mời báo cán bộ kỹ thuật.',
    en: 'The ticket printer address in the configuration is wrong (expected tcp://HOST:9100 or /dev/usb/lp0). Please tell IT.',
  },
};
