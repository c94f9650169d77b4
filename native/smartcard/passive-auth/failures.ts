export type PassiveAuthFailureCode =
  | 'SOD_UNREADABLE'
  | 'NOT_LDS_SECURITY_OBJECT'
  | 'UNSUPPORTED_HASH'
  | 'DG_NOT_IN_SOD'
  | 'DG_HASH_MISMATCH'
  | 'NO_DOCUMENT_SIGNER'
  | 'MESSAGE_DIGEST_MISMATCH'
  | 'UNSUPPORTED_SIGNATURE'
  | 'SIGNATURE_INVALID'
  | 'CSCA_UNKNOWN'
  | 'DSC_SIGNATURE_INVALID'
  | 'DSC_NOT_YET_VALID'
  | 'CSCA_EXPIRED';

export interface PassiveAuthFailure {
  readonly code: PassiveAuthFailureCode;
  readonly dataGroup?: number;
  readonly vi: string;
  readonly en: string;
}

const FORGED_VI =
  'Dữ liệu chip có thể bị sửa hoặc thẻ giả: không dùng dữ liệu này, hãy đối chiếu giấy tờ gốc.';
const FORGED_EN =
  'The chip data may be altered or the card forged: do not use it; check the physical card.';

/** The Vietnamese and English text of each failure: what happened, and what to do. */
export function failure(
  code: PassiveAuthFailureCode,
  detail = '',
  dataGroup?: number,
): PassiveAuthFailure {
  const dg = dataGroup === undefined ? '' : `DG${String(dataGroup)}`;
  const text: Record<PassiveAuthFailureCode, [string, string]> = {
    SOD_UNREADABLE: [
      `Không đọc được EF.SOD (${detail}); hãy đọc lại thẻ.`,
      `EF.SOD could not be read (${detail}); read the card again.`,
    ],
    NOT_LDS_SECURITY_OBJECT: [
      `EF.SOD không chứa bảng băm LDS. ${FORGED_VI}`,
      `EF.SOD holds no LDS hash table. ${FORGED_EN}`,
    ],
    UNSUPPORTED_HASH: [
      `EF.SOD dùng thuật toán băm chưa hỗ trợ (${detail}); báo cho bộ phận CNTT.`,
      `EF.SOD uses an unsupported hash algorithm (${detail}); tell IT staff.`,
    ],
    DG_NOT_IN_SOD: [
      `${dg} không có trong EF.SOD. ${FORGED_VI}`,
      `${dg} is not listed in EF.SOD. ${FORGED_EN}`,
    ],
    DG_HASH_MISMATCH: [
      `Giá trị băm của ${dg} không khớp EF.SOD. ${FORGED_VI}`,
      `The hash of ${dg} does not match EF.SOD. ${FORGED_EN}`,
    ],
    NO_DOCUMENT_SIGNER: [
      `EF.SOD không kèm chứng thư ký tài liệu (DSC); không xác minh được chữ ký.`,
      'EF.SOD carries no document signer certificate; the signature cannot be verified.',
    ],
    MESSAGE_DIGEST_MISMATCH: [
      `Thuộc tính messageDigest không khớp nội dung EF.SOD. ${FORGED_VI}`,
      `The messageDigest attribute does not match EF.SOD. ${FORGED_EN}`,
    ],
    UNSUPPORTED_SIGNATURE: [
      `Thuật toán chữ ký chưa hỗ trợ (${detail}); báo cho bộ phận CNTT.`,
      `Unsupported signature algorithm (${detail}); tell IT staff.`,
    ],
    SIGNATURE_INVALID: [
      `Chữ ký trên EF.SOD không hợp lệ. ${FORGED_VI}`,
      `The EF.SOD signature is invalid. ${FORGED_EN}`,
    ],
    CSCA_UNKNOWN: [
      `Không có chứng thư gốc CSCA nào tin cậy cho nơi cấp "${detail}"; hãy cài CSCA vào thư mục tin cậy, hoặc coi thẻ là chưa xác minh.`,
      `No trusted CSCA for issuer "${detail}"; install the CSCA in the trust folder, or treat the card as unverified.`,
    ],
    DSC_SIGNATURE_INVALID: [
      `Chứng thư ký tài liệu không được CSCA "${detail}" ký. ${FORGED_VI}`,
      `The document signer was not signed by CSCA "${detail}". ${FORGED_EN}`,
    ],
    DSC_NOT_YET_VALID: [
      `Chứng thư ký tài liệu chưa có hiệu lực (${detail}); kiểm tra đồng hồ của máy kiosk.`,
      `The document signer is not valid yet (${detail}); check the kiosk clock.`,
    ],
    CSCA_EXPIRED: [
      `Chứng thư CSCA đã hết hạn (${detail}); thẻ vượt quá thời hạn tin cậy.`,
      `The CSCA certificate has expired (${detail}); the card is past its trust period.`,
    ],
  };
  const [vi, en] = text[code];
  return dataGroup === undefined ? { code, vi, en } : { code, dataGroup, vi, en };
}
