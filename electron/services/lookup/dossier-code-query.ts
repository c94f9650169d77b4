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
 * The dossier code a status-lookup query holds: typed, or the receipt QR's
 * text (the plain code, possibly inside a URL or with whitespace around it;
 * letters of the unit code in either case). Null when there is none.
 */
export function findDossierCode(query: string): string | null {
  const text = decoded(query).toUpperCase();
  return CODE_IN_TEXT.exec(text)?.[0] ?? null;
}

/** The code with its daily sequence masked, for logs: `000.00.00.H00-261125-****`. */
export function maskedCode(code: string): string {
  return code.replace(/-\d{4}$/, '-****');
}
