import { DocumentQrError, parseDocumentQr } from '../../api/contract/document-qr';

/** A dossier code `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX` anywhere in a text (notes/portal.md §3). */
const CODE_IN_TEXT = /(?<![\d.])\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}(?!\d)/;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The dossier code a query holds: a document QR of either version
 * (api/contract/document-qr.ts: the payload of every paper printed since
 * version 1, or the bare code of earlier receipts), or a code typed or
 * inside other text (a URL, whitespace around, letters in either case).
 * Null when there is none, and for a damaged version-1 payload: its code is
 * not guessed from the pieces.
 */
export function findDossierCode(query: string): string | null {
  try {
    return parseDocumentQr(query).dossierCode;
  } catch (error) {
    if (!(error instanceof DocumentQrError)) throw error;
    if (error.code === 'QR_MALFORMED') return null;
  }
  const text = decoded(query).toUpperCase();
  return CODE_IN_TEXT.exec(text)?.[0] ?? null;
}

/** The code with its daily sequence masked, for logs: `000.00.00.H00-261125-****`. */
export function maskedCode(code: string): string {
  return code.replace(/-\d{4}$/, '-****');
}
