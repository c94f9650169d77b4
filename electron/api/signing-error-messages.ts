import type { ApiError, SigningErrorCode } from './errors';

interface Text {
  readonly vi: string;
  readonly en: string;
}

/**
 * What the clerk reads when the token cannot sign: what happened and what to
 * do next. SIGNING_PIN_WRONG's text here is for a token that tells nothing of
 * its tries; `pinWrongText` words the warning when it does.
 */
export const signingErrorMessages: Readonly<Record<SigningErrorCode, Text>> = {
  SIGNING_NOT_CONFIGURED: {
    vi: 'Chưa cấu hình ký số (signing.pkcs11Module). Tài liệu được lưu ở trạng thái "chưa ký số"; hãy báo bộ phận CNTT.',
    en: 'Signing is not configured (signing.pkcs11Module). Documents are saved "not signed"; tell IT.',
  },
  SIGNING_MODULE_MISSING: {
    vi: 'Không nạp được thư viện PKCS#11 của token ký số (chưa cài driver hoặc sai đường dẫn signing.pkcs11Module). Hãy báo bộ phận CNTT cài driver của nhà cung cấp token.',
    en: "Could not load the token's PKCS#11 library (driver not installed or wrong signing.pkcs11Module). Ask IT to install the token vendor's driver.",
  },
  SIGNING_TOKEN_BUSY: {
    vi: 'Thiết bị ký số đang ký một giấy tờ khác trên máy này. Hãy chờ vài giây rồi bấm lại.',
    en: 'The signing token is busy signing another document on this machine. Wait a few seconds and try again.',
  },
  SIGNING_TOKEN_ABSENT: {
    vi: 'Không thấy token ký số của cơ quan trên máy. Hãy cắm token vào cổng USB, chờ vài giây rồi thử lại.',
    en: "The agency's signing token is not plugged in. Plug it into a USB port, wait a few seconds and try again.",
  },
  SIGNING_TOKEN_REMOVED: {
    vi: 'Token ký số bị rút ra trong khi ký nên tài liệu chưa được ký. Hãy cắm lại token và ký lại.',
    en: 'The token was removed while signing, so nothing was signed. Plug it in again and sign again.',
  },
  SIGNING_PIN_REQUIRED: {
    vi: 'Cần mã PIN của token ký số. Hãy nhập mã PIN rồi thử lại.',
    en: "The token's PIN is required. Type it and try again.",
  },
  SIGNING_PIN_WRONG: {
    vi: 'Mã PIN không đúng. Kiểm tra lại mã PIN rồi nhập lại; nhập sai nhiều lần token sẽ bị khoá.',
    en: 'Wrong PIN. Check the PIN and type it again; too many wrong PINs lock the token.',
  },
  SIGNING_PIN_LOCKED: {
    vi: 'Mã PIN của token ký số đã bị khoá do nhập sai quá số lần cho phép. Đừng nhập thử nữa; hãy liên hệ tổ chức cung cấp chứng thư số để mở khoá.',
    en: 'The token PIN is locked after too many wrong tries. Do not try again; contact the certificate provider to unlock it.',
  },
  SIGNING_NO_KEY: {
    vi: 'Token này không có chứng thư số kèm khoá bí mật để ký. Hãy kiểm tra đã cắm đúng token của cơ quan hoặc người ký.',
    en: 'The token holds no certificate with a private key for signing. Check it is the right token.',
  },
  SIGNING_CERT_EXPIRED: {
    vi: 'Chứng thư số trên token đã hết hạn nên không ký được. Hãy liên hệ tổ chức cung cấp chứng thư số để gia hạn, hoặc dùng token khác còn hạn.',
    en: "The token's certificate has expired, so it cannot sign. Have the provider renew it, or use another token.",
  },
  SIGNING_CERT_NOT_YET_VALID: {
    vi: 'Chứng thư số trên token chưa đến ngày có hiệu lực. Hãy kiểm tra ngày giờ của máy tính; nếu đúng, hãy dùng token khác hoặc chờ đến ngày hiệu lực.',
    en: 'The certificate is not valid yet. Check the computer clock; if it is right, use another token or wait until the start date.',
  },
  SIGNING_KEY_USAGE: {
    vi: 'Chứng thư số này không được phép dùng để ký văn bản (thiếu mục đích chống chối bỏ – nonRepudiation). Hãy dùng token có chứng thư ký số của cơ quan.',
    en: 'This certificate may not sign documents (no nonRepudiation key usage). Use the token with the agency signing certificate.',
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
    vi: 'Token ký số không ký được tài liệu. Hãy rút token ra, cắm lại và thử lại; nếu vẫn lỗi hãy báo CNTT.',
    en: 'The token could not sign. Unplug it, plug it in again and retry; if it persists tell IT.',
  },
};

/** SIGNING_PIN_WRONG worded from the token's flags, so the clerk is warned before the lock. */
export function pinWrongText(pin: ApiError['pin']): Text {
  const left = pin?.triesLeft;
  if (left === 1)
    return {
      vi: 'Mã PIN không đúng. Chỉ còn 1 lần thử trước khi token bị khoá. Kiểm tra kỹ mã PIN trước khi nhập lại.',
      en: 'Wrong PIN. One try left before the token locks. Check the PIN carefully before typing it again.',
    };
  if (left !== undefined && left > 1)
    return {
      vi: `Mã PIN không đúng. Còn ${left} lần thử trước khi token bị khoá. Kiểm tra lại mã PIN.`,
      en: `Wrong PIN. ${left} tries left before the token locks. Check the PIN.`,
    };
  if (pin?.triesLow === true)
    return {
      vi: 'Mã PIN không đúng. Token báo số lần thử còn lại đã giảm; nhập sai tiếp token sẽ bị khoá. Kiểm tra lại mã PIN rồi nhập lại.',
      en: 'Wrong PIN. The token reports fewer tries left; more wrong PINs lock it. Check the PIN and type it again.',
    };
  return signingErrorMessages.SIGNING_PIN_WRONG;
}
