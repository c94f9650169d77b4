import type { CliCommand } from '../command';

/**
 * A `kiosk` subcommand as `kiosk --help` lists it, with its module loaded
 * only when it runs: `card`, `hid`, `scan`, `ocr` and the store commands pull
 * in native modules (pcsclite, node-hid, sharp, better-sqlite3) and
 * tesseract.js, which `kiosk --help` or `kiosk calendar` must not pay for.
 * The name and summary repeat the command's own; commands.test.ts holds
 * them equal.
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: CliCommand['summary'];
  load(): Promise<CliCommand>;
}

/** Every `kiosk` subcommand. Add one entry per new command file. */
export const commands: readonly CommandEntry[] = [
  {
    name: 'doctor',
    summary: {
      vi: 'Kiểm tra máy kiosk và chỉ cách sửa',
      en: 'Check this kiosk and say how to fix it',
    },
    load: async () => (await import('./doctor')).doctorCommand,
  },
  {
    name: 'sync',
    summary: { vi: 'Đồng bộ hồ sơ chờ lên Cổng DVC', en: 'Send waiting dossiers to the portal' },
    load: async () => (await import('./sync')).syncCommand,
  },
  {
    name: 'dossier',
    summary: {
      vi: 'Nhập, liệt kê và xem hồ sơ trong kho',
      en: 'Import, list and show stored dossiers',
    },
    load: async () => (await import('./dossier')).dossierCommand,
  },
  {
    name: 'hid',
    summary: { vi: 'Thiết bị HID: máy quét mã, khóa FIDO', en: 'HID devices: scanners, FIDO keys' },
    load: async () => (await import('./hid')).hidCommand,
  },
  {
    name: 'card',
    summary: { vi: 'Đầu đọc và thẻ CCCD gắn chip', en: 'Card readers and the chip ID card' },
    load: async () => (await import('./card')).cardCommand,
  },
  {
    name: 'staff',
    summary: { vi: 'Tài khoản cán bộ (thêm, liệt kê)', en: 'Staff accounts (add, list)' },
    load: async () => (await import('./staff')).staffCommand,
  },
  {
    name: 'scan',
    summary: {
      vi: 'Liệt kê máy quét, quét hoặc nhập tệp thành PDF thành phần hồ sơ',
      en: 'List scanners, scan or import files into a component PDF',
    },
    load: async () => (await import('./scan')).scanCommand,
  },
  {
    name: 'ocr',
    summary: {
      vi: 'Nhận dạng chữ trên ảnh trang (tạo PDF tìm kiếm được)',
      en: 'Recognise text in page images (searchable PDF)',
    },
    load: async () => (await import('./ocr')).ocrCommand,
  },
  {
    name: 'mrz',
    summary: {
      vi: 'Đọc MRZ từ ảnh mặt sau thẻ CCCD (khóa BAC)',
      en: 'Read the MRZ from an ID card back image (BAC key)',
    },
    load: async () => (await import('./mrz')).mrzCommand,
  },
  {
    name: 'receipt',
    summary: {
      vi: 'In lại giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)',
      en: "Print a dossier's receipt again (PDF)",
    },
    load: async () => (await import('./receipt')).receiptCommand,
  },
  {
    name: 'catalogue',
    summary: {
      vi: 'Danh mục thủ tục hành chính (nhập LayThuTuc, tìm, xem)',
      en: 'Administrative procedure catalogue (import LayThuTuc, search, show)',
    },
    load: async () => (await import('./catalogue')).catalogueCommand,
  },
  {
    name: 'calendar',
    summary: {
      vi: 'Lịch ngày làm việc: ngày nghỉ trong năm, ngày hẹn trả kết quả',
      en: 'Working-day calendar: days off in a year, appointment date',
    },
    load: async () => (await import('./calendar')).calendarCommand,
  },
  {
    name: 'forms',
    summary: {
      vi: 'In các mẫu của Bộ phận Một cửa (sổ theo dõi – Mẫu 06; phiếu Mẫu 02/03/04, nhận bổ sung)',
      en: 'Print the one-stop forms (tracking book – form 06; notices 02/03/04, supplement received)',
    },
    load: async () => (await import('./forms')).formsCommand,
  },
  {
    name: 'copies',
    summary: {
      vi: 'Chứng thực bản sao điện tử từ bản chính; in sổ chứng thực',
      en: 'Certify electronic copies from originals; print the certification book',
    },
    load: async () => (await import('./copies')).copiesCommand,
  },
  {
    name: 'signing',
    summary: {
      vi: 'Ký số: liệt kê thiết bị ký số và chứng thư số',
      en: 'Signing: list tokens and their certificates',
    },
    load: async () => (await import('./signing')).signingCommand,
  },
  {
    name: 'sign',
    summary: {
      vi: 'Ký số tệp PDF bằng thiết bị ký số đã cấu hình',
      en: 'Sign a PDF with the configured token',
    },
    load: async () => (await import('./sign')).signCommand,
  },
  {
    name: 'sign-pending',
    summary: {
      vi: 'Ký số bổ sung các hồ sơ "chưa ký số" chưa gửi lên Cổng',
      en: 'Sign the unsigned dossiers not yet sent to the portal',
    },
    load: async () => (await import('./sign-pending')).signPendingCommand,
  },
  {
    name: 'queue',
    summary: {
      vi: 'Hàng đợi: lấy số, gọi số, tình trạng theo lĩnh vực',
      en: 'Queue: take a number, call the next, status per area',
    },
    load: async () => (await import('./queue')).queueCommand,
  },
  {
    name: 'report',
    summary: {
      vi: 'Báo cáo trung tâm: số thứ tự, thời gian chờ, mức độ hài lòng (QĐ 766)',
      en: 'Centre report: tickets, waiting times, satisfaction (QĐ 766)',
    },
    load: async () => (await import('./report')).reportCommand,
  },
  {
    name: 'verify',
    summary: {
      vi: 'Kiểm tra chữ ký số trên tệp PDF',
      en: 'Verify the digital signatures of a PDF',
    },
    load: async () => (await import('./verify')).verifyCommand,
  },
  {
    name: 'ticket',
    summary: {
      vi: 'Máy in phiếu số thứ tự: in thử một phiếu mẫu',
      en: 'Queue ticket printer: print a sample ticket',
    },
    load: async () => (await import('./ticket')).ticketCommand,
  },
];
