/**
 * The eMRTD files the kiosk reads (ICAO 9303-10 §4.6; FIDs/SFIs as in JMRTD).
 * `minSize` is a size no well-formed file of that kind is below on a CCCD; the
 * first READ BINARY asks for at most that many bytes, so it never runs past the
 * end of the file (some chips, and vsmartcard, answer an over-read without a
 * MAC, which would end the secure channel).
 */
export type LdsFileName = 'COM' | 'DG1' | 'DG2' | 'DG13' | 'DG14' | 'DG15' | 'SOD';

export interface LdsFile {
  readonly name: LdsFileName | 'CardAccess';
  readonly sfi: number;
  readonly fid: number;
  /** The tag EF.COM lists for a data group (absent for COM and SOD). */
  readonly comTag: number | null;
  readonly minSize: number;
}

export const LDS_FILES: readonly (LdsFile & { readonly name: LdsFileName })[] = [
  // 60 LL 5F01 04 … 5F36 06 … 5C n tags: 20 + n bytes, n ≥ 1.
  { name: 'COM', sfi: 0x1e, fid: 0x011e, comTag: null, minSize: 21 },
  // TD1: 61 5D 5F1F 5A + 90 MRZ characters, always 95 bytes on a CCCD.
  { name: 'DG1', sfi: 0x01, fid: 0x0101, comTag: 0x61, minSize: 95 },
  // DG13 holds at least the ID, name, dates and places: far above 128 bytes.
  { name: 'DG13', sfi: 0x0d, fid: 0x010d, comTag: 0x6d, minSize: 128 },
  // A facial image record: CBEFF headers plus a JPEG, kilobytes.
  { name: 'DG2', sfi: 0x02, fid: 0x0102, comTag: 0x75, minSize: 1024 },
  // 6E L 31 L { 30 L { 06 08 OID, 02 01 v } }: one SecurityInfo at least.
  { name: 'DG14', sfi: 0x0e, fid: 0x010e, comTag: 0x6e, minSize: 19 },
  // 6F L SubjectPublicKeyInfo: an EC key (compressed P-256) is the smallest.
  { name: 'DG15', sfi: 0x0f, fid: 0x010f, comTag: 0x6f, minSize: 60 },
  // CMS SignedData with a document-signer certificate.
  { name: 'SOD', sfi: 0x1d, fid: 0x011d, comTag: null, minSize: 512 },
];

/** EF.CardAccess in the master file: PACE's SecurityInfos (54 bytes on a CCCD). */
export const CARD_ACCESS: LdsFile = {
  name: 'CardAccess',
  sfi: 0x1c,
  fid: 0x011c,
  comTag: null,
  minSize: 16,
};

/** The data groups EF.COM lists (tag list 5C), or null when EF.COM is malformed. */
export function dataGroupTagsOf(com: Uint8Array): Set<number> | null {
  // 60 L { 5F01 04 v, 5F36 06 v, 5C n tags }
  if (com[0] !== 0x60) return null;
  let i = com[1] === 0x81 ? 3 : 2;
  while (i + 1 < com.length) {
    const tag = com[i] === 0x5f ? 0x5f00 | (com[i + 1] ?? 0) : (com[i] ?? 0);
    const lengthAt = i + (tag > 0xff ? 2 : 1);
    const length = com[lengthAt];
    if (length === undefined || length >= 0x80) return null;
    const start = lengthAt + 1;
    if (tag === 0x5c) return new Set(com.subarray(start, start + length));
    i = start + length;
  }
  return null;
}
