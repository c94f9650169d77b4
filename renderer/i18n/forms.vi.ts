/** Vietnamese strings of the counter's forms screens (the source; forms.en.ts mirrors the keys). */
export const formsVi = {
  bookTile: 'Sổ theo dõi hồ sơ (Mẫu 06)',
  bookTileHint:
    'Lập sổ theo dõi hồ sơ của một ngày hoặc một khoảng thời gian, tệp PDF và bảng tính',
  bookTitle: 'Sổ theo dõi hồ sơ (Mẫu 06)',
  bookLead: 'Chọn khoảng ngày tiếp nhận (tính theo giờ Việt Nam, gồm cả hai ngày).',
  from: 'Từ ngày',
  to: 'Đến ngày',
  make: 'Lập sổ',
  making: 'Đang lập sổ…',
  badRange: 'Ngày bắt đầu không được sau ngày kết thúc.',
  made: 'Đã lập sổ: {{count}} hồ sơ.',
  downloadPdf: 'Tải sổ theo dõi (PDF)',
  downloadCsv: 'Tải bảng tính (CSV, mở bằng Excel hoặc LibreOffice)',
  frame: 'Sổ theo dõi hồ sơ (PDF)',
};
