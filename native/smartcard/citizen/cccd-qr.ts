import { CitizenSchema, isCitizenId, isOldIdNumber, parseSexLabel, vnDateToIso } from './citizen';
import type { Citizen } from './citizen';
import { CitizenError } from './citizen-error';
import { repairMojibake } from './mojibake';

const qrError = (field: string | null, vi: string, en: string): CitizenError =>
  new CitizenError(field === null ? 'QR_FORMAT' : 'QR_FIELD', field, vi, en);

/**
 * Parses the QR printed on a CCCD into a Citizen with source 'qr':
 * `ID12|oldID|Full name|DDMMYYYY|Nam/Nữ|Address|IssueDDMMYYYY`.
 * Missing trailing fields become null and extra fields are ignored (the 2024
 * payload is not documented), and UTF-8 mis-typed as Windows-1252 by a scanner
 * is repaired. ID, name and birth date are required: without them
 * the record cannot be matched to a chip read.
 * @throws CitizenError saying which field to re-scan.
 */
export function parseCccdQr(raw: string): Citizen {
  const fields = repairMojibake(raw)
    .replace(/^\uFEFF/, '')
    .replace(/[\r\n]+$/, '')
    .split('|')
    .map((f) => f.normalize('NFC').trim());
  const at = (i: number): string => fields[i] ?? '';
  const id = at(0);
  if (!isCitizenId(id)) {
    throw qrError(
      null,
      'Mã QR không phải của thẻ CCCD (trường đầu phải là số định danh 12 chữ số); hãy quét lại mã QR trên thẻ.',
      'This QR is not from an ID card (the first field must be the 12-digit ID); scan the QR on the card again.',
    );
  }
  const fullName = at(2);
  if (fullName === '') {
    throw qrError(
      'fullName',
      'Mã QR thiếu họ tên; hãy quét lại hoặc đọc chip.',
      'The QR lacks the full name; scan it again or read the chip.',
    );
  }
  const birthDate = vnDateToIso(at(3));
  if (birthDate === null) {
    throw qrError(
      'birthDate',
      'Ngày sinh trong mã QR không hợp lệ (cần DDMMYYYY); hãy quét lại hoặc đọc chip.',
      'The QR birth date is invalid (expected DDMMYYYY); scan it again or read the chip.',
    );
  }
  const oldId = at(1);
  const result = CitizenSchema.safeParse({
    id,
    fullName,
    birthDate,
    sex: parseSexLabel(at(4)),
    nationality: null,
    ethnicity: null,
    religion: null,
    placeOfOrigin: null,
    placeOfResidence: at(5) === '' ? null : at(5),
    identifyingFeatures: null,
    issueDate: vnDateToIso(at(6)),
    expiryDate: null,
    father: null,
    mother: null,
    spouse: null,
    oldIdNumber: isOldIdNumber(oldId) ? oldId : null,
    source: 'qr',
  });
  if (!result.success) {
    throw qrError(
      null,
      'Không đọc được mã QR trên thẻ; hãy quét lại.',
      `The card QR could not be read (${result.error.message}); scan it again.`,
    );
  }
  return result.data;
}
