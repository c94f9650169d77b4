/** Why OCR failed, with what the operator should do next. */
export type OcrErrorCode = 'OCR_CANCELLED' | 'OCR_BAD_IMAGE' | 'OCR_ENGINE_FAILED' | 'OCR_CLOSED';

const advice: Readonly<Record<OcrErrorCode, { readonly vi: string; readonly en: string }>> = {
  OCR_CANCELLED: { vi: 'Đã hủy nhận dạng chữ.', en: 'Text recognition was cancelled.' },
  OCR_BAD_IMAGE: {
    vi: 'Không đọc được ảnh trang. Hãy quét lại hoặc chọn tệp PNG, JPEG, TIFF.',
    en: 'The page image could not be read. Scan again or choose a PNG, JPEG or TIFF file.',
  },
  OCR_ENGINE_FAILED: {
    vi: 'Bộ nhận dạng chữ gặp lỗi. Hãy thử lại; nếu vẫn lỗi, chạy "kiosk doctor".',
    en: 'The OCR engine failed. Try again; if it keeps failing, run "kiosk doctor".',
  },
  OCR_CLOSED: {
    vi: 'Dịch vụ nhận dạng chữ đã dừng. Hãy khởi động lại ứng dụng.',
    en: 'The OCR service has stopped. Restart the application.',
  },
};

export class OcrError extends Error {
  readonly code: OcrErrorCode;
  readonly vi: string;
  readonly en: string;

  constructor(code: OcrErrorCode, detail?: string) {
    const text = advice[code];
    super(detail === undefined ? text.en : `${text.en} (${detail})`);
    this.name = 'OcrError';
    this.code = code;
    this.vi = text.vi;
    this.en = text.en;
  }
}
