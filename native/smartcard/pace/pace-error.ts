export type PaceErrorCode =
  | 'PACE_NOT_SUPPORTED'
  | 'PACE_BAD_PASSWORD_FORMAT'
  | 'PACE_WRONG_PASSWORD'
  | 'PACE_CARD_REJECTED'
  | 'PACE_BAD_RESPONSE'
  | 'PACE_TOKEN_MISMATCH';

/**
 * A failed PACE run. Never retry automatically: the chip may count failed
 * attempts. `sw` is the status word when the card refused a step.
 */
export class PaceError extends Error {
  readonly code: PaceErrorCode;
  readonly sw: number | null;
  readonly vi: string;
  readonly en: string;

  constructor(code: PaceErrorCode, vi: string, en: string, sw: number | null = null) {
    super(`${vi} / ${en}`);
    this.name = 'PaceError';
    this.code = code;
    this.sw = sw;
    this.vi = vi;
    this.en = en;
  }
}

export const paceErrors = {
  notSupported: (what: string) =>
    new PaceError(
      'PACE_NOT_SUPPORTED',
      `Thẻ dùng kiểu PACE chưa được hỗ trợ (${what}); kiosk sẽ thử BAC bằng MRZ.`,
      `The card uses an unsupported PACE variant (${what}); the kiosk will try BAC with the MRZ.`,
    ),
  badCan: () =>
    new PaceError(
      'PACE_BAD_PASSWORD_FORMAT',
      'Số CAN phải gồm đúng 6 chữ số (6 số cuối của số định danh trên thẻ); hãy nhập lại.',
      'The CAN must be exactly 6 digits (the last 6 digits of the ID on the card); type it again.',
    ),
  wrongPassword: (sw: number) =>
    new PaceError(
      'PACE_WRONG_PASSWORD',
      'Số CAN (6 số cuối số định danh) hoặc MRZ không khớp với thẻ; hãy kiểm tra lại số trên thẻ rồi thử lại.',
      'The CAN (last 6 digits of the ID) or MRZ does not match the card; check the number on the card and try again.',
      sw,
    ),
  rejected: (step: string, sw: number) =>
    new PaceError(
      'PACE_CARD_REJECTED',
      `Thẻ từ chối bước PACE "${step}" (SW ${sw.toString(16).toUpperCase()}); hãy rút thẻ ra, cắm lại và thử lại.`,
      `The card refused PACE step "${step}" (SW ${sw.toString(16).toUpperCase()}); remove and re-insert the card, then try again.`,
      sw,
    ),
  badResponse: (step: string) =>
    new PaceError(
      'PACE_BAD_RESPONSE',
      `Thẻ trả lời sai định dạng ở bước PACE "${step}"; hãy đặt thẻ cố định trên đầu đọc và thử lại.`,
      `The card answered PACE step "${step}" malformed; hold the card still on the reader and try again.`,
    ),
  tokenMismatch: () =>
    new PaceError(
      'PACE_TOKEN_MISMATCH',
      'Mã xác thực của chip không đúng: thẻ có thể là giả hoặc bị lỗi; không sử dụng dữ liệu của thẻ này.',
      "The chip's authentication token is wrong: the card may be forged or faulty; do not use its data.",
    ),
};
