import { describe, expect, it } from 'vitest';
import { MrzError, parseTd1FromOcr } from './index';

const CCCD = [
  'IDVNM1850123459001185012345<<0',
  '8503149F2503147VNM<<<<<<<<<<<8',
  'NGUYEN<<THI<MAI<<<<<<<<<<<<<<<',
].join('\n');

describe('MRZ from OCR', () => {
  it('parses a clean MRZ without repairing it', () => {
    expect(parseTd1FromOcr(CCCD).repaired).toBe(false);
  });

  it('repairs O/0, I/1, B/8, S/5 and K/< confusions that the check digits then confirm', () => {
    const ocr = [
      'IDVNM185O1234S9OO1185O12345KK0',
      '85O3149F25O3147VNM<<<<<<<<<<<B',
      'NGUYEN<<TH1<MA1<<<<<<<<<<<<<<<',
    ].join('\n');
    const { mrz, repaired } = parseTd1FromOcr(ocr);
    expect(repaired).toBe(true);
    expect(mrz).toMatchObject({
      documentNumber: '185012345',
      personalId: '001185012345',
      birthDate: '850314',
      surname: 'NGUYEN',
      givenNames: 'THI MAI',
    });
  });

  it('still rejects a misread digit that no letter confusion explains', () => {
    const ocr = CCCD.replace('1850123459', '1860123459');
    expect(() => parseTd1FromOcr(ocr)).toThrow(MrzError);
  });
});
