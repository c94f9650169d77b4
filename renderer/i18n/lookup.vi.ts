/** Vietnamese strings of the lookup screens (the source; lookup.en.ts mirrors the keys). */
export const lookupVi = {
  title: 'Tra cứu hồ sơ',
  question: 'Nhập mã hồ sơ hoặc quét mã QR trên giấy hẹn',
  codeHint:
    'Mã in trên giấy hẹn, dạng 000.00.00.H00-YYMMDD-0000. Hoặc đưa mã QR của giấy hẹn vào đầu đọc.',
  search: 'Tra cứu',
  searching: 'Đang tra cứu…',
  again: 'Tra cứu hồ sơ khác',
  result: 'Hồ sơ {{code}}',
  procedure: 'Thủ tục',
  status: 'Tình trạng',
  received: 'Ngày tiếp nhận',
  due: 'Ngày hẹn trả kết quả',
  sync: 'Gửi lên Cổng Dịch vụ công',
  syncStates: {
    pending: 'Đang chờ gửi lên Cổng (hồ sơ vẫn được giải quyết bình thường)',
    parked: 'Cán bộ đang bổ sung thông tin để gửi lên Cổng',
    synced: 'Đã gửi lên Cổng Dịch vụ công',
  },
  portalChecked: 'Đã đối chiếu với Cổng Dịch vụ công lúc {{time}}',
  portalNotChecked: 'Chưa đối chiếu được với Cổng; tình trạng theo dữ liệu tại kiosk.',
  notFoundTitle: 'Không tìm thấy hồ sơ',
  checks: {
    code: 'Kiểm tra từng ký tự của mã, kể cả dấu chấm và dấu gạch ngang.',
    qr: 'Hoặc đưa mã QR trên giấy hẹn vào đầu đọc.',
    recent: 'Hồ sơ vừa nộp ở nơi khác có thể chưa có ở kiosk này; mời hỏi quầy tiếp nhận.',
  },
} as const;
