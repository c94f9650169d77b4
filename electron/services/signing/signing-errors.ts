/**
 * Typed signing errors. Each code has a Vietnamese text that says what
 * happened and what to do next (English beside it for logs and the en locale).
 * `detail` is technical English for the log; it never contains the PIN.
 */
export const signingErrorCodes = [
  'SIGNING_NOT_CONFIGURED',
  'SIGNING_MODULE_LOAD_FAILED',
  'SIGNING_TOKEN_NOT_FOUND',
  'SIGNING_TOKEN_REMOVED',
  'SIGNING_PIN_REQUIRED',
  'SIGNING_PIN_INCORRECT',
  'SIGNING_PIN_LOCKED',
  'SIGNING_NO_KEY',
  'SIGNING_CERT_EXPIRED',
  'SIGNING_CERT_NOT_YET_VALID',
  'SIGNING_CERT_NO_NON_REPUDIATION',
  'SIGNING_BAD_PDF',
  'SIGNING_TSA_FAILED',
  'SIGNING_FAILED',
] as const;
export type SigningErrorCode = (typeof signingErrorCodes)[number];

export interface SigningErrorInfo {
  /** From the token's flags: 1 when the next wrong PIN locks it; undefined when the token does not say. */
  readonly triesLeft?: number;
  /** The token reports that a wrong PIN was entered since the last good one (CKF_USER_PIN_COUNT_LOW). */
  readonly triesLow?: boolean;
}

function pinText(info: SigningErrorInfo): { vi: string; en: string } {
  if (info.triesLeft === 1)
    return {
      vi: 'Mã PIN không đúng. Chỉ còn 1 lần thử: nhập sai lần nữa thiết bị ký số sẽ bị khoá. Hãy kiểm tra kỹ trước khi nhập lại.',
      en: 'Wrong PIN. One try left: another wrong PIN locks the token. Check carefully before trying again.',
    };
  if (info.triesLow === true)
    return {
      vi: 'Mã PIN không đúng. Thiết bị ký số báo số lần thử còn lại đã giảm; nhập sai nhiều lần sẽ bị khoá. Hãy nhập lại cẩn thận.',
      en: 'Wrong PIN. The token reports fewer tries left; more wrong PINs lock it. Type it again carefully.',
    };
  return {
    vi: 'Mã PIN không đúng. Hãy nhập lại; nhập sai nhiều lần thiết bị ký số sẽ bị khoá.',
    en: 'Wrong PIN. Type it again; too many wrong PINs lock the token.',
  };
}

const texts: Readonly<
  Record<Exclude<SigningErrorCode, 'SIGNING_PIN_INCORRECT'>, { vi: string; en: string }>
> = {
  SIGNING_NOT_CONFIGURED: {
    vi: 'Chưa cấu hình ký số (signing.pkcs11Module). Tài liệu được lưu ở trạng thái "chưa ký số"; hãy báo bộ phận CNTT.',
    en: 'Signing is not configured (signing.pkcs11Module). Documents are saved "not signed"; tell IT.',
  },
  SIGNING_MODULE_LOAD_FAILED: {
    vi: 'Không nạp được thư viện PKCS#11 của thiết bị ký số. Hãy kiểm tra đường dẫn signing.pkcs11Module và cài driver của nhà cung cấp.',
    en: "Could not load the token's PKCS#11 library. Check signing.pkcs11Module and install the vendor's driver.",
  },
  SIGNING_TOKEN_NOT_FOUND: {
    vi: 'Không tìm thấy thiết bị ký số (USB token). Hãy cắm token vào máy và thử lại.',
    en: 'No signing token found. Plug the USB token in and try again.',
  },
  SIGNING_TOKEN_REMOVED: {
    vi: 'Thiết bị ký số đã bị rút ra trong khi ký. Tài liệu chưa được ký; hãy cắm lại token và ký lại.',
    en: 'The token was removed while signing. Nothing was signed; plug it in again and sign again.',
  },
  SIGNING_PIN_REQUIRED: {
    vi: 'Cần nhập mã PIN của thiết bị ký số.',
    en: "The token's PIN is required.",
  },
  SIGNING_PIN_LOCKED: {
    vi: 'Mã PIN của thiết bị ký số đã bị khoá do nhập sai quá số lần. Hãy liên hệ tổ chức cung cấp chứng thư số để mở khoá.',
    en: 'The token PIN is locked after too many wrong tries. Contact the certificate provider to unlock it.',
  },
  SIGNING_NO_KEY: {
    vi: 'Trên thiết bị ký số không có chứng thư số kèm khoá bí mật dùng để ký. Hãy kiểm tra đúng token của cơ quan/người ký.',
    en: 'The token holds no certificate with a private key for signing. Check it is the right token.',
  },
  SIGNING_CERT_EXPIRED: {
    vi: 'Chứng thư số trên thiết bị đã hết hạn. Hãy gia hạn chứng thư số với tổ chức cung cấp trước khi ký.',
    en: "The token's certificate has expired. Renew it with the provider before signing.",
  },
  SIGNING_CERT_NOT_YET_VALID: {
    vi: 'Chứng thư số chưa đến ngày có hiệu lực. Hãy kiểm tra đồng hồ của máy và ngày hiệu lực của chứng thư.',
    en: 'The certificate is not valid yet. Check the computer clock and the certificate dates.',
  },
  SIGNING_CERT_NO_NON_REPUDIATION: {
    vi: 'Chứng thư số này không được phép dùng để ký văn bản (thiếu mục đích chống chối bỏ – nonRepudiation). Hãy dùng chứng thư ký số của cơ quan.',
    en: 'This certificate may not sign documents (no nonRepudiation key usage). Use the signing certificate.',
  },
  SIGNING_BAD_PDF: {
    vi: 'Tệp PDF bị hỏng, được mã hoá hoặc không đọc được nên không thể ký. Hãy tạo lại tệp PDF.',
    en: 'The PDF is damaged, encrypted or unreadable, so it cannot be signed. Make the PDF again.',
  },
  SIGNING_TSA_FAILED: {
    vi: 'Không lấy được dấu thời gian từ máy chủ cấp dấu thời gian (TSA). Hãy kiểm tra mạng và signing.tsaUrl, hoặc ký lại sau.',
    en: 'No timestamp from the time-stamping authority. Check the network and signing.tsaUrl, or sign later.',
  },
  SIGNING_FAILED: {
    vi: 'Thiết bị ký số không ký được tài liệu. Hãy rút token ra, cắm lại và thử lại; nếu vẫn lỗi hãy báo CNTT.',
    en: 'The token could not sign. Unplug and plug it in again and retry; if it persists tell IT.',
  },
};

export function signingErrorText(
  code: SigningErrorCode,
  info: SigningErrorInfo = {},
): { vi: string; en: string } {
  return code === 'SIGNING_PIN_INCORRECT' ? pinText(info) : texts[code];
}

export class SigningError extends Error {
  readonly code: SigningErrorCode;
  readonly info: SigningErrorInfo;
  /** What the clerk reads. */
  readonly vi: string;

  constructor(code: SigningErrorCode, detail: string, info: SigningErrorInfo = {}) {
    super(detail);
    this.name = 'SigningError';
    this.code = code;
    this.info = info;
    this.vi = signingErrorText(code, info).vi;
  }
}
