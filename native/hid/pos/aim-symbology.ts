/**
 * AIM symbology identifiers (ISO/IEC 15424): "]" + code character + modifier,
 * the prefix HID POS scanners report in Symbology Identifier 1-3 (Bar Code
 * Scanner page 0x8C, usages 0xFB-0xFD).
 */
const names: Readonly<Record<string, string>> = {
  A: 'Code 39',
  C: 'Code 128',
  d: 'Data Matrix',
  E: 'EAN/UPC',
  e: 'GS1 DataBar',
  F: 'Codabar',
  G: 'Code 93',
  I: 'Interleaved 2 of 5',
  L: 'PDF417',
  Q: 'QR Code',
  z: 'Aztec',
};

export interface Symbology {
  /** The identifier as sent, e.g. "]Q1"; empty when the scanner sent none. */
  readonly id: string;
  /** A readable name, or "unknown". */
  readonly name: string;
}

export function symbologyOf(bytes: Uint8Array): Symbology {
  const id = String.fromCharCode(...bytes.filter((b) => b >= 0x20 && b < 0x7f));
  if (id.length >= 2 && id.startsWith(']')) return { id, name: names[id.charAt(1)] ?? 'unknown' };
  return { id, name: 'unknown' };
}
