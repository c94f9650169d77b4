/** Vietnamese: the source language. Every other locale mirrors these keys (checked by the type). */
export const vi = {
  app: {
    title: 'Kiosk Một cửa',
    unit: 'Bộ phận tiếp nhận và trả kết quả',
    training: 'Chế độ đào tạo: hồ sơ gửi tới cổng thử nghiệm',
  },
  nav: { home: 'Trang đầu', diagnostics: 'Chẩn đoán', back: 'Quay lại' },
  language: { label: 'Ngôn ngữ', vi: 'Tiếng Việt', en: 'English' },
  staff: {
    title: 'Tiếp nhận hồ sơ',
    greeting: 'Chọn công việc',
    newDossier: 'Tiếp nhận hồ sơ mới',
    newDossierHint: 'Đọc thẻ CCCD gắn chip, điền tờ khai, quét giấy tờ',
    dossierList: 'Danh sách hồ sơ',
    dossierListHint: 'Hồ sơ đã nhận, trạng thái đồng bộ',
    lookup: 'Tra cứu hồ sơ',
    lookupHint: 'Theo mã hồ sơ hoặc mã QR trên giấy hẹn',
    comingSoon: 'Đang hoàn thiện',
  },
  kiosk: {
    welcome: 'Xin chào!',
    prompt: 'Ông/Bà cần làm gì hôm nay?',
    submit: 'Nộp hồ sơ',
    submitHint: 'Dùng thẻ Căn cước, không phải khai lại thông tin',
    lookup: 'Tra cứu hồ sơ',
    lookupHint: 'Xem hồ sơ đã nộp đang ở bước nào',
    largeText: 'Chữ to',
    normalText: 'Chữ thường',
    help: 'Cần giúp đỡ? Mời Ông/Bà đến quầy tiếp nhận, cán bộ sẽ hỗ trợ.',
    comingSoon: 'Chức năng này sắp có. Mời Ông/Bà đến quầy tiếp nhận.',
  },
  diagnostics: {
    title: 'Chẩn đoán hệ thống',
    intro: 'Tình trạng các dịch vụ và thiết bị của kiosk này.',
    refresh: 'Kiểm tra lại',
    checking: 'Đang kiểm tra…',
    checkedAt: 'Kiểm tra lúc {{time}}',
    check: 'Hạng mục',
    status: 'Tình trạng',
    detail: 'Chi tiết',
    fix: 'Cách khắc phục',
    summary: '{{ok}} tốt, {{warn}} cần chú ý, {{fail}} lỗi',
    states: { ok: 'Tốt', warn: 'Cần chú ý', fail: 'Lỗi', unknown: 'Chưa rõ' },
    kinds: { system: 'Hệ thống', service: 'Dịch vụ', device: 'Thiết bị' },
    names: {
      config: 'Tệp cấu hình',
      node: 'Node.js',
      native: 'Mô-đun {{name}}',
      pcscd: 'Dịch vụ đầu đọc thẻ (pcscd)',
      scanners: 'Máy quét',
      disk: 'Dung lượng ổ đĩa',
      portal: 'Cổng Dịch vụ công',
    },
  },
  idle: {
    title: 'Ông/Bà còn dùng kiosk không?',
    body: 'Để bảo vệ thông tin cá nhân, màn hình sẽ trở về trang đầu sau {{seconds}} giây.',
    stay: 'Tôi vẫn đang dùng',
  },
  connection: {
    lost: 'Mất kết nối với phần lõi của kiosk. Đang kết nối lại…',
    noToken: 'Thiếu mã phiên làm việc. Hãy mở kiosk bằng đường dẫn mà lệnh "npm start" in ra.',
  },
} as const;

type DeepString<T> = { readonly [K in keyof T]: T[K] extends string ? string : DeepString<T[K]> };
export type Translation = DeepString<typeof vi>;
