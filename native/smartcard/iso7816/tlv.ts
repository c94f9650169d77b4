/**
 * Minimal BER-TLV header reading (ISO/IEC 7816-4 §5.2; ITU-T X.690):
 * tag = 1 byte, or 2+ bytes when the low 5 bits are all 1 (continuation while
 * bit 8 is set); length = 1 byte < 0x80, or 0x81 LL, 0x82 LLLL, 0x83 LLLLLL.
 */
export interface TlvHeader {
  readonly tag: number;
  /** Offset of the value's first byte. */
  readonly valueStart: number;
  readonly length: number;
}

/** Returns null when `bytes` does not yet hold a complete header at `offset`. */
export function readTlvHeader(bytes: Uint8Array, offset = 0): TlvHeader | null {
  let i = offset;
  const first = bytes[i++];
  if (first === undefined) return null;
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    for (let n = 0; ; n++) {
      const b = bytes[i++];
      if (b === undefined) return null;
      if (n >= 3) throw new RangeError('TLV tag longer than 4 bytes');
      tag = (tag << 8) | b;
      if ((b & 0x80) === 0) break;
    }
  }
  const l0 = bytes[i++];
  if (l0 === undefined) return null;
  if (l0 < 0x80) return { tag, valueStart: i, length: l0 };
  const n = l0 & 0x7f;
  if (n === 0 || n > 3) throw new RangeError(`unsupported TLV length form 0x${l0.toString(16)}`);
  let length = 0;
  for (let k = 0; k < n; k++) {
    const b = bytes[i++];
    if (b === undefined) return null;
    length = length * 256 + b;
  }
  return { tag, valueStart: i, length };
}

/** Encodes a BER length (short form below 0x80). */
export function encodeLength(length: number): number[] {
  if (length < 0x80) return [length];
  if (length < 0x100) return [0x81, length];
  if (length < 0x10000) return [0x82, length >> 8, length & 0xff];
  return [0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
}
