import { describe, expect, it } from 'vitest';
import { annotatedHex } from '../annotated-hex';
import { parseCccdQr } from '../../smartcard/citizen/index';
import { InProcessHidDevice } from '../in-process-hid-device';
import { HidPosDecoder, type PosScan } from './hid-pos-decoder';
import { HidPosScanner } from './hid-pos-scanner';
import { defaultPosScanLayout, posScanLayoutFrom } from './pos-scan-layout';

/**
 * A Bar Code Scanner report descriptor assembled item by item from the USB-IF
 * "HID Point of Sale Usage Tables" 1.02 §3 (page 0x8C) and HID 1.11 §6.2.2.
 */
const scannerDescriptor = annotatedHex(`
    05 8c     Usage Page (Bar Code Scanner 0x8C)
    09 02     Usage (Bar Code Scanner 0x02, CA)
    a1 01     Collection (Application)
    09 12     Usage (Scanned Data Report 0x12, CL)
    a1 02     Collection (Logical)
    85 02     Report ID (2)
    15 00     Logical Minimum (0)
    26 ff 00  Logical Maximum (255)
    75 08     Report Size (8)
    95 01     Report Count (1)
    05 01     Usage Page (Generic Desktop)
    09 3b     Usage (Byte Count 0x3B, DV)
    81 02     Input (Data, Var, Abs)
    05 8c     Usage Page (Bar Code Scanner)
    09 fb     Usage (Symbology Identifier 1, 0xFB)
    09 fc     Usage (Symbology Identifier 2, 0xFC)
    09 fd     Usage (Symbology Identifier 3, 0xFD)
    95 03     Report Count (3)
    81 02     Input (Data, Var, Abs)
    09 fe     Usage (Decoded Data 0xFE, DV)
    95 38     Report Count (56)
    82 02 01  Input (Data, Var, Abs, Buffered Bytes)
    06 66 ff  Usage Page (vendor 0xFF66)
    09 01     Usage (vendor 1)
    95 02     Report Count (2)
    81 02     Input (Data, Var, Abs)
    05 8c     Usage Page (Bar Code Scanner)
    09 ff     Usage (Decode Data Continued 0xFF, DF)
    25 01     Logical Maximum (1)
    75 01     Report Size (1)
    95 01     Report Count (1)
    81 02     Input (Data, Var, Abs)
    75 07     Report Size (7)
    81 03     Input (Const, Var, Abs): padding
    c0        End Collection
    c0        End Collection
  `);

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));

/** One 64-byte Scanned Data Report with report ID 2 at the offsets the descriptor above declares. */
function report(data: Uint8Array, aim: string, continued: boolean): Uint8Array {
  const r = new Uint8Array(64);
  r[0] = 0x02;
  r[1] = data.length;
  r.set(new TextEncoder().encode(aim), 2);
  r.set(data, 5);
  r[63] = continued ? 0x01 : 0x00;
  return r;
}

function reportsFor(text: string, aim: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += 56) {
    out.push(report(bytes.subarray(at, at + 56), aim, at + 56 < bytes.length));
  }
  return out;
}

const QR =
  '001185012345|123456789|Nguyễn Thị Mai|14031985|Nữ|Số 12 Phố Giả Định, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội|10052021';

describe('HID POS barcode decoding', () => {
  it('the report descriptor built from the POS usage tables yields the common 64-byte layout', () => {
    expect(posScanLayoutFrom(scannerDescriptor)).toEqual(defaultPosScanLayout);
  });

  it('a one-report EAN-13 trace becomes one scan with its AIM symbology', () => {
    const trace = hex(`
      02 0d 5d 45 30 38 39 33 34 35 36 33 31 33 38 31 36 35
      00000000000000000000000000000000000000000000000000000000000000000000000000000000
      00 00 00 00 00 00`);
    expect(trace.length).toBe(64);
    const scan = new HidPosDecoder(defaultPosScanLayout).push(trace, 0);
    expect(scan?.text).toBe('8934563138165');
    expect(scan?.symbology).toEqual({ id: ']E0', name: 'EAN/UPC' });
  });

  it('a CCCD QR spread over three reports, with a Vietnamese letter split between two, comes out whole', () => {
    const reports = reportsFor(QR, ']Q1');
    expect(reports).toHaveLength(3);
    const bytes = new TextEncoder().encode(QR);
    const splitsAChar = [56, 112].some((at) => ((bytes[at] ?? 0) & 0xc0) === 0x80);
    expect(splitsAChar).toBe(true);

    const decoder = new HidPosDecoder(defaultPosScanLayout);
    const results = reports.map((r, i) => decoder.push(r, i * 8));
    expect(results.slice(0, 2)).toEqual([undefined, undefined]);
    expect(results[2]?.text).toBe(QR);
    expect(results[2]?.encoding).toBe('utf-8');
    expect(results[2]?.symbology.name).toBe('QR Code');
    expect(parseCccdQr(results[2]?.text ?? '').fullName).toBe('Nguyễn Thị Mai');
  });

  it('a continuation that never arrives is dropped, and the next scan is not polluted', () => {
    const decoder = new HidPosDecoder(defaultPosScanLayout, { continuationTimeoutMs: 100 });
    const [first] = reportsFor(QR, ']Q1');
    expect(decoder.push(first!, 0)).toBeUndefined();
    const scan = decoder.push(report(new TextEncoder().encode('HS-2026-0001'), ']C0', false), 1000);
    expect(scan?.text).toBe('HS-2026-0001');
    expect(scan?.symbology.name).toBe('Code 128');
  });

  it('reports with another report ID and scans over the size limit are ignored', () => {
    const decoder = new HidPosDecoder(defaultPosScanLayout, { maxScanBytes: 60 });
    const other = report(new TextEncoder().encode('x'), ']Q1', false);
    other[0] = 0x04;
    expect(decoder.push(other, 0)).toBeUndefined();
    const results = reportsFor(QR, ']Q1').map((r) => decoder.push(r, 0));
    expect(results.every((r) => r === undefined)).toBe(true);
  });

  it('bytes that are not UTF-8 are read as Windows-1252 and say so', () => {
    const scan = new HidPosDecoder(defaultPosScanLayout).push(
      report(Uint8Array.from([0x43, 0x61, 0x66, 0xe9]), ']C0', false),
      0,
    );
    expect(scan).toMatchObject({ text: 'Café', encoding: 'windows-1252' });
  });

  it('a descriptor without report ID or byte count is honoured: data runs to the NUL padding', () => {
    const descriptor = annotatedHex(`
    05 8c 09 02 a1 01        Bar Code Scanner application
    75 08 95 01 09 fb 81 02  Symbology Identifier 1 (1 byte)
    95 3e 09 fe 82 02 01     Decoded Data (62 bytes)
    75 01 09 ff 81 02        Decode Data Continued (1 bit)
    75 07 81 03              padding
    c0                       
  `);
    const layout = posScanLayoutFrom(descriptor);
    expect(layout).toEqual({
      reportId: 0,
      byteCountAt: undefined,
      symbologyAt: [0],
      dataAt: 1,
      dataLength: 62,
      continuedBit: 63 * 8,
    });
    const r = new Uint8Array(64);
    r[0] = 0x51; // 'Q' as a one-byte symbology id
    r.set(new TextEncoder().encode('TTHC-1.001234'), 1);
    expect(new HidPosDecoder(layout!).push(r, 0)?.text).toBe('TTHC-1.001234');
  });

  it('a scanner on an in-process HID transport reports scans and stops when unplugged', async () => {
    const device = new InProcessHidDevice('/dev/hidraw-pos');
    const scans: PosScan[] = [];
    const errors: unknown[] = [];
    const scanner = new HidPosScanner(device, defaultPosScanLayout, {
      onScan: (s) => scans.push(s),
      onError: (e) => errors.push(e),
    });
    for (const r of reportsFor(QR, ']Q1')) device.deliver(r);
    expect(scans.map((s) => s.text)).toEqual([QR]);
    device.unplug();
    expect(errors).toHaveLength(1);
    await scanner.close();
  });
});
