import { describe, expect, it } from 'vitest';
import { CitizenError, crossCheck, parseCccdQr, type Citizen } from './index';

const ADDRESS = 'Số 1 Phố Giả Định, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội';
const QR = `001185012345|123456789|Nguyễn Thị Mai|14031985|Nữ|${ADDRESS}|10052021`;

const citizenError = (fn: () => unknown): CitizenError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof CitizenError) return e;
    throw e;
  }
  throw new Error('no CitizenError thrown');
};

describe('the CCCD QR payload', () => {
  it('becomes a Citizen with source qr, ISO dates and the old CMND', () => {
    expect(parseCccdQr(QR)).toEqual({
      id: '001185012345',
      fullName: 'Nguyễn Thị Mai',
      birthDate: '1985-03-14',
      sex: 'female',
      nationality: null,
      ethnicity: null,
      religion: null,
      placeOfOrigin: null,
      placeOfResidence: ADDRESS,
      identifyingFeatures: null,
      issueDate: '2021-05-10',
      expiryDate: null,
      father: null,
      mother: null,
      spouse: null,
      oldIdNumber: '123456789',
      source: 'qr',
    });
  });

  it('reads an empty old-ID field as no old ID', () => {
    expect(parseCccdQr(QR.replace('|123456789|', '||')).oldIdNumber).toBeNull();
  });

  it('tolerates missing trailing fields and extra fields', () => {
    const short = parseCccdQr('001185012345||Nguyễn Thị Mai|14031985');
    expect(short.sex).toBeNull();
    expect(short.issueDate).toBeNull();
    expect(parseCccdQr(`${QR}|extra|0123456789abcdef`).issueDate).toBe('2021-05-10');
  });

  it('normalises a decomposed (NFD) scan to NFC', () => {
    const citizen = parseCccdQr(QR.normalize('NFD'));
    expect(citizen.fullName).toBe('Nguyễn Thị Mai');
    expect(citizen.fullName.length).toBe('Nguyễn Thị Mai'.normalize('NFC').length);
    expect(citizen.sex).toBe('female');
  });

  it('repairs UTF-8 that a keyboard-wedge scanner typed as Windows-1252', () => {
    const mojibake = Buffer.from(QR, 'utf8').toString('latin1');
    const cp1252 = [...Buffer.from(QR, 'utf8')]
      .map((b) => (b === 0x85 ? '…' : b === 0x9d ? '\u009d' : String.fromCharCode(b)))
      .join('');
    expect(parseCccdQr(mojibake).fullName).toBe('Nguyễn Thị Mai');
    expect(parseCccdQr(cp1252).placeOfResidence).toBe(ADDRESS);
  });

  it('ignores a byte-order mark and a trailing line break from a HID scanner', () => {
    expect(parseCccdQr(`\uFEFF${QR}\r\n`).issueDate).toBe('2021-05-10');
  });

  it('rejects a QR that is not a CCCD', () => {
    expect(citizenError(() => parseCccdQr('https://example.invalid/')).code).toBe('QR_FORMAT');
    expect(citizenError(() => parseCccdQr(QR.slice(1))).code).toBe('QR_FORMAT');
  });

  it('names a missing name or an impossible birth date', () => {
    expect(citizenError(() => parseCccdQr('001185012345|||14031985')).field).toBe('fullName');
    expect(citizenError(() => parseCccdQr(QR.replace('14031985', '31021985'))).field).toBe(
      'birthDate',
    );
  });
});

describe('chip and QR cross-check', () => {
  const qr = parseCccdQr(QR);
  // What DG13 of the same card holds, written out rather than taken from the
  // QR parser, so a parser that misreads a field cannot agree with itself.
  const chip: Citizen = {
    id: '001185012345',
    fullName: 'Nguyễn Thị Mai',
    birthDate: '1985-03-14',
    sex: 'female',
    nationality: 'Việt Nam',
    ethnicity: 'Kinh',
    religion: 'Không',
    placeOfOrigin: 'Hà Nội',
    placeOfResidence: ADDRESS,
    identifyingFeatures: null,
    issueDate: '2021-05-10',
    expiryDate: '2025-03-14',
    father: null,
    mother: null,
    spouse: null,
    oldIdNumber: '123456789',
    source: 'chip',
  };

  it('passes when ID, birth date and sex agree', () => {
    expect(crossCheck(chip, qr)).toEqual({ ok: true, mismatches: [] });
  });

  it('reports every disagreeing field with both values', () => {
    const other = parseCccdQr(QR.replace('001185012345', '001185012346').replace('|Nữ|', '|Nam|'));
    expect(crossCheck(chip, other)).toEqual({
      ok: false,
      mismatches: [
        { field: 'id', chip: '001185012345', qr: '001185012346' },
        { field: 'sex', chip: 'female', qr: 'male' },
      ],
    });
  });

  it('does not vouch for a sex that neither side carries', () => {
    const noSex = { ...qr, sex: null };
    expect(crossCheck({ ...chip, sex: null }, noSex).mismatches.map((m) => m.field)).toEqual([
      'sex',
    ]);
  });
});
