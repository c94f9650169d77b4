import type { ApiError, ErrorCode } from './errors';
import { pinWrongText, signingErrorMessages } from './signing-error-messages';
import { ticketPrinterMessages } from './ticket-printer-messages';

/**
 * What the clerk or citizen reads for each error code: what happened and
 * what to do next, Vietnamese first. Every code must have an entry (the type
 * says so), so a new error cannot reach the screen untranslated.
 */
export const errorMessages: Readonly<
  Record<ErrorCode, { readonly vi: string; readonly en: string }>
> = {
  BAD_TOKEN: {
    vi: 'Phiên làm việc không hợp lệ. Hãy mở lại kiosk bằng đường dẫn mới.',
    en: 'This session is not valid. Open the kiosk again with the new address.',
  },
  FORBIDDEN_ORIGIN: {
    vi: 'Trang này không được phép gọi kiosk.',
    en: 'This page may not call the kiosk.',
  },
  UNKNOWN_METHOD: {
    vi: 'Phiên bản giao diện và phần lõi không khớp. Hãy khởi động lại kiosk.',
    en: 'The screen and the core do not match. Restart the kiosk.',
  },
  INVALID_PAYLOAD: {
    vi: 'Dữ liệu gửi đi không hợp lệ. Hãy kiểm tra lại các ô đã nhập.',
    en: 'The data sent was not valid. Check the fields you filled in.',
  },
  TOO_LARGE: {
    vi: 'Tệp hoặc dữ liệu gửi đi quá lớn (tối đa 30 MB một tệp). Hãy chia nhỏ tệp hoặc quét lại với độ phân giải thấp hơn.',
    en: 'The file or data sent is too large (at most 30 MB per file). Split the file or scan again at a lower resolution.',
  },
  INVALID_RESULT: {
    vi: 'Phần lõi trả về dữ liệu không hợp lệ. Hãy báo cho bộ phận CNTT.',
    en: 'The core answered with invalid data. Tell the IT staff.',
  },
  NOT_AVAILABLE: {
    vi: 'Dịch vụ tạm thời không sẵn sàng. Hãy thử lại sau ít phút.',
    en: 'The service is not available right now. Try again in a few minutes.',
  },
  CORE_RESTARTING: {
    vi: 'Máy đang khởi động lại, vui lòng thử lại sau ít giây.',
    en: 'The kiosk is restarting; wait a few seconds and try again.',
  },
  CORE_TIMEOUT: {
    vi: 'Kiosk chưa trả lời kịp. Việc vừa làm có thể vẫn đã xong: hãy kiểm tra lại (ví dụ danh sách hồ sơ) trước khi làm lại.',
    en: 'The kiosk did not answer in time. What you just did may still have finished: check (for example the dossier list) before doing it again.',
  },
  CANCELLED: { vi: 'Đã huỷ.', en: 'Cancelled.' },
  INTERNAL: {
    vi: 'Có lỗi không mong muốn. Dữ liệu đã lưu không bị mất; hãy thử lại hoặc báo CNTT.',
    en: 'Something unexpected went wrong. Saved data is not lost; try again or tell IT.',
  },
  CONFIG_INVALID: {
    vi: 'Kiosk đang tạm ngừng vì lỗi cài đặt. Mời Ông/Bà liên hệ cán bộ tại quầy; cán bộ báo bộ phận CNTT kiểm tra trong mục Chẩn đoán.',
    en: 'The kiosk is paused by a settings error. Please ask the staff at the counter; staff ask IT to run the checks in Diagnostics.',
  },
  AUTH_FAILED: {
    vi: 'Sai tên đăng nhập hoặc mật khẩu. Hãy thử lại.',
    en: 'Wrong username or password. Try again.',
  },
  AUTH_LOCKED: {
    vi: 'Tài khoản tạm khoá do nhập sai nhiều lần. Hãy đợi 15 phút hoặc dùng khoá bảo mật.',
    en: 'The account is locked after repeated wrong passwords. Wait 15 minutes or use your security key.',
  },
  AUTH_REQUIRED: { vi: 'Hãy đăng nhập trước.', en: 'Please sign in first.' },
  AUTH_FORBIDDEN: {
    vi: 'Tài khoản này không có quyền làm việc này. Hãy nhờ quản trị viên.',
    en: 'This account may not do that. Ask an administrator.',
  },
  PASSKEY_REJECTED: {
    vi: 'Khoá bảo mật không được chấp nhận (chưa đăng ký, xác thực vân tay không thành công, hoặc khoá bị sao chép). Hãy dùng mật khẩu và báo quản trị viên.',
    en: 'The security key was not accepted (not registered, fingerprint check failed, or a cloned key). Use your password and tell an administrator.',
  },
  DOSSIER_NOT_FOUND: {
    vi: 'Không tìm thấy hồ sơ. Hãy kiểm tra lại mã hồ sơ.',
    en: 'No such dossier. Check the dossier code.',
  },
  DOSSIER_INVALID: {
    vi: 'Hồ sơ chưa đủ hoặc sai thông tin. Hãy sửa các ô được đánh dấu rồi lưu lại.',
    en: 'The dossier is incomplete or has wrong data. Fix the marked fields and save again.',
  },
  DOSSIER_CODE_TAKEN: {
    vi: 'Mã hồ sơ này đã được dùng. Hệ thống sẽ cấp mã khác; hãy lưu lại.',
    en: 'This dossier code is already used. Save again to get a new code.',
  },
  DOSSIER_PURGED: {
    vi: 'Dữ liệu cá nhân của hồ sơ này đã được xoá theo thời hạn lưu trữ.',
    en: "This dossier's personal data was deleted at the end of its retention period.",
  },
  STORE_DISK_FULL: {
    vi: 'Ổ đĩa đã đầy nên chưa lưu được. Dữ liệu đã lưu trước đó vẫn an toàn; hãy báo CNTT giải phóng dung lượng.',
    en: 'The disk is full, so this was not saved. Earlier data is safe; ask IT to free space.',
  },
  STORE_BLOB_MISSING: {
    vi: 'Thiếu tệp đính kèm của hồ sơ. Hãy quét hoặc nhập lại tệp đó.',
    en: 'An attachment of the dossier is missing. Scan or import it again.',
  },
  STORE_KEY_UNAVAILABLE: {
    vi: 'Không mở được khoá mã hoá dữ liệu. Hãy báo CNTT (không xoá dữ liệu).',
    en: 'The data encryption key cannot be opened. Tell IT (do not delete any data).',
  },
  STORE_SCHEMA_NEWER: {
    vi: 'Dữ liệu được tạo bởi phiên bản kiosk mới hơn. Hãy cập nhật phần mềm kiosk.',
    en: 'The data was written by a newer kiosk version. Update the kiosk software.',
  },
  STORE_CODES_EXHAUSTED: {
    vi: 'Đã hết số thứ tự hồ sơ dành cho kiosk này trong ngày. Hãy báo CNTT cấp thêm.',
    en: "This kiosk has used all of today's dossier numbers. Ask IT to allocate more.",
  },
  CARD_PCSCD_DOWN: {
    vi: 'Máy đọc thẻ đang tạm ngừng. Mời Ông/Bà liên hệ cán bộ tại quầy; cán bộ khởi động lại kiosk hoặc báo bộ phận CNTT kiểm tra trong mục Chẩn đoán.',
    en: 'The card reader is out of service for now. Please ask the staff at the counter; staff restart the kiosk or ask IT to run the checks in Diagnostics.',
  },
  CARD_NO_READER: {
    vi: 'Không thấy đầu đọc thẻ. Hãy kiểm tra dây cắm đầu đọc rồi thử lại.',
    en: "No card reader found. Check the reader's cable and try again.",
  },
  CARD_NO_CARD: {
    vi: 'Chưa có thẻ trên đầu đọc. Hãy đặt thẻ CCCD vào đầu đọc.',
    en: 'No card on the reader. Place the ID card on the reader.',
  },
  CARD_REMOVED: {
    vi: 'Thẻ đã bị rút ra khi đang đọc. Hãy cắm lại thẻ và giữ yên cho đến khi đọc xong.',
    en: 'The card was removed during the read. Re-insert it and keep it still until the read ends.',
  },
  CARD_NOT_ID: {
    vi: 'Thẻ này không phải thẻ CCCD gắn chip. Hãy dùng thẻ căn cước gắn chip.',
    en: 'This is not a chip ID card. Use a chip ID card.',
  },
  CARD_ACCESS_DENIED: {
    vi: 'Thông tin MRZ không khớp với thẻ. Hãy kiểm tra lại số giấy tờ, ngày sinh, ngày hết hạn (hoặc mã CAN) rồi đọc lại.',
    en: 'The MRZ data does not match the card. Check the document number, birth and expiry dates (or the CAN), then read again.',
  },
  CARD_BAD_ACCESS_DATA: {
    vi: 'Thông tin để mở chip chưa đúng định dạng. Hãy nhập lại theo mặt sau thẻ.',
    en: 'The data to open the chip is malformed. Type it again from the back of the card.',
  },
  CARD_SECURE_MESSAGING: {
    vi: 'Kênh bảo mật với chip bị lỗi. Hãy rút thẻ ra, cắm lại và đọc lại.',
    en: 'Secure messaging with the chip failed. Remove the card, re-insert it and read again.',
  },
  CARD_READ_FAILED: {
    vi: 'Không đọc được dữ liệu chip. Hãy đọc lại; nếu vẫn lỗi, hãy dùng mã QR hoặc nhập tay.',
    en: 'The chip data could not be read. Read again; if it still fails, use the QR code or type the data.',
  },
  CARD_BUSY: {
    vi: 'Đang đọc thẻ. Hãy đợi lần đọc này xong.',
    en: 'A card read is already running. Wait for it to finish.',
  },
  // The same texts as scanners/scanner.ts scanErrorMessages (the contract cannot import device code).
  SCAN_PAPER_JAM: {
    vi: 'Kẹt giấy trong khay nạp. Mở nắp máy quét, gỡ tờ bị kẹt rồi quét tiếp; các trang đã quét vẫn được giữ.',
    en: 'Paper jam in the feeder. Open the scanner cover, remove the jammed sheet and scan again; pages already scanned are kept.',
  },
  SCAN_FEEDER_EMPTY: {
    vi: 'Khay nạp giấy trống. Đặt giấy vào khay nạp rồi quét lại.',
    en: 'The document feeder is empty. Load the paper into the feeder and scan again.',
  },
  SCAN_COVER_OPEN: {
    vi: 'Nắp máy quét đang mở. Đóng nắp rồi quét lại.',
    en: 'The scanner cover is open. Close it and scan again.',
  },
  SCAN_DEVICE_GONE: {
    vi: 'Máy quét bị ngắt kết nối giữa chừng. Kiểm tra cáp USB/mạng và nguồn điện rồi quét tiếp; các trang đã quét vẫn được giữ.',
    en: 'The scanner was disconnected during the scan. Check the USB/network cable and power, then continue; pages already scanned are kept.',
  },
  SCAN_DEVICE_OFFLINE: {
    vi: 'Máy quét không phản hồi. Kiểm tra máy đã bật và đã cắm cáp, rồi bấm "Tìm lại máy quét".',
    en: 'The scanner does not respond. Check it is on and connected, then press "Find scanners again".',
  },
  SCAN_DEVICE_BUSY: {
    vi: 'Máy quét đang bận với một lệnh quét khác. Chờ lệnh đó xong rồi thử lại.',
    en: 'The scanner is busy with another scan. Wait for it to finish and try again.',
  },
  SCAN_DEVICE_NOT_FOUND: {
    vi: 'Không tìm thấy máy quét đã chọn. Bấm "Tìm lại máy quét" và chọn lại máy.',
    en: 'The selected scanner was not found. Press "Find scanners again" and choose it again.',
  },
  SCAN_UNSUPPORTED_OPTION: {
    vi: 'Máy quét không hỗ trợ thiết lập đã chọn (nguồn giấy, độ phân giải hoặc chế độ màu). Chọn thiết lập khác rồi quét lại.',
    en: 'The scanner does not support the chosen setting (source, resolution or colour mode). Choose another setting and scan again.',
  },
  SCAN_BACKEND_MISSING: {
    vi: 'Chưa cài phần mềm điều khiển máy quét (SANE/scanimage hoặc WIA). Liên hệ bộ phận CNTT để cài đặt.',
    en: 'The scanner software (SANE/scanimage or WIA) is not installed. Ask IT staff to install it.',
  },
  SCAN_BAD_FILE: {
    vi: 'Không đọc được tệp (hỏng hoặc không phải PDF, JPEG, PNG, TIFF). Chọn tệp khác.',
    en: 'The file cannot be read (damaged, or not PDF, JPEG, PNG or TIFF). Choose another file.',
  },
  SCAN_FAILED: {
    vi: 'Quét không thành công. Thử quét lại; nếu vẫn lỗi, tắt và bật lại máy quét.',
    en: 'The scan failed. Try again; if it still fails, switch the scanner off and on.',
  },
  SCAN_BUSY: {
    vi: 'Kiosk đang quét một thành phần hồ sơ khác. Chờ xong hoặc bấm Hủy rồi thử lại.',
    en: 'The kiosk is already scanning another component. Wait for it or press Cancel, then try again.',
  },
  PROCEDURE_NOT_FOUND: {
    vi: 'Không tìm thấy thủ tục này trong danh mục. Tìm lại theo tên hoặc mã thủ tục, hoặc báo bộ phận CNTT cập nhật danh mục.',
    en: 'This procedure is not in the catalogue. Search again by name or code, or ask IT to update the catalogue.',
  },
  CATALOGUE_INVALID: {
    vi: 'Tệp danh mục thủ tục không đúng định dạng LayThuTuc. Danh mục cũ vẫn được giữ nguyên; kiểm tra tệp rồi nhập lại.',
    en: 'The procedure file is not in the LayThuTuc shape. The current catalogue is unchanged; check the file and import again.',
  },
  FORM_INVALID: {
    vi: 'Tờ khai còn ô thiếu hoặc sai. Các ô cần sửa được đánh dấu đỏ; sửa rồi lưu lại, không mất dữ liệu đã nhập.',
    en: 'Some form fields are missing or wrong. They are marked in red; correct them and save again — nothing you entered is lost.',
  },
  COMPONENT_NOT_FOUND: {
    vi: 'Không còn bản quét của thành phần hồ sơ này (có thể kiosk đã khởi động lại). Quét hoặc chọn tệp lại.',
    en: 'The scan of this component is gone (the kiosk may have restarted). Scan it or choose the file again.',
  },
  COMPONENT_MISSING: {
    vi: 'Thiếu thành phần hồ sơ bắt buộc. Quét hoặc chọn tệp cho các mục được đánh dấu rồi lưu lại.',
    en: 'A required component is missing. Scan or choose a file for the marked items, then save again.',
  },
  COMPONENT_PDF_FAILED: {
    vi: 'Chưa tạo được tệp PDF của thành phần hồ sơ (bộ xử lý trang dừng giữa chừng). Hồ sơ chưa được lưu, các trang đã quét vẫn còn: bấm Lưu lại; nếu vẫn lỗi, báo bộ phận CNTT.',
    en: 'The component PDF could not be built (the page worker stopped). The dossier is not saved and the scanned pages are kept: press Save again; if it fails again, tell the IT staff.',
  },
  APPLICANT_NOT_VERIFIED: {
    vi: 'Thông tin người nộp không khớp với thẻ Căn cước vừa đọc. Đặt lại thẻ lên đầu đọc và đọc lại.',
    en: 'The applicant does not match the ID card just read. Place the card on the reader and read it again.',
  },
  RECEIPT_FAILED: {
    vi: 'Không tạo được giấy tiếp nhận. Hồ sơ đã được lưu; mở lại hồ sơ trong Danh sách hồ sơ để in giấy tiếp nhận.',
    en: 'The receipt could not be made. The dossier is saved; open it from the dossier list to print the receipt.',
  },
  LOOKUP_NOT_FOUND: {
    vi: 'Không tìm thấy hồ sơ có mã này. Kiểm tra lại mã trên giấy hẹn (dạng 000.00.00.H00-YYMMDD-0000) hoặc quét mã QR.',
    en: 'No dossier has this code. Check the code on the receipt (000.00.00.H00-YYMMDD-0000) or scan its QR code.',
  },
  LOOKUP_RATE_LIMITED: {
    vi: 'Kiosk đã nhận quá nhiều lượt tra cứu trong một phút. Xin chờ một phút rồi tra cứu lại, hoặc hỏi cán bộ tại quầy.',
    en: 'Too many lookups in one minute at this kiosk. Wait a minute and look up again, or ask the staff at the counter.',
  },
  RETURN_NOT_READY: {
    vi: 'Hồ sơ chưa có kết quả (Cổng chưa báo "Đã xử lý xong"). Hẹn người dân quay lại, hoặc tra cứu lại sau.',
    en: 'The dossier has no result yet (the portal does not say "processing finished"). Ask the citizen to come back, or look it up again later.',
  },
  RETURN_ALREADY_RETURNED: {
    vi: 'Kết quả của hồ sơ này đã được trả. Xem ngày trả và người nhận trong hồ sơ; không trả lại lần nữa.',
    en: 'The result of this dossier was already handed back. See the date and receiver in the dossier; do not return it again.',
  },
  RETURN_PORTAL_UNREACHABLE: {
    vi: 'Không hỏi được Cổng về tình trạng hồ sơ. Chỉ trả khi đang cầm kết quả trên tay: đánh dấu "Tôi đang giữ kết quả" rồi trả lại.',
    en: 'The portal could not be asked about the dossier. Return only a result you hold in hand: tick "I hold the result" and return again.',
  },
  RETURN_RECEIVER_MISMATCH: {
    vi: 'Người nhận không phải người nộp hồ sơ. Đọc thẻ Căn cước của người nộp, hoặc đọc thẻ của người được ủy quyền và quét giấy ủy quyền.',
    en: "The receiver is not the applicant. Read the applicant's ID card, or read the authorised person's card and scan the authorisation letter.",
  },
  RETURN_LETTER_REQUIRED: {
    vi: 'Người được ủy quyền nhận kết quả phải có giấy ủy quyền. Quét giấy ủy quyền rồi trả lại.',
    en: 'An authorised person needs an authorisation letter. Scan the letter and return again.',
  },
  RETURN_RESULT_INVALID: {
    vi: 'Tệp kết quả không phải PDF đọc được. Quét lại kết quả hoặc chọn tệp PDF khác.',
    en: 'The result file is not a readable PDF. Scan the result again or choose another PDF.',
  },
  NOTICE_NOT_OVERDUE: {
    vi: 'Hồ sơ chưa quá hạn trả kết quả nên không lập phiếu xin lỗi và hẹn lại (Mẫu 04). Chọn hồ sơ trong danh sách "Quá hạn".',
    en: 'The dossier is not past its appointment, so no apology notice (form 04) is made. Choose a dossier from the "Overdue" list.',
  },
  COPY_INVALID: {
    vi: 'Yêu cầu chứng thực chưa đủ: cần bản chính có ít nhất một trang, họ tên người yêu cầu, chức danh người chứng thực và số bản từ 1 đến 20. Bổ sung rồi chứng thực lại.',
    en: 'The certification request is incomplete: an original of at least one page, the requester name, the certifier title and 1 to 20 copies are needed.',
  },
  COPY_NOT_FOUND: {
    vi: 'Không tìm thấy bản sao này trong sổ chứng thực. Tìm lại theo số chứng thực hoặc ngày chứng thực.',
    en: 'No such copy in the certification book. Search again by number or date.',
  },
  NOTICE_RESULT_READY: {
    vi: 'Hồ sơ đã có kết quả (Đã xử lý xong) nên không lập phiếu xin lỗi và hẹn lại (Mẫu 04). Mời người dân đến nhận kết quả tại mục "Trả kết quả".',
    en: 'The dossier already has its result (processed), so no apology notice (form 04) is made. Ask the citizen to collect it under "Return a result".',
  },
  NOTICE_NO_SUPPLEMENT_ASKED: {
    vi: 'Hồ sơ không ở trạng thái "Chờ bổ sung". Chỉ nhận hồ sơ bổ sung sau khi đã lập phiếu yêu cầu bổ sung (Mẫu 02); kiểm tra lại mã hồ sơ.',
    en: 'The dossier is not waiting for a supplement. A supplement is received only after a form 02; check the dossier code.',
  },
  QUEUE_AREA_UNKNOWN: {
    vi: 'Trung tâm không có lĩnh vực này. Chọn một lĩnh vực trong danh sách (lệnh: kiosk queue areas).',
    en: 'The centre has no such area. Choose one from the list (command: kiosk queue areas).',
  },
  QUEUE_COUNTER_UNKNOWN: {
    vi: 'Không có quầy số này trong cấu hình trung tâm. Chọn một quầy được giao lĩnh vực (lệnh: kiosk queue areas).',
    en: "This counter is not in the centre's configuration. Choose a counter that serves an area (command: kiosk queue areas).",
  },
  QUEUE_NO_CURRENT: {
    vi: 'Quầy chưa gọi số nào. Bấm "Gọi số tiếp theo" trước.',
    en: 'The counter has not called a number. Press "Call next" first.',
  },
  QUEUE_CALL_LIMIT: {
    vi: 'Số này đã được gọi đủ số lần cho phép. Bỏ qua số này rồi gọi số tiếp theo.',
    en: 'This number has been called as often as allowed. Skip it, then call the next.',
  },
  QUEUE_SKIP_TOO_EARLY: {
    vi: 'Số này chưa được gọi đủ số lần trước khi bỏ qua. Gọi lại số này trước.',
    en: 'This number has not been called often enough to be skipped. Call it again first.',
  },
  QUEUE_INVALID: {
    vi: 'Yêu cầu về hàng đợi không hợp lệ. Kiểm tra lại quầy, lĩnh vực hoặc mã hồ sơ đã nhập.',
    en: 'The queue request is not valid. Check the counter, area or dossier code entered.',
  },
  RATING_NONE_PENDING: {
    vi: 'Quầy này không có số nào đang chờ đánh giá (có thể quầy đã chuyển sang số khác). Mời Ông/Bà hỏi cán bộ tại quầy.',
    en: 'No number is waiting for a rating at this counter (it may have moved on to another). Please ask the clerk at the counter.',
  },
  RATING_ALREADY_GIVEN: {
    vi: 'Số này đã được đánh giá rồi; mỗi số chỉ đánh giá một lần. Cảm ơn Ông/Bà.',
    en: 'This number has already been rated; each number is rated once. Thank you.',
  },
  RATING_INVALID: {
    vi: 'Đánh giá không hợp lệ. Chọn một mức hài lòng; lý do chỉ chọn khi "Bình thường" hoặc "Không hài lòng".',
    en: 'The rating is not valid. Choose a level; reasons only with "Neutral" or "Dissatisfied".',
  },
  TICKET_PRINT_REFUSED: {
    vi: 'Phiếu này không in được từ kiosk nữa (chỉ in trong vài phút sau khi lấy số, tối đa 3 lần). Mời Ông/Bà ghi nhớ số thứ tự trên màn hình hoặc báo cán bộ tại quầy tiếp nhận.',
    en: 'This ticket can no longer be printed from the kiosk (only within a few minutes of taking it, at most 3 times). Please note your number on the screen or tell the staff at the reception counter.',
  },
  ...ticketPrinterMessages,
  QUEUE_OFFLINE: {
    vi: 'Hàng đợi chung của trung tâm đang mất kết nối. Máy lấy số vẫn cấp số từ dải số dự phòng; quầy tạm gọi số bằng lời và báo bộ phận CNTT kiểm tra máy chủ PostgreSQL.',
    en: "The centre's shared queue is offline. The ticket kiosk still issues numbers from its reserved block; counters call aloud for now and ask IT to check the PostgreSQL server.",
  },
  QUEUE_DB_CONFIG: {
    vi: 'Địa chỉ cơ sở dữ liệu hàng đợi (centre.databaseUrl hoặc KIOSK_CENTRE_DB) chưa hợp lệ. Sửa theo hướng dẫn trong README rồi khởi động lại.',
    en: 'The queue database address (centre.databaseUrl or KIOSK_CENTRE_DB) is not valid. Fix it as the README shows, then restart.',
  },
  REPORT_RANGE_INVALID: {
    vi: 'Khoảng ngày của báo cáo không hợp lệ. Chọn ngày bắt đầu trước hoặc bằng ngày kết thúc, trong vòng một năm.',
    en: 'The report dates are not valid. Choose a start on or before the end, within one year.',
  },
  APPOINTMENT_INVALID: {
    vi: 'Thông tin lịch hẹn chưa hợp lệ. Kiểm tra số thẻ Căn cước (12 chữ số), lĩnh vực, ngày (NĂM-THÁNG-NGÀY) và giờ (GIỜ:PHÚT) rồi nhập lại.',
    en: 'The appointment is not valid. Check the ID number (12 digits), area, date (YYYY-MM-DD) and time (HH:MM), then enter it again.',
  },
  APPOINTMENT_NONE_TODAY: {
    vi: 'Không tìm thấy lịch hẹn hôm nay cho thẻ Căn cước này. Mời Ông/Bà chọn lĩnh vực để lấy số thường, hoặc hỏi cán bộ tại quầy hướng dẫn.',
    en: 'No appointment today for this ID card. Please choose an area to take an ordinary number, or ask the staff at the help counter.',
  },
  APPOINTMENT_ALREADY_USED: {
    vi: 'Lịch hẹn hôm nay của thẻ này đã được nhận số rồi; mỗi lịch hẹn chỉ nhận số một lần. Mời Ông/Bà chờ gọi số đã nhận hoặc hỏi cán bộ tại quầy.',
    en: "Today's appointment of this card has already been picked up; each is picked up once. Please wait for that number or ask the staff.",
  },
  APPOINTMENT_CARD_NOT_READ: {
    vi: 'Máy chưa đọc được thẻ Căn cước của Ông/Bà. Mời đặt thẻ lên đầu đọc và bấm “Đọc thẻ” lại.',
    en: 'The kiosk has not read your ID card. Place it on the reader and press “Read card” again.',
  },
  ...signingErrorMessages,
};

/** The text for one API error, with what the error carries (the PIN's tries left) worded in. */
export function apiErrorText(error: Pick<ApiError, 'code' | 'pin'>): {
  readonly vi: string;
  readonly en: string;
} {
  return error.code === 'SIGNING_PIN_WRONG' ? pinWrongText(error.pin) : errorMessages[error.code];
}
