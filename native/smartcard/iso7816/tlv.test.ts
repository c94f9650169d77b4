import { describe, expect, it } from 'vitest';
import { ParseError } from './parse-error';
import { encodeLength, encodeTlv, readTlv, readTlvHeader, readTlvList } from './tlv';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s/g, ''), 'hex'));

describe('BER-TLV', () => {
  it('tells a file length from its first four bytes (DG13 6D 82 01 C7)', () => {
    expect(readTlvHeader(hex('6D8201C7'))).toEqual({
      tag: 0x6d,
      constructed: true,
      headerLength: 4,
      valueLength: 0x1c7,
      totalLength: 0x1cb,
    });
  });

  it('reads two- and three-byte tags as ICAO writes them', () => {
    expect(readTlvHeader(hex('5F1F5A')).tag).toBe(0x5f1f);
    expect(readTlvHeader(hex('7F6100')).tag).toBe(0x7f61);
    expect(readTlvHeader(hex('5F81020100')).tag).toBe(0x5f8102);
  });

  it('reads short and long definite lengths', () => {
    expect(readTlvHeader(hex('047F')).valueLength).toBe(0x7f);
    expect(readTlvHeader(hex('048180')).valueLength).toBe(0x80);
    expect(readTlvHeader(hex('04830100002')).valueLength).toBe(0x10000);
  });

  it('rejects indefinite lengths, over-long tags and values past the end', () => {
    const code = (b: Uint8Array): string => {
      try {
        readTlv(b);
      } catch (e) {
        if (e instanceof ParseError) return e.code;
      }
      return 'none';
    };
    expect(code(hex('3080'))).toBe('BAD_LENGTH');
    expect(code(hex('1F818181'))).toBe('BAD_TAG');
    expect(code(hex('0405010203'))).toBe('TRUNCATED');
    expect(code(hex('5F'))).toBe('TRUNCATED');
  });

  it('encodes what it reads', () => {
    const value = new Uint8Array(300).fill(7);
    const der = encodeTlv(0x5f2e, value);
    expect([...der.subarray(0, 5)]).toEqual([0x5f, 0x2e, 0x82, 0x01, 0x2c]);
    expect(readTlv(der).value).toEqual(value);
    expect([...encodeLength(0x7f)]).toEqual([0x7f]);
    expect([...encodeLength(0x100)]).toEqual([0x82, 0x01, 0x00]);
  });

  it('lists siblings back to back', () => {
    const list = readTlvList(hex('020101 0403AABBCC 3000'));
    expect(list.map((t) => t.tag)).toEqual([0x02, 0x04, 0x30]);
    expect(list[2]?.constructed).toBe(true);
  });
});
