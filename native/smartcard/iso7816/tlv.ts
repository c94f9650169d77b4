import { concatBytes } from './hex';
import { ParseError } from './parse-error';

/**
 * BER-TLV (ISO/IEC 7816-4 §5.2, ITU-T X.690) as the chip speaks it, written
 * once for every layer: secure-messaging data objects, file headers and the
 * LDS data groups.
 *
 * A BER-TLV element. `tag` is the tag's bytes read big-endian (`0x5F1F`, `0x7F61`),
 * as ICAO 9303-10 writes them. `value` is a view into the parsed buffer.
 */
export interface Tlv {
  readonly tag: number;
  readonly constructed: boolean;
  readonly value: Uint8Array;
  /** Offset of the tag's first byte in the parsed buffer. */
  readonly start: number;
  /** Offset just past the value. */
  readonly end: number;
}

/** What the first bytes of a file say about its size. */
export interface TlvHeader {
  readonly tag: number;
  readonly constructed: boolean;
  readonly headerLength: number;
  readonly valueLength: number;
  /** headerLength + valueLength: how many bytes to read for the whole file. */
  readonly totalLength: number;
}

/** Tags up to 3 bytes and DER lengths up to 4 bytes: the most a header can take. */
export const MAX_TLV_HEADER = 8;

/**
 * Decodes a tag and a DER definite length at `offset`. Indefinite lengths (0x80)
 * and lengths over 2^32-1 are rejected; LDS files never use them.
 * @throws ParseError when the bytes end too early or are not a TLV header.
 */
export function readTlvHeader(bytes: Uint8Array, offset = 0): TlvHeader {
  let i = offset;
  const next = (): number => {
    const b = bytes[i];
    if (b === undefined) throw new ParseError('TRUNCATED', i, 'TLV header ends early');
    i++;
    return b;
  };
  const first = next();
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    let b: number;
    let count = 0;
    do {
      b = next();
      tag = tag * 256 + b;
      if (++count > 2) throw new ParseError('BAD_TAG', offset, 'TLV tag longer than 3 bytes');
    } while ((b & 0x80) !== 0);
  }
  const l0 = next();
  let valueLength: number;
  if (l0 < 0x80) {
    valueLength = l0;
  } else {
    const n = l0 & 0x7f;
    if (n === 0 || n > 4) {
      throw new ParseError('BAD_LENGTH', i - 1, 'TLV length is indefinite or too long');
    }
    valueLength = 0;
    for (let k = 0; k < n; k++) valueLength = valueLength * 256 + next();
  }
  const headerLength = i - offset;
  return {
    tag,
    constructed: (first & 0x20) !== 0,
    headerLength,
    valueLength,
    totalLength: headerLength + valueLength,
  };
}

/**
 * Reads one TLV at `offset`; its value must lie inside `bytes` (or before `limit`).
 * @throws ParseError
 */
export function readTlv(bytes: Uint8Array, offset = 0, limit = bytes.length): Tlv {
  const h = readTlvHeader(bytes.subarray(0, limit), offset);
  const begin = offset + h.headerLength;
  const end = begin + h.valueLength;
  if (end > limit) throw new ParseError('TRUNCATED', offset, 'TLV value runs past the data');
  return {
    tag: h.tag,
    constructed: h.constructed,
    value: bytes.subarray(begin, end),
    start: offset,
    end,
  };
}

/** All TLVs lying back to back in `bytes` (a constructed value's children). */
export function readTlvList(bytes: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const t = readTlv(bytes, offset);
    out.push(t);
    offset = t.end;
  }
  return out;
}

/** Reads a TLV that must carry `tag`. */
export function expectTlv(bytes: Uint8Array, tag: number, offset = 0): Tlv {
  const t = readTlv(bytes, offset);
  if (t.tag !== tag) {
    throw new ParseError(
      'UNEXPECTED_TAG',
      offset,
      `expected tag ${tag.toString(16).toUpperCase()}, found ${t.tag.toString(16).toUpperCase()}`,
    );
  }
  return t;
}

/** The first child with `tag`, or undefined. */
export function findTlv(children: readonly Tlv[], tag: number): Tlv | undefined {
  return children.find((c) => c.tag === tag);
}

/** The tag's bytes (1-3) from its big-endian number. */
export function encodeTag(tag: number): Uint8Array {
  if (tag <= 0xff) return Uint8Array.of(tag);
  if (tag <= 0xffff) return Uint8Array.of(tag >> 8, tag & 0xff);
  return Uint8Array.of(tag >> 16, (tag >> 8) & 0xff, tag & 0xff);
}

/** DER definite length: short form below 128, else 0x81-0x84 and the big-endian length. */
export function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** One TLV; a value given as several parts is concatenated (children of a constructed tag). */
export function encodeTlv(tag: number, ...value: readonly Uint8Array[]): Uint8Array {
  const v = concatBytes(...value);
  return concatBytes(encodeTag(tag), encodeLength(v.length), v);
}
