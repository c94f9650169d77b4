import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_QR_MAX_LENGTH,
  DocumentQrError,
  dossierCodeOfQr,
  formatDocumentQr,
  parseDocumentQr,
  qrApplicantId,
  type DocumentQrFields,
} from './document-qr';

const receipt: DocumentQrFields = {
  kind: '01',
  dossierCode: '000.00.53.H48-261125-0001',
  procedureCode: '1.004222',
  applicantId: '001185012345',
  system: 'KMC',
  // 25/11/2026 10:15 and 04/12/2026 17:00, Vietnam time.
  issuedAt: Date.parse('2026-11-25T03:15:00Z'),
  appointmentAt: Date.parse('2026-12-04T10:00:00Z'),
};

function refused(text: string): DocumentQrError {
  try {
    parseDocumentQr(text);
  } catch (error) {
    if (error instanceof DocumentQrError) return error;
    throw error;
  }
  throw new Error(`accepted: ${text}`);
}

describe('the document QR payload (Circular 01/2023 Art. 26)', () => {
  it('a receipt is written field by field in Vietnam time, in the QR alphanumeric set', () => {
    const text = formatDocumentQr(receipt);
    expect(text).toBe(
      'MC1*01*000.00.53.H48-261125-0001*1.004222*001185012345*KMC*202611251015*202612041700',
    );
    expect(text).toMatch(/^[0-9A-Z.*-]+$/);
  });

  it('every field comes back from the text it was written to', () => {
    expect(parseDocumentQr(formatDocumentQr(receipt))).toEqual({ version: 1, ...receipt });
    const slip: DocumentQrFields = {
      ...receipt,
      kind: 'KQ',
      applicantId: null,
      appointmentAt: null,
    };
    expect(formatDocumentQr(slip)).toBe(
      'MC1*KQ*000.00.53.H48-261125-0001*1.004222**KMC*202611251015*',
    );
    expect(parseDocumentQr(formatDocumentQr(slip))).toEqual({ version: 1, ...slip });
  });

  it('times are kept to the minute', () => {
    const text = formatDocumentQr({ ...receipt, issuedAt: receipt.issuedAt + 59_999 });
    const back = parseDocumentQr(text);
    expect(back.version === 1 && back.issuedAt).toBe(receipt.issuedAt);
  });

  it('a bare dossier code (receipts printed before version 1) is version 0', () => {
    expect(parseDocumentQr('000.00.53.H48-220921-0099')).toEqual({
      version: 0,
      dossierCode: '000.00.53.H48-220921-0099',
    });
    expect(parseDocumentQr('  000.00.53.h48-220921-0099\r\n').dossierCode).toBe(
      '000.00.53.H48-220921-0099',
    );
  });

  it('a scan typed with Caps Lock on (letters inverted) reads the same', () => {
    const text = formatDocumentQr(receipt).toLowerCase();
    expect(parseDocumentQr(text)).toEqual({ version: 1, ...receipt });
  });

  it('damaged payloads are refused with a typed error, never half read', () => {
    const good = formatDocumentQr(receipt);
    for (const bad of [
      good.slice(0, -5),
      good.replace('*KMC*', '*KMC**'),
      good.replace('MC1', 'MC2'),
      good.replace('*01*', '*99*'),
      good.replace('1.004222', '1004222'),
      good.replace('202611251015', '202613251015'),
      good.replace('202612041700', ''),
      good.replace('001185012345', '0011850 12345'),
    ]) {
      const error = refused(bad);
      expect(error.code, bad).toBe('QR_MALFORMED');
      expect(error.vi).toContain('nhập mã hồ sơ');
    }
  });

  it('a non-ASCII text (a chip ID card QR) is refused as not ours', () => {
    const error = refused(
      '001185012345|123456789|Nguyễn Thị Mai|14031985|Nữ|Số 1 Phố Giả Định, Hà Nội|10052021',
    );
    expect(error.code).toBe('QR_NOT_ASCII');
    expect(refused('https://example.vn/tra-cuu').code).toBe('QR_NOT_DOCUMENT');
  });

  it('nothing longer than the longest possible payload is read', () => {
    const longest = formatDocumentQr({
      ...receipt,
      applicantId: '0'.repeat(20),
      system: 'S'.repeat(16),
    });
    expect(longest).toHaveLength(DOCUMENT_QR_MAX_LENGTH);
    expect(parseDocumentQr(longest).dossierCode).toBe(receipt.dossierCode);
    expect(refused(`${longest}0`).code).toBe('QR_TOO_LONG');
  });

  it('fields outside the format are not written, and a receipt needs its appointment', () => {
    expect(() => formatDocumentQr({ ...receipt, applicantId: 'Nguyễn' })).toThrow(DocumentQrError);
    expect(() => formatDocumentQr({ ...receipt, appointmentAt: null })).toThrow(DocumentQrError);
    expect(() => formatDocumentQr({ ...receipt, kind: '04', appointmentAt: null })).not.toThrow();
  });

  it('the applicant id is printed without spaces, or not at all when it does not fit', () => {
    expect(qrApplicantId(' 0011 8501 2345 ')).toBe('001185012345');
    expect(qrApplicantId('c1234567')).toBe('C1234567');
    expect(qrApplicantId('số 12')).toBeNull();
    expect(qrApplicantId(null)).toBeNull();
  });

  it('a reader gets the dossier code from either version, and nothing from other text', () => {
    expect(dossierCodeOfQr(formatDocumentQr(receipt))).toBe(receipt.dossierCode);
    expect(dossierCodeOfQr(receipt.dossierCode)).toBe(receipt.dossierCode);
    expect(dossierCodeOfQr('xin chào')).toBeNull();
  });
});
