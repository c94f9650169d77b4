import { ParseError } from '../iso7816/parse-error';
import { expectTlv, findTlv, readTlv, readTlvList } from '../iso7816/tlv';

export type FaceMimeType = 'image/jpeg' | 'image/jp2';

export interface FaceImage {
  readonly mimeType: FaceMimeType;
  readonly width: number;
  readonly height: number;
  /** The encoded image, a view into the DG2 bytes. */
  readonly data: Uint8Array;
}

const u16 = (b: Uint8Array, o: number): number => ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
const u32 = (b: Uint8Array, o: number): number => u16(b, o) * 65536 + u16(b, o + 2);

/** JPEG starts FF D8 FF; JPEG 2000 is a JP2 box (00 00 00 0C 6A 50 20 20) or a codestream (FF 4F FF 51). */
function sniff(data: Uint8Array, dataType: number): FaceMimeType | null {
  const [a, b, c, d] = data;
  if (a === 0xff && b === 0xd8 && c === 0xff) return 'image/jpeg';
  if (a === 0xff && b === 0x4f && c === 0xff && d === 0x51) return 'image/jp2';
  if (a === 0 && b === 0 && c === 0 && d === 0x0c && data[4] === 0x6a && data[5] === 0x50) {
    return 'image/jp2';
  }
  return dataType === 0 ? 'image/jpeg' : dataType === 1 ? 'image/jp2' : null;
}

/**
 * One ISO/IEC 19794-5 facial record block (the CBEFF biometric data block):
 * ```
 * "FAC\0" | "010\0" | recordLength u32 | faceCount u16          (14 bytes)
 * blockLength u32 | featurePoints u16 | gender, eyes, hair u8 | mask u24 |
 *   expression u16 | pose u24 | poseUncertainty u24            (20 bytes)
 * featurePoints × 8 bytes
 * imageType u8 | dataType u8 (0 JPEG, 1 JPEG 2000) | width u16 | height u16 |
 *   colourSpace u8 | sourceType u8 | deviceType u16 | quality u16 (12 bytes)
 * image data (blockLength - 32 - 8 × featurePoints bytes)
 * ```
 * Only the first face of the record is returned (a CCCD holds one).
 */
function parseFacialRecord(rec: Uint8Array, base: number): FaceImage {
  if (rec.length < 46 || rec[0] !== 0x46 || rec[1] !== 0x41 || rec[2] !== 0x43 || rec[3] !== 0) {
    throw new ParseError('BAD_VALUE', base, 'DG2 biometric data is not an ISO 19794-5 record');
  }
  const blockLength = u32(rec, 14);
  const points = u16(rec, 18);
  const info = 14 + 20 + points * 8;
  const imageStart = info + 12;
  const imageEnd = 14 + blockLength;
  if (imageEnd > rec.length || imageStart > imageEnd) {
    throw new ParseError('TRUNCATED', base + 14, 'DG2 facial record is shorter than it says');
  }
  const data = rec.subarray(imageStart, imageEnd);
  const mimeType = sniff(data, rec[info + 1] ?? 0xff);
  if (mimeType === null || data.length === 0) {
    throw new ParseError('BAD_VALUE', base + info, 'DG2 face image is neither JPEG nor JPEG 2000');
  }
  return { mimeType, width: u16(rec, info + 2), height: u16(rec, info + 4), data };
}

/**
 * DG2 (ICAO 9303-10 §4.7.2, CBEFF per ISO/IEC 19785):
 * `75 L { 7F61 L { 02 01 n | 7F60 L { A1 L <header> | 5F2E/7F2E L <19794-5 record> } × n } }`.
 * @throws ParseError
 */
export function parseDg2(bytes: Uint8Array): FaceImage[] {
  const outer = expectTlv(bytes, 0x75);
  const group = expectTlv(outer.value, 0x7f61);
  const faces: FaceImage[] = [];
  const base = outer.end - outer.value.length + group.end - group.value.length;
  for (const t of readTlvList(group.value)) {
    if (t.tag !== 0x7f60) continue;
    const block = findTlv(readTlvList(t.value), 0x5f2e) ?? findTlv(readTlvList(t.value), 0x7f2e);
    if (block === undefined) {
      throw new ParseError('MISSING_FIELD', base + t.start, 'DG2 template lacks biometric data');
    }
    faces.push(parseFacialRecord(block.value, base + t.start));
  }
  const count = readTlv(group.value);
  if (faces.length === 0 || count.tag !== 0x02) {
    throw new ParseError('MISSING_FIELD', base, 'DG2 holds no face image');
  }
  return faces;
}
