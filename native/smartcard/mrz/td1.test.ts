import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bacKeyInput, checkDigit, MrzError, parseTd1 } from './index';

const CCCD = [
  'IDVNM1850123459001185012345<<0',
  '8503149F2503147VNM<<<<<<<<<<<8',
  'NGUYEN<<THI<MAI<<<<<<<<<<<<<<<',
].join('\n');

/** ICAO Doc 9303-5 Appendix A, TD1 specimen. */
const ICAO_TD1 = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
].join('\n');

const kseed = (info: string): string =>
  createHash('sha1').update(info, 'latin1').digest('hex').slice(0, 32).toUpperCase();

const mrzError = (fn: () => unknown): MrzError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof MrzError) return e;
    throw e;
  }
  throw new Error('no MrzError thrown');
};

describe('check digits', () => {
  it('match the 7-3-1 sums worked by hand in the CCCD note', () => {
    expect(checkDigit('185012345')).toBe(9);
    expect(checkDigit('001185012345')).toBe(0);
    expect(checkDigit('850314')).toBe(9);
    expect(checkDigit('250314')).toBe(7);
    expect(checkDigit('991231')).toBe(5);
  });

  it('match the ICAO 9303-11 BAC example document number', () => {
    expect(checkDigit('L898902C<')).toBe(3);
    expect(checkDigit('690806')).toBe(1);
    expect(checkDigit('940623')).toBe(6);
  });

  it('reject characters outside 0-9, A-Z and <', () => {
    expect(mrzError(() => checkDigit('12a')).code).toBe('MRZ_CHARACTER');
  });
});

describe('TD1 parsing', () => {
  it('reads every field of the synthetic CCCD MRZ', () => {
    const mrz = parseTd1(CCCD);
    expect(mrz).toMatchObject({
      documentCode: 'ID',
      issuingState: 'VNM',
      documentNumber: '185012345',
      personalId: '001185012345',
      birthDate: '850314',
      sex: 'F',
      expiryDate: '250314',
      nationality: 'VNM',
      surname: 'NGUYEN',
      givenNames: 'THI MAI',
    });
  });

  it('reads the ICAO TD1 specimen (no Vietnamese ID in its optional data)', () => {
    const mrz = parseTd1(ICAO_TD1);
    expect(mrz.documentNumber).toBe('D23145890');
    expect(mrz.personalId).toBeNull();
    expect(mrz.givenNames).toBe('ANNA MARIA');
  });

  it('accepts the 90 characters run together, as DG1 stores them', () => {
    expect(parseTd1(CCCD.replace(/\n/g, '')).personalId).toBe('001185012345');
  });

  it('accepts lower case, CRLF and stray spaces from a scanner', () => {
    const messy = `  ${CCCD.toLowerCase().replace(/\n/g, ' \r\n')}  \n`;
    expect(parseTd1(messy).documentNumber).toBe('185012345');
  });

  it.each([
    ['documentNumber', CCCD.replace('1850123459', '1850123458')],
    ['personalId', CCCD.replace('<<0\n', '<<1\n')],
    ['birthDate', CCCD.replace('8503149', '8503148')],
    ['expiryDate', CCCD.replace('2503147', '2503146')],
    ['composite', CCCD.replace('<<<8\n', '<<<7\n')],
  ])('names %s when its check digit is wrong', (field, text) => {
    const err = mrzError(() => parseTd1(text));
    expect(err.code).toBe('MRZ_CHECK_DIGIT');
    expect(err.field).toBe(field);
    expect(err.message).toMatch(/Số kiểm tra/);
  });

  it('rejects a changed ID digit even though the document number is untouched', () => {
    expect(mrzError(() => parseTd1(CCCD.replace('001185', '002185'))).field).toBe('personalId');
  });

  it('rejects a CCCD MRZ without the 12-digit ID', () => {
    const text = CCCD.replace('001185012345<<0', '<<<<<<<<<<<<<<<');
    expect(mrzError(() => parseTd1(text)).field).toBe('personalId');
  });

  it('rejects two lines, a short line and an impossible date', () => {
    expect(mrzError(() => parseTd1(CCCD.split('\n').slice(0, 2).join('\n'))).code).toBe(
      'MRZ_FORMAT',
    );
    expect(mrzError(() => parseTd1(CCCD.replace('<<<8\n', '<<8\n<'))).code).toBe('MRZ_FORMAT');
    expect(mrzError(() => parseTd1(CCCD.replace('8503149', '8513319'))).code).toBe('MRZ_DATE');
  });
});

describe('BAC key input', () => {
  it('builds the CCCD MRZ_information and its Kseed from the note', () => {
    const info = bacKeyInput({
      documentNumber: '185012345',
      birthDate: '850314',
      expiryDate: '250314',
    });
    expect(info).toBe('185012345985031492503147');
    expect(kseed(info)).toBe('DDFFF8A2C82E09F2249BC9D75EBC261C');
  });

  it('reproduces ICAO 9303-11 Appendix D.2 (L898902C<, Kseed 239AB9CB…)', () => {
    const info = bacKeyInput({
      documentNumber: 'L898902C',
      birthDate: '690806',
      expiryDate: '940623',
    });
    expect(info).toBe('L898902C<369080619406236');
    expect(kseed(info)).toBe('239AB9CB282DAF66231DC5A4DF6BFBAE');
  });

  it('equals the MRZ positions it is taken from', () => {
    const mrz = parseTd1(CCCD);
    const [l1, l2] = mrz.lines;
    expect(bacKeyInput(mrz)).toBe(l1.slice(5, 15) + l2.slice(0, 7) + l2.slice(8, 15));
  });

  it('rejects a malformed date before any card traffic', () => {
    const err = mrzError(() =>
      bacKeyInput({ documentNumber: '185012345', birthDate: '851314', expiryDate: '250314' }),
    );
    expect(err.field).toBe('birthDate');
  });
});
