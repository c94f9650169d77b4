import type { PathProblem } from './certificate-path';
import type { CmsProblem } from './cms-signature-check';

/** Why a signature is not intact or not trusted; each code has a text for the clerk and IT. */
export type VerifyProblem =
  | CmsProblem
  | PathProblem
  | 'BYTE_RANGE_INVALID'
  | 'MODIFIED_AFTER_SIGNING'
  | 'TIME_IN_FUTURE'
  | 'TIMESTAMP_INVALID'
  | 'CERT_REVOKED';

export const verifyProblemText: Readonly<Record<VerifyProblem, { vi: string; en: string }>> = {
  CERT_REVOKED: {
    vi: 'Chứng thư số của người ký (hoặc của CA cấp) đã bị thu hồi trước thời điểm ký. Không chấp nhận văn bản này; hãy đề nghị cơ quan ký lại bằng chứng thư còn hiệu lực.',
    en: "The signer's (or an issuing CA's) certificate was revoked before the signing time. Do not accept the document; ask for it to be signed again.",
  },
  CMS_UNREADABLE: {
    vi: 'Không đọc được dữ liệu chữ ký (CMS) trong tệp.',
    en: 'The signature data (CMS) cannot be read.',
  },
  SIGNER_CERT_MISSING: {
    vi: 'Chữ ký không kèm chứng thư số của người ký.',
    en: "The signature does not carry the signer's certificate.",
  },
  DIGEST_MISMATCH: {
    vi: 'Nội dung tệp đã bị sửa sau khi ký (giá trị băm không khớp).',
    en: 'The file was altered after signing (digest mismatch).',
  },
  SIGNATURE_INVALID: {
    vi: 'Chữ ký số không hợp lệ (không khớp khoá công khai của người ký).',
    en: "The signature does not verify with the signer's public key.",
  },
  UNSUPPORTED_ALGORITHM: {
    vi: 'Chữ ký dùng thuật toán không được hỗ trợ.',
    en: 'The signature uses an unsupported algorithm.',
  },
  SIGNING_CERT_MISMATCH: {
    vi: 'Chứng thư số kèm theo không phải chứng thư đã ký (signing-certificate-v2 không khớp).',
    en: 'The embedded certificate is not the one that signed (signing-certificate-v2 mismatch).',
  },
  NO_TRUST_ANCHORS: {
    vi: 'Chưa có chứng thư gốc tin cậy (signing.trustDir hoặc --trust). Hãy báo CNTT cài chứng thư gốc của các CA Việt Nam.',
    en: 'No trusted root certificates (signing.trustDir or --trust). Ask IT to install the CA roots.',
  },
  CHAIN_UNTRUSTED: {
    vi: 'Chứng thư số của người ký không xuất phát từ tổ chức chứng thực được tin cậy.',
    en: "The signer's certificate does not chain to a trusted root.",
  },
  CHAIN_BAD_SIGNATURE: {
    vi: 'Chứng thư số mang tên một CA tin cậy nhưng không do CA đó cấp (có thể là giả mạo).',
    en: 'A certificate bears a trusted CA name but was not issued by it (possibly forged).',
  },
  ISSUER_NOT_CA: {
    vi: 'Một chứng thư trong chuỗi không phải chứng thư của tổ chức chứng thực (CA).',
    en: 'An issuer in the chain is not a CA certificate.',
  },
  CERT_EXPIRED: {
    vi: 'Chứng thư số đã hết hạn tại thời điểm ký.',
    en: 'A certificate had expired at the signing time.',
  },
  CERT_NOT_YET_VALID: {
    vi: 'Chứng thư số chưa có hiệu lực tại thời điểm ký.',
    en: 'A certificate was not yet valid at the signing time.',
  },
  KEY_USAGE: {
    vi: 'Chứng thư số của người ký không được phép dùng để ký.',
    en: "The signer's certificate may not be used for signing.",
  },
  BYTE_RANGE_INVALID: {
    vi: 'Vùng dữ liệu được ký (ByteRange) không hợp lệ: chữ ký không phủ đúng tệp.',
    en: 'The signed byte range is invalid: the signature does not cover the file properly.',
  },
  MODIFIED_AFTER_SIGNING: {
    vi: 'Tài liệu đã bị thay đổi nội dung sau khi ký.',
    en: 'The document content was changed after signing.',
  },
  TIME_IN_FUTURE: {
    vi: 'Thời điểm ký ghi trong tệp ở tương lai; hãy kiểm tra đồng hồ máy.',
    en: 'The claimed signing time is in the future; check the clock.',
  },
  TIMESTAMP_INVALID: {
    vi: 'Dấu thời gian kèm chữ ký không hợp lệ hoặc không được tin cậy.',
    en: 'The signature timestamp is invalid or untrusted.',
  },
};
