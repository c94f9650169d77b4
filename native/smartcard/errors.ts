/**
 * Typed chip-card failures. Each carries a Vietnamese and an English message
 * that says what the clerk should do next; `code` is stable for the API and
 * the CLI's exit codes.
 */
export type CardErrorCode =
  | 'PCSCD_DOWN'
  | 'NO_READER'
  | 'NO_CARD'
  | 'CARD_REMOVED'
  | 'NOT_AN_ID_CARD'
  | 'ACCESS_DENIED'
  | 'BAD_ACCESS_DATA'
  | 'SECURE_MESSAGING'
  | 'FILE_NOT_FOUND'
  | 'STATUS_WORD'
  | 'MALFORMED_RESPONSE'
  | 'CANCELLED'
  | 'TRANSPORT';

export class CardError extends Error {
  readonly code: CardErrorCode;
  readonly vi: string;
  readonly en: string;

  constructor(code: CardErrorCode, vi: string, en: string, options?: { cause?: unknown }) {
    super(`${vi} / ${en}`, options);
    this.name = 'CardError';
    this.code = code;
    this.vi = vi;
    this.en = en;
  }
}

/** A status word the card answered with, kept for diagnostics. */
export class StatusWordError extends CardError {
  readonly sw: number;

  constructor(code: CardErrorCode, sw: number, vi: string, en: string) {
    super(code, vi, en);
    this.name = 'StatusWordError';
    this.sw = sw;
  }
}

export const cardErrors = {
  pcscdDown: (cause?: unknown) =>
    new CardError(
      'PCSCD_DOWN',
      'Dịch vụ thẻ thông minh (pcscd) không chạy; hãy khởi động lại dịch vụ pcscd hoặc máy kiosk.',
      'The smart-card service (pcscd) is not running; restart pcscd or the kiosk.',
      { cause },
    ),
  noReader: (name?: string) =>
    new CardError(
      'NO_READER',
      name === undefined
        ? 'Không tìm thấy đầu đọc thẻ; hãy cắm đầu đọc vào máy rồi thử lại.'
        : `Không tìm thấy đầu đọc thẻ "${name}"; hãy kiểm tra dây cắm rồi thử lại.`,
      name === undefined
        ? 'No card reader found; plug the reader in and try again.'
        : `Card reader "${name}" not found; check its cable and try again.`,
    ),
  noCard: () =>
    new CardError(
      'NO_CARD',
      'Chưa có thẻ trên đầu đọc; hãy đặt thẻ CCCD vào đầu đọc.',
      'No card on the reader; place the ID card on the reader.',
    ),
  cardRemoved: (cause?: unknown) =>
    new CardError(
      'CARD_REMOVED',
      'Thẻ đã bị rút ra trong khi đọc; hãy cắm lại thẻ và giữ yên cho đến khi đọc xong.',
      'The card was removed during the read; re-insert it and keep it still until the read ends.',
      { cause },
    ),
  notAnIdCard: (sw?: number) =>
    new CardError(
      'NOT_AN_ID_CARD',
      `Thẻ này không phải thẻ CCCD gắn chip${sw === undefined ? '' : ` (SW ${hexSw(sw)})`}; hãy dùng thẻ căn cước gắn chip.`,
      `This is not a chip ID card${sw === undefined ? '' : ` (SW ${hexSw(sw)})`}; use a chip ID card.`,
    ),
  accessDenied: (what: 'mrz' | 'can') =>
    what === 'mrz'
      ? new CardError(
          'ACCESS_DENIED',
          'Thông tin MRZ không khớp với thẻ; hãy kiểm tra lại số giấy tờ, ngày sinh và ngày hết hạn rồi đọc lại.',
          'The MRZ data does not match the card; check the document number, birth date and expiry date, then read again.',
        )
      : new CardError(
          'ACCESS_DENIED',
          'Mã CAN (6 số cuối số định danh) không khớp với thẻ; hãy kiểm tra lại rồi đọc lại.',
          'The CAN (last 6 digits of the ID) does not match the card; check it and read again.',
        ),
  secureMessaging: (detailEn: string) =>
    new CardError(
      'SECURE_MESSAGING',
      'Kênh bảo mật với chip bị lỗi (dữ liệu có thể bị can thiệp); hãy rút thẻ ra, cắm lại và đọc lại.',
      `Secure messaging with the chip failed (${detailEn}); remove the card, re-insert it and read again.`,
    ),
  malformed: (detailEn: string) =>
    new CardError(
      'MALFORMED_RESPONSE',
      'Chip trả về dữ liệu không hợp lệ; hãy đọc lại, nếu vẫn lỗi hãy dùng mã QR hoặc nhập tay.',
      `The chip answered with invalid data (${detailEn}); read again, or use the QR code or type the data.`,
    ),
  readerBusy: (cause?: unknown) =>
    new CardError(
      'TRANSPORT',
      'Thẻ đang được một chương trình khác sử dụng; hãy đóng chương trình đó (hoặc đợi lần đọc kia xong) rồi thử lại.',
      'The card is in use by another program; close it (or wait for that read to finish) and try again.',
      { cause },
    ),
  cancelled: () =>
    new CardError('CANCELLED', 'Đã huỷ việc đọc thẻ.', 'The card read was cancelled.'),
  transport: (cause: unknown) =>
    new CardError(
      'TRANSPORT',
      'Mất liên lạc với đầu đọc thẻ; hãy kiểm tra dây cắm rồi thử lại.',
      'Lost contact with the card reader; check its cable and try again.',
      { cause },
    ),
} as const;

export function hexSw(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}
