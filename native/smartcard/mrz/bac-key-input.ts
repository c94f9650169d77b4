import { checkChar } from './check-digit';
import { assertMrzDate } from './mrz-date';
import { MrzError } from './mrz-error';

export interface BacKeyFields {
  /** On a CCCD the 9-digit document number (last 9 digits of the ID), not the 12-digit ID. */
  readonly documentNumber: string;
  /** `YYMMDD`. */
  readonly birthDate: string;
  /** `YYMMDD`. */
  readonly expiryDate: string;
}

/**
 * ICAO 9303-11 §9.7.1 MRZ_information, the input of the BAC key seed:
 * `docNo (≥9, '<'-padded) ‖ cd ‖ YYMMDD ‖ cd ‖ YYMMDD ‖ cd` (24 characters for a
 * 9-character number). Kseed = SHA-1(MRZ_information)[0..15] is the caller's job.
 * @throws MrzError when a field is malformed.
 */
export function bacKeyInput(fields: BacKeyFields): string {
  const doc = fields.documentNumber.trim().toUpperCase();
  if (!/^[0-9A-Z]{1,}[0-9A-Z<]*$/.test(doc)) {
    throw new MrzError(
      'MRZ_CHARACTER',
      'documentNumber',
      'Số giấy tờ chỉ gồm chữ số và chữ in hoa (CCCD: 9 số cuối của số định danh); hãy nhập lại.',
      'The document number holds only digits and capital letters (CCCD: the last 9 digits of the ID); type it again.',
    );
  }
  assertMrzDate(fields.birthDate, 'birthDate');
  assertMrzDate(fields.expiryDate, 'expiryDate');
  const padded = doc.padEnd(9, '<');
  return (
    padded +
    checkChar(padded) +
    fields.birthDate +
    checkChar(fields.birthDate) +
    fields.expiryDate +
    checkChar(fields.expiryDate)
  );
}
