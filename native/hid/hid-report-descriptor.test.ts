import { describe, expect, it } from 'vitest';
import { annotatedHex } from './annotated-hex';
import { extendedUsage, parseInputFields, ReportDescriptorError } from './hid-report-descriptor';

describe('HID report descriptor reader', () => {
  it('the FIDO CTAPHID descriptor of CTAP 2.1 §11.2.8.1 has one 64-byte input on page 0xF1D0', () => {
    const fido = annotatedHex(`
    06 d0 f1                          Usage Page (FIDO Alliance)
    09 01                             Usage (CTAPHID)
    a1 01                             Collection (Application)
    09 20                             Usage (Input Report Data)
    15 00                             Logical Minimum (0)
    26 ff 00                          Logical Maximum (255)
    75 08                             Report Size (8)
    95 40                             Report Count (64)
    81 02                             Input (Data, Var, Abs)
    09 21                             Usage (Output Report Data)
    15 00 26 ff 00 75 08 95 40 91 02  Output (Data, Var, Abs)
    c0                                
  `);
    expect(parseInputFields(fido)).toEqual([
      {
        reportId: 0,
        bitOffset: 0,
        bitSize: 8,
        count: 64,
        usages: [extendedUsage(0xf1d0, 0x20)],
        variable: true,
        constant: false,
      },
    ]);
  });

  it('usage ranges, 4-byte extended usages, push/pop and per-report offsets are honoured', () => {
    const fields = parseInputFields(
      annotatedHex(`
    05 07 85 01 75 01 95 08     page 7, report 1, 8 x 1 bit
    19 e0 29 e7 81 02           Usage Min/Max E0-E7, Input
    a4 05 01 85 02 75 08 95 01  Push; page 1, report 2
    0b 3b 00 01 00 81 02        Usage (0x0001:0x003B) as 4 bytes
    b4 75 08 95 01 09 04 81 02  Pop back to page 7, report 1
  `),
    );
    expect(fields.map((f) => [f.reportId, f.bitOffset, f.usages.length])).toEqual([
      [1, 0, 8],
      [2, 0, 1],
      [1, 8, 1],
    ]);
    expect(fields[1]?.usages).toEqual([extendedUsage(0x01, 0x3b)]);
    expect(fields[2]?.usages).toEqual([extendedUsage(0x07, 0x04)]);
  });

  it('an item running past the end is rejected', () => {
    expect(() => parseInputFields(Uint8Array.from([0x05, 0x8c, 0x26, 0xff]))).toThrow(
      ReportDescriptorError,
    );
  });
});
