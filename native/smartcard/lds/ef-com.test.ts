import { describe, expect, it } from 'vitest';
import { decodeOid, encodeOid } from './oid';
import { paceInfos, parseSecurityInfos } from './security-infos';
import { parseEfCom } from './ef-com';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s/g, ''), 'hex'));

describe('EF.COM', () => {
  it('reads the 26-byte CCCD EF.COM from the note: LDS 1.7 and DG 1, 2, 3, 13, 15, 14', () => {
    const com = hex('6018 5F0104 30313037 5F3606 303430303030 5C06 6175636D6F6E');
    expect(com.length).toBe(26);
    expect(parseEfCom(com)).toEqual({
      ldsVersion: '1.7',
      unicodeVersion: '4.0.0',
      dataGroups: [1, 2, 3, 13, 15, 14],
    });
  });
});

describe('SecurityInfos', () => {
  /** The EF.CardAccess Vietnamese apps hard-code (notes/cccd.md §2.2). */
  const CARD_ACCESS = hex(
    '3134 300d 0608 04007f00070202 02 020101' +
      ' 300f 060a 04007f0007020203 0202 020101' +
      ' 3012 060a 04007f0007020204 0202 020102 02010d',
  );

  it('finds the PACEInfo by OID although it is the third entry', () => {
    expect(CARD_ACCESS.length).toBe(54);
    const infos = parseSecurityInfos(CARD_ACCESS);
    expect(infos.map((i) => i.protocol)).toEqual([
      '0.4.0.127.0.7.2.2.2',
      '0.4.0.127.0.7.2.2.3.2.2',
      '0.4.0.127.0.7.2.2.4.2.2',
    ]);
    expect(paceInfos(infos)).toEqual([
      { protocol: '0.4.0.127.0.7.2.2.4.2.2', version: 2, parameterId: 13 },
    ]);
  });

  it('encodes and decodes object identifiers with multi-byte arcs', () => {
    expect(decodeOid(hex('2A864886F70D010702'))).toBe('1.2.840.113549.1.7.2');
    expect([...encodeOid('1.2.840.113549.1.7.2')]).toEqual([...hex('2A864886F70D010702')]);
    expect(decodeOid(encodeOid('2.23.136.1.1.1'))).toBe('2.23.136.1.1.1');
  });
});
