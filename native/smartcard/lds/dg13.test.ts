import { describe, expect, it } from 'vitest';
import { buildDg13 } from '../../../test/fixtures/cccd/lds-files';
import { NGUYEN_THI_MAI } from '../../../test/fixtures/cccd/synthetic-person';
import { parseDg13, parseDg13Fields } from './dg13';
import { ParseError } from '../iso7816/parse-error';
import { encodeTlv } from '../iso7816/tlv';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s/g, ''), 'hex'));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const field = (n: number, ...v: Uint8Array[]): Uint8Array =>
  encodeTlv(0x30, Uint8Array.of(2, 1, n), ...v);
const str = (tag: number, s: string): Uint8Array => encodeTlv(tag, utf8(s));

const EXPECTED = {
  id: '001185012345',
  fullName: 'Nguyễn Thị Mai',
  birthDate: '1985-03-14',
  sex: 'female',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: 'Không',
  placeOfOrigin: 'Xã Giả Định, Huyện Thanh Trì, Hà Nội',
  placeOfResidence: 'Số 1 Phố Giả Định, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội',
  identifyingFeatures: 'Nốt ruồi C:1cm trên sau cánh mũi phải',
  issueDate: '2021-05-10',
  expiryDate: '2025-03-14',
  father: 'Nguyễn Văn Bình',
  mother: 'Trần Thị Hoà',
  spouse: null,
  oldIdNumber: '123456789',
  cardGeneration: 'cccd',
  source: 'chip',
};

describe('DG13', () => {
  it('puts field 1 at byte 30, where a PC/SC reader printed the card ID', () => {
    const dg13 = buildDg13(NGUYEN_THI_MAI);
    expect(new TextDecoder().decode(dg13.subarray(30, 42))).toBe('001185012345');
    expect([...dg13.subarray(0, 2)]).toEqual([0x6d, 0x82]);
  });

  it('becomes a Citizen with every field, diacritics and ISO dates', () => {
    expect(parseDg13(buildDg13(NGUYEN_THI_MAI))).toEqual(EXPECTED);
  });

  it('reads the same record without the 6D wrapper and with both parents in one SEQUENCE', () => {
    const dg13 = buildDg13(NGUYEN_THI_MAI, { outerWrapper: false, parents: 'together' });
    expect(parseDg13(dg13)).toEqual(EXPECTED);
  });

  it('a card issued from 1 July 2024 reads as a thẻ căn cước with the same fields (2024 layout assumed, unconfirmed)', () => {
    const citizen = parseDg13(buildDg13({ ...NGUYEN_THI_MAI, issueDate: '15/08/2024' }));
    expect(citizen.cardGeneration).toBe('can-cuoc-2024');
    expect(citizen.issueDate).toBe('2024-08-15');
    expect(citizen.placeOfOrigin).toBe(EXPECTED.placeOfOrigin);
  });

  it('reads hand-built bytes of the note layout with fields out of order and absent', () => {
    const dg13 = encodeTlv(
      0x6d,
      encodeTlv(
        0x30,
        hex('020101 060628D316010008'),
        encodeTlv(
          0x31,
          field(3, str(0x13, '01/01/1950')),
          field(2, str(0x0c, 'Lò Văn A')),
          field(1, str(0x13, '011050000001')),
          field(4, str(0x0c, 'Nam')),
          field(12, str(0x0c, 'KHÔNG THỜI HẠN')),
          field(14, encodeTlv(0x30, str(0x0c, 'Lò Thị B'))),
          field(13),
          field(16, str(0x13, 'ABCDEF0123456789')),
        ),
      ),
    );
    const c = parseDg13(dg13);
    expect(c).toMatchObject({
      id: '011050000001',
      fullName: 'Lò Văn A',
      birthDate: '1950-01-01',
      sex: 'male',
      expiryDate: null,
      issueDate: null,
      father: null,
      mother: null,
      spouse: 'Lò Thị B',
      oldIdNumber: null,
      ethnicity: null,
    });
    expect(parseDg13Fields(dg13).get(16)).toEqual(['ABCDEF0123456789']);
  });

  it('normalises decomposed Vietnamese to NFC', () => {
    const person = { ...NGUYEN_THI_MAI, fullName: 'Nguyễn Thị Mai'.normalize('NFD') };
    const dg13 = buildDg13(person).slice();
    // buildDg13 normalises; write the NFD bytes in place of the NFC ones instead.
    const nfc = utf8('Nguyễn Thị Mai');
    const nfd = utf8('Nguyễn Thị Mai'.normalize('NFD'));
    expect(nfd.length).toBeGreaterThan(nfc.length);
    const raw = encodeTlv(
      0x30,
      hex('020101'),
      encodeTlv(
        0x31,
        field(1, str(0x13, '001185012345')),
        field(2, encodeTlv(0x0c, nfd)),
        field(3, str(0x13, '14/03/1985')),
      ),
    );
    expect(parseDg13(raw).fullName).toBe('Nguyễn Thị Mai'.normalize('NFC'));
    expect(parseDg13(dg13).fullName).toBe('Nguyễn Thị Mai'.normalize('NFC'));
  });

  it('refuses a DG13 without the ID, and invalid UTF-8, with a ParseError', () => {
    const noId = encodeTlv(
      0x30,
      encodeTlv(0x31, field(2, str(0x0c, 'A')), field(3, str(0x13, '01/01/2000'))),
    );
    expect(() => parseDg13(noId)).toThrow(ParseError);
    const badUtf8 = encodeTlv(0x30, encodeTlv(0x31, field(2, encodeTlv(0x0c, hex('C3')))));
    expect(() => parseDg13(badUtf8)).toThrow(/UTF-8/);
  });
});
