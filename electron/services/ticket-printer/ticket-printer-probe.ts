import type { HealthCheck, HealthProbe } from '../health/health-check';
import { parsePrinterAddress } from './printer-address';
import { EscPosTicketPrinter, type TicketPrinter } from './ticket-printer';
import { TicketPrinterError } from './ticket-printer-error';
import type { PaperWidthMm } from './ticket-to-print';

/** config.ticketPrinter as the probe needs it. */
export interface TicketPrinterSettings {
  readonly url: string;
  readonly paperWidthMm: PaperWidthMm;
  readonly timeoutMs: number;
}

const probe = { id: 'ticket-printer', kind: 'device' as const };

/** What the probe saw, for the Diagnostics screen. */
const seen: Record<TicketPrinterError['code'], string> = {
  PRINTER_OFFLINE: 'Không kết nối được máy in số thứ tự (chưa bật hoặc mất kết nối).',
  PRINTER_NOT_ANSWERING: 'Máy in số thứ tự không trả lời lệnh hỏi trạng thái.',
  PRINTER_PAPER_OUT: 'Máy in số thứ tự hết giấy.',
  PRINTER_COVER_OPEN: 'Nắp máy in số thứ tự đang mở.',
  PRINTER_FAULT: 'Máy in số thứ tự đang báo lỗi.',
  PRINTER_ADDRESS_INVALID: 'Địa chỉ máy in số thứ tự trong cấu hình không đúng.',
};

/** What IT does about each state, said to the technician rather than the citizen. */
const fixes = {
  PRINTER_OFFLINE: {
    vi: 'Bật nguồn máy in số thứ tự, kiểm tra cáp mạng/USB và địa chỉ ticketPrinter.url trong cấu hình, rồi bấm Kiểm tra lại.',
    en: 'Switch the ticket printer on, check its network/USB cable and ticketPrinter.url in the config, then check again.',
  },
  PRINTER_NOT_ANSWERING: {
    vi: 'Máy in nhận kết nối nhưng không trả lời lệnh trạng thái ESC/POS: kiểm tra đúng là máy in nhiệt ESC/POS và đúng cổng (thường 9100).',
    en: 'The printer accepts the connection but does not answer the ESC/POS status request: check it is an ESC/POS thermal printer on the right port (usually 9100).',
  },
  PRINTER_PAPER_OUT: {
    vi: 'Thay cuộn giấy in nhiệt (58 hoặc 80 mm), đóng nắp, rồi bấm Kiểm tra lại.',
    en: 'Load a thermal paper roll (58 or 80 mm), close the cover, then check again.',
  },
  PRINTER_COVER_OPEN: {
    vi: 'Đóng nắp máy in số thứ tự cho khớp, rồi bấm Kiểm tra lại.',
    en: 'Close the ticket printer cover firmly, then check again.',
  },
  PRINTER_FAULT: {
    vi: 'Tắt máy in, gỡ giấy kẹt hoặc để đầu in nguội, bật lại; nếu còn lỗi, báo bảo hành.',
    en: 'Switch the printer off, clear any jam or let the head cool, switch it on; if the fault stays, call for service.',
  },
  PRINTER_ADDRESS_INVALID: {
    vi: 'Sửa ticketPrinter.url trong cấu hình: dạng tcp://MÁY:9100 hoặc /dev/usb/lp0.',
    en: 'Fix ticketPrinter.url in the config: tcp://HOST:9100 or /dev/usb/lp0.',
  },
} as const satisfies Record<TicketPrinterError['code'], { vi: string; en: string }>;

function failed(error: TicketPrinterError): HealthCheck {
  return {
    ...probe,
    status: 'fail',
    detail: error.message,
    detailVi: seen[error.code],
    fix: fixes[error.code],
  };
}

/**
 * Diagnostics line `ticket-printer`: the queue ticket printer asked its state
 * (no paper used), so IT learns of an empty roll or an unplugged printer
 * before a citizen takes a number. Only when `ticketPrinter.url` is set; the
 * `printer` line covers the CUPS printer that prints receipts.
 */
export function createTicketPrinterProbe(
  settings: TicketPrinterSettings,
  printer?: TicketPrinter,
): HealthProbe | null {
  if (settings.url.trim() === '') return null;
  return {
    ...probe,
    check: async (): Promise<HealthCheck> => {
      try {
        const chosen =
          printer ??
          new EscPosTicketPrinter({
            address: parsePrinterAddress(settings.url),
            paper: settings.paperWidthMm,
            timeoutMs: settings.timeoutMs,
          });
        const state = await chosen.status();
        if (state.paperOut)
          throw new TicketPrinterError('PRINTER_PAPER_OUT', 'paper end sensor set');
        if (state.coverOpen) throw new TicketPrinterError('PRINTER_COVER_OPEN', 'cover open');
        if (state.error) throw new TicketPrinterError('PRINTER_FAULT', 'error bit set');
        if (state.paperNearEnd) {
          return {
            ...probe,
            status: 'warn',
            detail: `${settings.url}: paper near end`,
            detailVi: 'Máy in số thứ tự sắp hết giấy.',
            fix: {
              vi: 'Chuẩn bị thay cuộn giấy in nhiệt trước khi hết hẳn.',
              en: 'Have a new thermal roll ready before this one runs out.',
            },
          };
        }
        return {
          ...probe,
          status: 'ok',
          detail: `${settings.url}: ready, ${settings.paperWidthMm} mm roll`,
          detailVi: `Máy in số thứ tự sẵn sàng (cuộn ${settings.paperWidthMm} mm).`,
        };
      } catch (error) {
        if (error instanceof TicketPrinterError) return failed(error);
        throw error;
      }
    },
  };
}
