import { KioskError } from '../../api/errors';

export type ImportMime = 'application/pdf' | 'image/jpeg' | 'image/png';

/** The most bytes one imported file may have (the contract's limit). */
export const maxImportBytes = 30 * 1024 * 1024;

/**
 * Magic bytes of the accepted files:
 *   PDF  25 50 44 46 2D        "%PDF-" (within the first 1024 bytes, as readers allow)
 *   JPEG FF D8 FF              SOI then the first marker
 *   PNG  89 50 4E 47 0D 0A 1A 0A
 */
const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const jpeg = [0xff, 0xd8, 0xff] as const;
const pdfHeader = '%PDF-';
const pdfTrailer = '%%EOF';

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((value, i) => bytes[i] === value);
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/**
 * Decodes an imported file and checks it is what its mime type says before
 * anything is written: its size, its magic bytes, and for a PDF an end-of-file
 * marker in its last 1024 bytes (a download cut short has none).
 * Throws INVALID_PAYLOAD (empty, too big) or SCAN_BAD_FILE (not that kind of file).
 */
export function checkImportFile(dataBase64: string, mime: ImportMime): Uint8Array {
  if (dataBase64.length % 4 === 1)
    throw new KioskError('INVALID_PAYLOAD', 'the file is not valid base64', [
      { path: 'dataBase64', message: 'not valid base64' },
    ]);
  const decoded = Buffer.from(dataBase64, 'base64');
  const bytes = new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength);
  if (bytes.length === 0)
    throw new KioskError('INVALID_PAYLOAD', 'the file is empty', [
      { path: 'dataBase64', message: 'empty file' },
    ]);
  if (bytes.length > maxImportBytes)
    throw new KioskError(
      'INVALID_PAYLOAD',
      `the file is larger than ${String(maxImportBytes)} bytes`,
      [{ path: 'dataBase64', message: 'file too large (at most 30 MB)' }],
    );
  const ok =
    mime === 'image/png'
      ? startsWith(bytes, png)
      : mime === 'image/jpeg'
        ? startsWith(bytes, jpeg)
        : latin1(bytes.subarray(0, 1024)).includes(pdfHeader);
  if (!ok) throw new KioskError('SCAN_BAD_FILE', `the file's content is not ${mime}`);
  if (mime === 'application/pdf' && !latin1(bytes.subarray(-1024)).includes(pdfTrailer))
    throw new KioskError('SCAN_BAD_FILE', 'the PDF is incomplete (no %%EOF at its end)');
  return bytes;
}

/** The extension the page importer recognises for a mime type (never the user's file name). */
export function extensionOf(mime: ImportMime): string {
  return mime === 'application/pdf' ? '.pdf' : mime === 'image/png' ? '.png' : '.jpg';
}
