/**
 * The rule that keeps personal data out of log files. Logs are read by IT
 * staff and leave the counter in support tickets, so ID numbers, names,
 * addresses, MRZ lines and OCR text are removed before a line is written:
 * by key (any field whose name says it holds personal data, in English or
 * Vietnamese) and by shape inside any string: 12- and 9-digit ID numbers
 * (also written with spaces, dots or dashes), Vietnamese phone numbers
 * (+84…, 0084…, 0…), dates of the shapes a birth date is written in, and MRZ
 * lines. A shape rule may also hide a harmless number; that is the safe side.
 */

export const REDACTED = '[redacted]';

/** Field names (compared lower-case, without - and _) that hold personal data. */
const personalKeys = new Set(
  [
    'name',
    'fullName',
    'hoTen',
    'chuHoSo',
    'father',
    'mother',
    'spouse',
    'applicant',
    'citizen',
    'address',
    'diaChi',
    'placeOfOrigin',
    'placeOfResidence',
    'queQuan',
    'noiThuongTru',
    'idNumber',
    'personalId',
    'soDinhDanh',
    'cccd',
    'cmnd',
    'oldIdNumber',
    'maDoiTuong',
    'documentNumber',
    'birthDate',
    'dateOfBirth',
    'ngaySinh',
    'phone',
    'soDienThoai',
    'email',
    'mrz',
    'mrzLines',
    'ocrText',
    'text',
    'qr',
    'qrText',
    'photo',
    'face',
    'password',
    'pin',
    'can',
    'identifyingFeatures',
    'religion',
    'ethnicity',
    // Vietnamese field names (portal and e-form payloads): tên, họ và tên, người nộp…
    'ten',
    'hoVaTen',
    'tenNguoiNop',
    'hoTenNguoiNop',
    'nguoiNop',
    'tenChuHoSo',
    'tenCongDan',
    'congDan',
    'soCCCD',
    'soCMND',
    'soGiayTo',
    'maDinhDanh',
    'dienThoai',
    'sdt',
    'soDiDong',
    'namSinh',
    'sinhNgay',
    'noiSinh',
    'diaChiThuongTru',
    'noiOHienTai',
    'thuDienTu',
  ].map((k) => k.toLowerCase()),
);

const normaliseKey = (key: string) => key.toLowerCase().replace(/[-_]/g, '');

/** Compound Vietnamese keys (`hoTenNguoiDaiDien`, `tenNguoiUyQuyen`, `ngaySinhChuHo`…). */
const personalKeyShape = /^(?:hoten|hovaten|tennguoi|ngaysinh|sodienthoai|sodinhdanh)/;

export function isPersonalKey(key: string): boolean {
  const k = normaliseKey(key);
  return personalKeys.has(k) || personalKeyShape.test(k);
}

/** A TD1/TD3 MRZ line: 30 or 44 of [A-Z0-9<] holding at least one filler run. */
const mrzLine = /\b[A-Z0-9<]{0,43}<<[A-Z0-9<]{0,43}\b/g;
/** Not inside a longer run of digits (a separator between digits keeps the run going). */
const before = String.raw`(?<![\d+][ .\-]?)`;
const after = String.raw`(?![ .\-]?\d)`;
/**
 * A Vietnamese phone number: +84 / 0084 / (+84) then 9–10 digits, or 0 then
 * 9–10 digits; digits may be grouped by spaces, dots or dashes. Run before the
 * ID rule so a 10-digit mobile is not half-eaten by it.
 */
const phoneNumber = new RegExp(
  String.raw`${before}(?:(?:\+|00)84|\(\+84\))[ .\-]?(?:\(0\)[ .\-]?)?\d(?:[ .\-]?\d){8,9}${after}|${before}0\d(?:[ .\-]?\d){8,9}${after}`,
  'g',
);
/**
 * 9 (old CMND) or 12 (CCCD) digits standing alone, plain or grouped by one
 * kind of separator (space, dot, dash): 001 185 012 345, 001.185.012.345,
 * 0011-8501-2345, 123 456 789.
 */
const idNumber = new RegExp(
  String.raw`${before}(?:\d{12}|\d{9}|\d{3}([ .\-])\d{3}\1\d{3}(?:\1\d{3})?|\d{4}([ .\-])\d{4}\2\d{4}|\d{3}([ .\-])\d{3}\3\d{6}|\d{6}([ .\-])\d{6})${after}`,
  'g',
);
/**
 * Dates the way a birth date is written: dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy,
 * yyyy-mm-dd (not an ISO timestamp, which logs use for their own times) and
 * "ngày 12 tháng 01 năm 1985".
 */
const dateShape = new RegExp(
  [
    String.raw`(?<!\d)(?:0?[1-9]|[12]\d|3[01])([/.\-])(?:0?[1-9]|1[0-2])\1(?:19|20)\d{2}(?!\d)`,
    String.raw`(?<!\d)(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\dT:])`,
    String.raw`ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}`,
  ].join('|'),
  'giu',
);

export function redactString(value: string): string {
  return value
    .replace(mrzLine, '[mrz]')
    .replace(phoneNumber, '[phone]')
    .replace(idNumber, '[id]')
    .replace(dateShape, '[date]');
}

/** Returns a copy of `value` with personal data removed; never mutates its input. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactString(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return {
      type: value.name,
      message: redactString(value.message),
      stack: redactString(value.stack ?? ''),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isPersonalKey(key) ? REDACTED : redact(item, depth + 1);
  }
  return out;
}
