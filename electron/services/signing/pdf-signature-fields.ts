import * as asn1js from 'asn1js';

/** One signature dictionary as found in the file's bytes. */
export interface PdfSignatureField {
  /** [offset1, length1, offset2, length2] exactly as written. */
  readonly byteRange: readonly [number, number, number, number];
  /** The CMS (DER, the hex placeholder's zero padding removed); empty when unreadable. */
  readonly cms: Uint8Array;
  /** /SubFilter without the slash, e.g. ETSI.CAdES.detached, adbe.pkcs7.detached, ETSI.RFC3161. */
  readonly subFilter: string;
  /** /Type: Sig, or DocTimeStamp for a document timestamp. */
  readonly type: string;
  /** /M, the time the signer's computer claims. */
  readonly claimedTime: Date | null;
  readonly reason: string;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** D:YYYYMMDDHHmmSS+HH'mm' (ISO 32000-1 §7.9.4); missing parts default as the standard says. */
export function parsePdfDate(text: string): Date | null {
  const m = /^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(
    text,
  );
  if (m === null) return null;
  const n = (s: string | undefined, d: number): number => (s === undefined ? d : Number(s));
  const utc = Date.UTC(n(m[1], 0), n(m[2], 1) - 1, n(m[3], 1), n(m[4], 0), n(m[5], 0), n(m[6], 0));
  const sign = m[7] === '-' ? -1 : m[7] === '+' ? 1 : 0;
  const offset = sign * (n(m[8], 0) * 60 + n(m[9], 0)) * 60_000;
  const date = new Date(utc - offset);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A literal or hex string's text (PDFDocEncoding read as Latin-1, or UTF-16BE with BOM). */
function pdfText(raw: string): string {
  let bytes: Buffer;
  if (raw.startsWith('<')) bytes = Buffer.from(raw.slice(1, -1).replace(/\s+/g, ''), 'hex');
  else {
    const body = raw
      .slice(1, -1)
      .replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) =>
        /^[0-7]/.test(e)
          ? String.fromCharCode(parseInt(e, 8))
          : (({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e),
      );
    bytes = Buffer.from(body, 'latin1');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

function stringValue(dict: string, key: string): string | null {
  const m = new RegExp(`/${key}\\s*(\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>)`).exec(dict);
  return m?.[1] === undefined ? null : pdfText(m[1]);
}

/** The DER object at the start of `bytes` (the rest is the placeholder's zero padding). */
function derPrefix(bytes: Uint8Array): Uint8Array {
  const parsed = asn1js.fromBER(bytes.slice());
  return parsed.offset > 0 ? bytes.subarray(0, parsed.offset) : new Uint8Array(0);
}

/**
 * Every signature dictionary of the file, in file order, found by its
 * /ByteRange (ISO 32000-1 §12.8.1: the dictionary cannot sit in an object
 * stream, its offsets would not hold). The /Contents is what the byte range
 * leaves out, so a range that points anywhere else yields an empty CMS.
 */
export function findSignatureFields(pdf: Uint8Array): PdfSignatureField[] {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const seen = new Set<string>();
  const out: PdfSignatureField[] = [];
  for (const m of text.matchAll(BYTE_RANGE)) {
    const byteRange = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as const;
    const key = byteRange.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const at = m.index;
    const start = Math.max(text.lastIndexOf(' obj', at), text.lastIndexOf('<<', at) - 1, 0);
    const [, b, c] = byteRange;
    const gap = text.slice(b, c);
    const end = text.indexOf('endobj', Math.max(at, c));
    // The dictionary's other keys, with the (large) /Contents value taken out.
    const dict =
      c > start && c < (end < 0 ? text.length : end)
        ? text.slice(start, b) + text.slice(c, end < 0 ? undefined : end)
        : text.slice(start, end < 0 ? undefined : end);
    const hex = /^<([0-9A-Fa-f\s]*)>$/.exec(gap)?.[1];
    const cms =
      hex === undefined
        ? new Uint8Array(0)
        : derPrefix(new Uint8Array(Buffer.from(hex.replace(/\s+/g, ''), 'hex')));
    const claimed = stringValue(dict, 'M');
    out.push({
      byteRange,
      cms,
      subFilter: /\/SubFilter\s*\/([^\s/<>[\]()]+)/.exec(dict)?.[1] ?? '',
      type: /\/Type\s*\/(Sig|DocTimeStamp)\b/.exec(dict)?.[1] ?? 'Sig',
      claimedTime: claimed === null ? null : parsePdfDate(claimed),
      reason: stringValue(dict, 'Reason') ?? '',
    });
  }
  return out;
}
