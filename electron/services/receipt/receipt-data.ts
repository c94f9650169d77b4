/** Everything printed on the receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, Mẫu 01). */
export interface ReceiptData {
  /** The receiving agency, e.g. "UBND xã Bình Sơn" (config `agency.name`). */
  readonly agencyName: string;
  /** Bộ phận tiếp nhận và trả kết quả, e.g. "Bộ phận Một cửa xã Bình Sơn". */
  readonly unitName: string;
  /** The place in "<place>, ngày … tháng … năm …" (config `receipt.place`). */
  readonly place: string;
  /** The dossier code, printed and carried by the QR (api/contract/document-qr.ts). */
  readonly code: string;
  readonly applicant: {
    readonly name: string;
    /** The personal ID (or organisation code) the QR carries; null prints none. */
    readonly idNumber: string | null;
    readonly address: string;
    readonly phone: string;
    readonly email: string;
  };
  readonly procedure: {
    readonly code: string;
    readonly name: string;
    /** Legal time limit in working days (0 = same day). */
    readonly processingDays: number;
  };
  readonly components: readonly {
    readonly name: string;
    readonly originals: number;
    readonly copies: number;
  }[];
  /** Số lượng hồ sơ (bộ). */
  readonly sets: number;
  readonly receivedAt: Date;
  readonly dueAt: Date;
  /** When this copy was made (the QR's time of issue); a reprint is issued anew. */
  readonly issuedAt: Date;
  /** Đăng ký nhận kết quả tại (config `receipt.collectAt`). */
  readonly collectAt: string;
  /** The fee line as printed, e.g. "Miễn phí" or "20.000 đồng". */
  readonly feeText: string;
  /** The clerk's full name, or null on a self-service kiosk ("Kiosk tự phục vụ"). */
  readonly receiverName: string | null;
  /** The desk's phone number (config `receipt.phone`); empty prints nothing. */
  readonly phone: string;
  /** Training mode: every page says "BẢN IN THỬ – CHẾ ĐỘ ĐÀO TẠO". */
  readonly training: boolean;
}
