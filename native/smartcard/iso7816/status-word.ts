import { StatusWordError, type CardErrorCode, hexSw } from '../errors';

/** What a status word means for the layers above (ISO/IEC 7816-4 §5.6, ICAO 9303-11). */
export type SwKind =
  | 'ok'
  | 'warning'
  | 'moreData'
  | 'wrongLength'
  | 'exactLength'
  | 'securityNotSatisfied'
  | 'authFailed'
  | 'smMissing'
  | 'smIncorrect'
  | 'fileNotFound'
  | 'functionNotSupported'
  | 'wrongParameters'
  | 'insNotSupported'
  | 'claNotSupported'
  | 'conditionsNotSatisfied'
  | 'memoryFailure'
  | 'unknown';

export function classifySw(sw: number): SwKind {
  const sw1 = sw >> 8;
  if (sw === 0x9000) return 'ok';
  if (sw1 === 0x61) return 'moreData';
  if (sw1 === 0x6c) return 'exactLength';
  if (sw1 === 0x62 || sw1 === 0x63)
    return sw === 0x6300 || (sw & 0xfff0) === 0x63c0 ? 'authFailed' : 'warning';
  switch (sw) {
    case 0x6700:
      return 'wrongLength';
    case 0x6982:
      return 'securityNotSatisfied';
    case 0x6983:
    case 0x6984:
      return 'authFailed';
    case 0x6985:
      return 'conditionsNotSatisfied';
    case 0x6987:
      return 'smMissing';
    case 0x6988:
      return 'smIncorrect';
    case 0x6a82:
    case 0x6a83:
      return 'fileNotFound';
    case 0x6a81:
      return 'functionNotSupported';
    case 0x6a86:
    case 0x6b00:
    case 0x6a80:
      return 'wrongParameters';
    case 0x6d00:
      return 'insNotSupported';
    case 0x6e00:
      return 'claNotSupported';
    default:
      break;
  }
  if (sw1 === 0x64 || sw1 === 0x65) return 'memoryFailure';
  return 'unknown';
}

const texts: Record<SwKind, readonly [CardErrorCode, string, string]> = {
  ok: ['STATUS_WORD', 'Thành công', 'Success'],
  warning: [
    'STATUS_WORD',
    'Chip trả về cảnh báo; hãy đọc lại.',
    'The chip answered with a warning; read again.',
  ],
  moreData: [
    'STATUS_WORD',
    'Chip còn dữ liệu chưa gửi; hãy đọc lại.',
    'The chip has more data pending; read again.',
  ],
  wrongLength: [
    'STATUS_WORD',
    'Chip từ chối độ dài lệnh; hãy đọc lại.',
    'The chip rejected the command length; read again.',
  ],
  exactLength: [
    'STATUS_WORD',
    'Chip yêu cầu độ dài khác; hãy đọc lại.',
    'The chip asked for another length; read again.',
  ],
  securityNotSatisfied: [
    'ACCESS_DENIED',
    'Chip chưa cho phép đọc dữ liệu này (cần xác thực); hãy đọc lại từ đầu.',
    'The chip does not allow this read yet (authentication needed); start the read again.',
  ],
  authFailed: [
    'ACCESS_DENIED',
    'Xác thực với chip không thành công; hãy kiểm tra lại thông tin MRZ/CAN.',
    'Authentication with the chip failed; check the MRZ/CAN data.',
  ],
  smMissing: [
    'SECURE_MESSAGING',
    'Chip báo thiếu kênh bảo mật; hãy rút thẻ ra, cắm lại và đọc lại.',
    'The chip expected secure messaging; remove and re-insert the card, then read again.',
  ],
  smIncorrect: [
    'SECURE_MESSAGING',
    'Chip báo lỗi kênh bảo mật; hãy rút thẻ ra, cắm lại và đọc lại.',
    'The chip reported a secure-messaging error; remove and re-insert the card, then read again.',
  ],
  fileNotFound: ['FILE_NOT_FOUND', 'Không có tệp này trên chip.', 'The file is not on the chip.'],
  functionNotSupported: [
    'NOT_AN_ID_CARD',
    'Chip không hỗ trợ chức năng này; có thể đây không phải thẻ CCCD.',
    'The chip does not support this function; this may not be an ID card.',
  ],
  wrongParameters: [
    'STATUS_WORD',
    'Chip từ chối tham số lệnh; hãy đọc lại.',
    'The chip rejected the command parameters; read again.',
  ],
  insNotSupported: [
    'NOT_AN_ID_CARD',
    'Chip không hiểu lệnh; có thể đây không phải thẻ CCCD.',
    'The chip does not know this command; this may not be an ID card.',
  ],
  claNotSupported: [
    'NOT_AN_ID_CARD',
    'Chip không hỗ trợ lớp lệnh này; có thể đây không phải thẻ CCCD.',
    'The chip does not support this command class; this may not be an ID card.',
  ],
  conditionsNotSatisfied: [
    'STATUS_WORD',
    'Chip chưa sẵn sàng cho lệnh này; hãy rút thẻ ra, cắm lại và đọc lại.',
    'The chip is not ready for this command; remove and re-insert the card, then read again.',
  ],
  memoryFailure: [
    'STATUS_WORD',
    'Chip báo lỗi bộ nhớ; thẻ có thể bị hỏng, hãy dùng mã QR hoặc nhập tay.',
    'The chip reported a memory failure; the card may be damaged, use the QR code or type the data.',
  ],
  unknown: [
    'STATUS_WORD',
    'Chip trả về mã lỗi không rõ; hãy đọc lại.',
    'The chip answered with an unknown status; read again.',
  ],
};

/** The typed error for a status word that is not 9000. */
export function statusError(sw: number, context: string): StatusWordError {
  const kind = classifySw(sw);
  const [code, vi, en] = texts[kind];
  return new StatusWordError(
    code,
    sw,
    `${vi} (SW ${hexSw(sw)}, ${context})`,
    `${en} (SW ${hexSw(sw)}, ${context})`,
  );
}
