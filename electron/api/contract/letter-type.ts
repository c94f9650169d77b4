/**
 * The file types an authorisation letter may be (issue 17: a scan or a
 * photo of the signed letter): PDF, JPEG, PNG. Told by the file's first
 * bytes, not its name or the browser's MIME, because a scanner's USB export
 * often has neither right; the page uses it to label the upload and the core
 * to refuse anything else whatever the label said.
 */
export const LETTER_MIMES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type LetterMime = (typeof LETTER_MIMES)[number];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

export function letterMime(bytes: Uint8Array): LetterMime | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}
