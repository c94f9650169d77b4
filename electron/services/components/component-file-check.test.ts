import { describe, expect, it } from 'vitest';
import { KioskError } from '../../api/errors';
import { fileNameOf } from './component-assemble';
import { checkImportFile, maxImportBytes } from './component-file-check';
import { rasterDpiFor } from './component-raster';

const b64 = (bytes: Uint8Array | string) =>
  Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes).toString('base64');
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const pdf = '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof KioskError) return error.code;
    throw error;
  }
  return 'none';
}

describe('checkImportFile', () => {
  it('accepts a file whose magic bytes are its mime type', () => {
    expect(checkImportFile(b64(png), 'image/png')).toEqual(png);
    expect(checkImportFile(b64(jpeg), 'image/jpeg')).toEqual(jpeg);
    expect(checkImportFile(b64(pdf), 'application/pdf')).toHaveLength(pdf.length);
  });

  it('a PDF with bytes before its header, as readers allow, is accepted', () => {
    expect(checkImportFile(b64(`\r\n${pdf}`), 'application/pdf')).toHaveLength(pdf.length + 2);
  });

  it('an executable named .pdf, a JPEG sent as PNG and a PNG sent as JPEG are SCAN_BAD_FILE', () => {
    expect(codeOf(() => checkImportFile(b64('MZ\x90\x00rest of an exe'), 'application/pdf'))).toBe(
      'SCAN_BAD_FILE',
    );
    expect(codeOf(() => checkImportFile(b64(jpeg), 'image/png'))).toBe('SCAN_BAD_FILE');
    expect(codeOf(() => checkImportFile(b64(png), 'image/jpeg'))).toBe('SCAN_BAD_FILE');
  });

  it('a PDF cut short before its %%EOF is SCAN_BAD_FILE', () => {
    expect(codeOf(() => checkImportFile(b64(pdf.slice(0, 40)), 'application/pdf'))).toBe(
      'SCAN_BAD_FILE',
    );
  });

  it('an empty file, broken base64 and a file over 30 MB are INVALID_PAYLOAD', () => {
    expect(codeOf(() => checkImportFile('', 'image/png'))).toBe('INVALID_PAYLOAD');
    expect(codeOf(() => checkImportFile('QUJDR', 'image/png'))).toBe('INVALID_PAYLOAD');
    const big = new Uint8Array(maxImportBytes + 1);
    big.set(png);
    expect(codeOf(() => checkImportFile(b64(big), 'image/png'))).toBe('INVALID_PAYLOAD');
  });
});

describe('rasterDpiFor', () => {
  it('an A4 page renders at 200 dpi and a poster-sized page at a resolution that caps its pixels', () => {
    expect(rasterDpiFor([{ width: 595, height: 842 }])).toBe(200);
    expect(
      rasterDpiFor([
        { width: 595, height: 842 },
        { width: 2000, height: 2000 },
      ]),
    ).toBe(122);
    expect(rasterDpiFor([{ width: 200_000, height: 10 }])).toBe(36);
  });
});

describe('fileNameOf', () => {
  it('keeps Vietnamese letters and drops path and control characters', () => {
    expect(fileNameOf('Đơn đề nghị (bản chính)')).toBe('Đơn đề nghị bản chính.pdf');
    expect(fileNameOf('../../etc/passwd')).toBe('etc passwd.pdf');
    expect(fileNameOf(undefined)).toBe('thanh-phan.pdf');
    expect(fileNameOf('///')).toBe('thanh-phan.pdf');
  });
});
