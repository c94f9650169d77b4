import { UsagePage } from '../hid-usage';
import { extendedUsage, parseInputFields, usageAt } from '../hid-report-descriptor';

/**
 * Where the parts of a scan sit in a HID POS Scanned Data Report. Offsets are
 * in bytes from the start of the report as node-hid delivers it (report ID
 * byte first when `reportId` is not 0), except the continuation flag's bit.
 */
export interface PosScanLayout {
  readonly reportId: number;
  /** Byte holding the number of valid Decoded Data bytes, if the device declares one. */
  readonly byteCountAt: number | undefined;
  readonly symbologyAt: readonly number[];
  readonly dataAt: number;
  readonly dataLength: number;
  /** Bit position (from the report start) of "Decode Data Continued", if declared. */
  readonly continuedBit: number | undefined;
}

/**
 * Usages of the Bar Code Scanner page 0x8C (USB-IF "HID Point of Sale Usage
 * Tables" 1.02 §3, now HID Usage Tables 1.5 §21): Scanned Data Report 0x12
 * (CL), Symbology Identifier 1-3 0xFB-0xFD (DV), Decoded Data 0xFE (DV,
 * buffered bytes), Decode Data Continued 0xFF (DF). Byte Count is Generic
 * Desktop 0x3B (DV).
 */
export const PosUsage = {
  scannedDataReport: extendedUsage(UsagePage.barcodeScanner, 0x12),
  symbologyIdentifier1: extendedUsage(UsagePage.barcodeScanner, 0xfb),
  symbologyIdentifier2: extendedUsage(UsagePage.barcodeScanner, 0xfc),
  symbologyIdentifier3: extendedUsage(UsagePage.barcodeScanner, 0xfd),
  decodedData: extendedUsage(UsagePage.barcodeScanner, 0xfe),
  decodeDataContinued: extendedUsage(UsagePage.barcodeScanner, 0xff),
  byteCount: extendedUsage(UsagePage.genericDesktop, 0x3b),
} as const;

/**
 * The layout most HID POS scanners use when the descriptor cannot be read
 * (Windows, macOS): report ID 2, 64 bytes.
 *
 * ```
 * byte 0      report ID (0x02)
 * byte 1      Byte Count           GD 0x3B
 * bytes 2-4   Symbology Id 1,2,3   0x8C:0xFB-0xFD (AIM "]Q1")
 * bytes 5-60  Decoded Data (56)    0x8C:0xFE
 * bytes 61-62 vendor / reserved
 * byte 63     bit 0 Decode Data Continued 0x8C:0xFF
 * ```
 */
export const defaultPosScanLayout: PosScanLayout = {
  reportId: 2,
  byteCountAt: 1,
  symbologyAt: [2, 3, 4],
  dataAt: 5,
  dataLength: 56,
  continuedBit: 63 * 8,
};

/** The Scanned Data Report's layout from the device's report descriptor, or undefined if it has none. */
export function posScanLayoutFrom(descriptor: Uint8Array): PosScanLayout | undefined {
  const fields = parseInputFields(descriptor);
  const data = fields.find((f) => f.usages.includes(PosUsage.decodedData) && f.bitSize === 8);
  if (!data) return undefined;
  const same = fields.filter((f) => f.reportId === data.reportId);
  const base = data.reportId === 0 ? 0 : 8;
  const bitOf = (usage: number): number | undefined => {
    for (const f of same) {
      if (!f.variable) continue;
      for (let e = 0; e < f.count; e++) {
        if (usageAt(f, e) === usage) return base + f.bitOffset + e * f.bitSize;
      }
    }
    return undefined;
  };
  const byteOf = (usage: number): number | undefined => {
    const bit = bitOf(usage);
    return bit !== undefined && bit % 8 === 0 ? bit / 8 : undefined;
  };
  const symbologyAt = [
    PosUsage.symbologyIdentifier1,
    PosUsage.symbologyIdentifier2,
    PosUsage.symbologyIdentifier3,
  ]
    .map(byteOf)
    .filter((b): b is number => b !== undefined);
  return {
    reportId: data.reportId,
    byteCountAt: byteOf(PosUsage.byteCount),
    symbologyAt,
    dataAt: (base + data.bitOffset) / 8,
    dataLength: data.count,
    continuedBit: bitOf(PosUsage.decodeDataContinued),
  };
}
