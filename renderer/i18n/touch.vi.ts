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
    'Máy đọc thẻ đang tạm ngừng. Mời Ông/Bà nhập thông tin bằng bàn phím trên màn hình, hoặc đến quầy tiếp nhận để được giúp.',
  readerDownWhat: 'Ông/Bà vẫn nộp được hồ sơ: chỉ cần nhập số định danh, họ tên và ngày sinh.',
  readerComesBack: 'Khi máy đọc thẻ hoạt động lại, màn hình này tự chuyển về đọc thẻ.',
  typeInstead: 'Nhập thông tin bằng bàn phím',
  typedQuestion: 'Mời Ông/Bà nhập thông tin của mình',
  typedHint:
    'Nhập đúng như trên thẻ Căn cước. Khi nhận kết quả, Ông/Bà mang theo thẻ để cán bộ đối chiếu.',
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh (ngày/tháng/năm)',
  scanPrompt: 'Hoặc đưa mã QR trên giấy hẹn vào trước đầu quét',
  voice: {
    toggle: 'Nghe hướng dẫn',
    repeat: 'Nghe lại',
    louder: 'To hơn',
    softer: 'Nhỏ hơn',
    volume: 'Âm lượng {{percent}}%',
    unavailable: 'Chưa phát được tiếng lúc này. Mời Ông/Bà đọc hướng dẫn trên màn hình.',
  },
} as const;
