/** CP1252 characters at 0x80-0x9F (where Windows-1252 differs from Latin-1). */
const CP1252: Readonly<Record<string, number>> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Undoes UTF-8 read as Windows-1252/Latin-1 ("Nguyá»…n" -> "Nguyễn"), which a
 * keyboard-wedge QR scanner produces on a host with the wrong code page. Text
 * that is not such mojibake is returned unchanged.
 */
export function repairMojibake(text: string): string {
  if (!/[ÃÄÆá][\u0080-\u00ff\u0152-\u2122]/u.test(text)) return text;
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const b = code <= 0xff ? code : CP1252[ch];
    if (b === undefined) return text;
    bytes.push(b);
  }
  try {
    return utf8.decode(Uint8Array.from(bytes));
  } catch {
    return text;
  }
}
