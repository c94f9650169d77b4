/**
 * The rule that keeps personal data out of log files. Logs are read by IT
 * staff and leave the counter in support tickets, so ID numbers, names,
 * addresses, MRZ lines and OCR text are removed before a line is written:
 * by key (any field whose name says it holds personal data) and by shape
 * (12- and 9-digit ID numbers, MRZ lines) inside any string.
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
  ].map((k) => k.toLowerCase()),
);

const normaliseKey = (key: string) => key.toLowerCase().replace(/[-_]/g, '');

export function isPersonalKey(key: string): boolean {
  return personalKeys.has(normaliseKey(key));
}

/** A TD1/TD3 MRZ line: 30 or 44 of [A-Z0-9<] holding at least one filler run. */
const mrzLine = /\b[A-Z0-9<]{0,43}<<[A-Z0-9<]{0,43}\b/g;
/** 9 (old CMND) or 12 (CCCD) digits standing alone, also with spaces every 3 digits. */
const idNumber = /(?<!\d)(?:\d{12}|\d{9}|\d{3} \d{3} \d{3}(?: \d{3})?)(?!\d)/g;

export function redactString(value: string): string {
  return value.replace(mrzLine, '[mrz]').replace(idNumber, '[id]');
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
