/** Vietnamese strings of the touch kiosk: on-screen keys, outages, voice (touch.en.ts mirrors the keys). */
export const touchVi = {
  keyboardFor: 'Bàn phím cho ô: {{target}}',
  type: 'Nhập ô “{{field}}”',
  space: 'Dấu cách',
  shift: 'Chữ hoa',
  backspace: 'Xóa',
  backspaceName: 'Xóa chữ cuối',
  clear: 'Xóa hết',
  clearName: 'Xóa hết chữ đã nhập',
  toneName: 'Dấu {{tone}}',
  tones: { sac: 'Sắc', huyen: 'Huyền', hoi: 'Hỏi', nga: 'Ngã', nang: 'Nặng' },
  datePlaceholder: 'ngày/tháng/năm',
  readerDown:
    'Máy đọc thẻ đang tạm ngừng. Mời Ông/Bà mang thẻ Căn cước đến {{counter}}, cán bộ sẽ nhận hồ sơ giúp.',
  readerDownWhat:
    'Kiosk tự phục vụ chỉ nhận hồ sơ khi đọc được chip trên thẻ, để không ai nộp hồ sơ mang tên người khác.',
  readerComesBack: 'Khi máy đọc thẻ hoạt động lại, màn hình này tự chuyển về đọc thẻ.',
  readFailedCounter: 'Nếu vẫn không đọc được thẻ, mời Ông/Bà đến {{counter}}.',
  scanPrompt: 'Hoặc đưa mã QR trên giấy hẹn vào trước đầu quét',
  card: {
    access: 'Chọn một cách để máy đọc thẻ',
    byCan: 'Nhập số định danh (12 số ở mặt trước thẻ)',
    byMrz: 'Nhập các số ở mặt sau thẻ',
    idNumber: 'Số định danh cá nhân (12 số)',
    doc: 'Số thẻ: 9 số đứng sau chữ IDVNM, dòng đầu',
    dob: 'Ngày sinh: 6 số, năm tháng ngày (ví dụ 850314)',
    expiry: 'Ngày hết hạn: 6 số, năm tháng ngày (ví dụ 350314)',
  },
  spoken: {
    procedure: 'Bấm vào tên thủ tục Ông/Bà cần làm.',
    confirm: 'Xem ảnh và họ tên. Nếu đúng, bấm “Đúng, là tôi”.',
    fields: 'Bấm vào từng ô, rồi bấm các phím trên màn hình. Xong thì bấm “Tiếp tục”.',
  },
  voice: {
    toggle: 'Nghe hướng dẫn',
    repeat: 'Nghe lại',
    louder: 'To hơn',
    softer: 'Nhỏ hơn',
    volume: 'Âm lượng {{percent}}%',
    unavailable: 'Chưa phát được tiếng lúc này. Mời Ông/Bà đọc hướng dẫn trên màn hình.',
  },
} as const;
