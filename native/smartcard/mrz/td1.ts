import { checkDigit } from './check-digit';
import { assertMrzDate } from './mrz-date';
import { MrzError } from './mrz-error';
import type { MrzField } from './mrz-error';

/** A parsed, fully check-digit-verified TD1 MRZ (3 lines of 30 characters). */
export interface Td1Mrz {
  readonly lines: readonly [string, string, string];
  /** Line 1 positions 1-2, e.g. `ID` (filler removed). */
  readonly documentCode: string;
  readonly issuingState: string;
  /** The document number without filler; on a CCCD the last 9 digits of the personal ID. */
  readonly documentNumber: string;
  /** Line 1 optional data (positions 16-30) as printed. */
  readonly optionalData1: string;
  /** The 12-digit personal ID from the optional data of a Vietnamese card, else null. */
  readonly personalId: string | null;
  /** `YYMMDD`. */
  readonly birthDate: string;
  readonly sex: 'M' | 'F' | 'X';
  /** `YYMMDD`; `991231` on a Vietnamese card that never expires. */
  readonly expiryDate: string;
  readonly nationality: string;
  readonly optionalData2: string;
  /** Primary identifier, `<` turned into spaces. */
  readonly surname: string;
  readonly givenNames: string;
}

const LINE = 30;

function formatError(vi: string, en: string): MrzError {
  return new MrzError('MRZ_FORMAT', 'lines', vi, en);
}

function verify(data: string, printed: string, field: MrzField): void {
  if (printed === String(checkDigit(data))) return;
  throw new MrzError(
    'MRZ_CHECK_DIGIT',
    field,
    `Số kiểm tra của trường ${field} trong MRZ không đúng; hãy quét lại hoặc nhập lại cho đúng.`,
    `The MRZ check digit of ${field} does not match; scan or type the MRZ again.`,
  );
}

const unfill = (s: string): string => s.replace(/<+$/, '').replace(/</g, ' ').trim();

/**
 * Splits MRZ text into three 30-character lines. Accepts line breaks, surrounding
 * spaces, lower case, or the 90 characters run together (as DG1 stores them).
 */
export function splitTd1(text: string): [string, string, string] {
  const rows = text
    .toUpperCase()
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ''))
    .filter((l) => l.length > 0);
  const joined = rows.join('');
  if (joined.length !== LINE * 3 || !(rows.length === 1 || rows.length === 3)) {
    throw formatError(
      'MRZ phải có 3 dòng, mỗi dòng 30 ký tự (mặt sau thẻ CCCD); hãy quét lại.',
      'The MRZ must have 3 lines of 30 characters (back of the ID card); scan it again.',
    );
  }
  if (rows.length === 3 && rows.some((r) => r.length !== LINE)) {
    throw formatError(
      'Mỗi dòng MRZ phải có đúng 30 ký tự; hãy quét lại.',
      'Each MRZ line must have exactly 30 characters; scan it again.',
    );
  }
  return [joined.slice(0, 30), joined.slice(30, 60), joined.slice(60, 90)];
}

/**
 * Parses a TD1 MRZ and verifies every check digit: document number (with the
 * ICAO long-number overflow into the optional data), the 12-digit Vietnamese ID
 * at line 1 position 30, birth date, expiry date and the composite.
 *
 * Line 1: `ID VNM <docNo 9> <cd> <ID12> << <cd>`; line 2: `YYMMDD cd S YYMMDD cd VNM <11> cd`.
 * @throws MrzError
 */
export function parseTd1(text: string): Td1Mrz {
  const lines = splitTd1(text);
  const [l1, l2, l3] = lines;
  for (const l of lines) checkDigit(l); // rejects foreign characters early
  const issuingState = unfill(l1.slice(2, 5)).replace(/ /g, '<');
  let documentNumber = l1.slice(5, 14);
  const optionalData1 = l1.slice(15, 30);
  if (l1[14] === '<' && issuingState !== 'VNM') {
    // ICAO 9303-5 note j: a number longer than 9 continues in the optional data,
    // followed by its check digit and a filler.
    const tail = /^([0-9A-Z]*)(\d)</.exec(optionalData1);
    if (tail?.[1] === undefined || tail[2] === undefined) {
      throw formatError(
        'Số giấy tờ trong MRZ bị thiếu số kiểm tra; hãy quét lại.',
        'The MRZ document number lacks its check digit; scan it again.',
      );
    }
    documentNumber = documentNumber + tail[1];
    verify(documentNumber, tail[2], 'documentNumber');
  } else {
    verify(documentNumber, l1[14] ?? '', 'documentNumber');
  }

  let personalId: string | null = null;
  if (issuingState === 'VNM') {
    const m = /^(\d{12})<<(\d)$/.exec(optionalData1);
    if (m?.[1] === undefined || m[2] === undefined) {
      throw new MrzError(
        'MRZ_FORMAT',
        'personalId',
        'MRZ của thẻ CCCD phải chứa số định danh 12 chữ số ở dòng 1; hãy quét lại.',
        'A CCCD MRZ must hold the 12-digit personal ID on line 1; scan it again.',
      );
    }
    verify(m[1], m[2], 'personalId');
    personalId = m[1];
  }

  const birthDate = l2.slice(0, 6);
  assertMrzDate(birthDate, 'birthDate');
  verify(birthDate, l2[6] ?? '', 'birthDate');
  const sexChar = l2[7];
  const sex = sexChar === 'M' || sexChar === 'F' ? sexChar : sexChar === '<' ? 'X' : null;
  if (sex === null) {
    throw new MrzError(
      'MRZ_FORMAT',
      'sex',
      'Giới tính trong MRZ phải là M, F hoặc <; hãy quét lại.',
      'The MRZ sex must be M, F or <; scan it again.',
    );
  }
  const expiryDate = l2.slice(8, 14);
  assertMrzDate(expiryDate, 'expiryDate');
  verify(expiryDate, l2[14] ?? '', 'expiryDate');
  verify(
    l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29),
    l2[29] ?? '',
    'composite',
  );

  const sep = l3.indexOf('<<');
  const surname = sep < 0 ? l3 : l3.slice(0, sep);
  const given = sep < 0 ? '' : l3.slice(sep + 2);
  return {
    lines,
    documentCode: unfill(l1.slice(0, 2)),
    issuingState,
    documentNumber: documentNumber.replace(/<+$/, ''),
    optionalData1,
    personalId,
    birthDate,
    sex,
    expiryDate,
    nationality: unfill(l2.slice(15, 18)).replace(/ /g, '<'),
    optionalData2: l2.slice(18, 29),
    surname: unfill(surname),
    givenNames: unfill(given).replace(/\s+/g, ' '),
  };
}
