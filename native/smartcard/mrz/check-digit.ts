import { MrzError } from './mrz-error';

const WEIGHTS = [7, 3, 1] as const;
const VALID = /^[0-9A-Z<]*$/;

/** ICAO 9303-3 character value: digits as-is, A-Z = 10..35, '<' = 0. */
function charValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return 0;
}

/**
 * ICAO 9303-3 check digit (weights 7-3-1, sum mod 10) over MRZ characters.
 * @throws MrzError MRZ_CHARACTER when `s` holds anything but 0-9, A-Z and '<'.
 */
export function checkDigit(s: string): number {
  if (!VALID.test(s)) {
    throw new MrzError(
      'MRZ_CHARACTER',
      'lines',
      'MRZ chứa ký tự không hợp lệ (chỉ được 0-9, A-Z và <); hãy quét hoặc nhập lại.',
      'The MRZ holds an invalid character (only 0-9, A-Z and < are allowed); scan or type it again.',
    );
  }
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    sum += charValue(s.charCodeAt(i)) * (WEIGHTS[i % 3] ?? 1);
  }
  return sum % 10;
}

/** The check digit as the MRZ character it is printed as. */
export function checkChar(s: string): string {
  return String(checkDigit(s));
}
