import { describe, expect, it } from 'vitest';
import { extendedUsage, parseInputFields, ReportDescriptorError } from './hid-report-descriptor';

describe('HID report descriptor reader', () => {
  it('the FIDO CTAPHID descriptor of CTAP 2.1 §11.2.8.1 has one 64-byte input on page 0xF1D0', () => {
    const fido = Uint8Array.from([
      0x06,
      0xd0,
      0xf1, // Usage Page (FIDO Alliance)
      0x09,
      0x01, //       Usage (CTAPHID)
      0xa1,
      0x01, //       Collection (Application)
      0x09,
      0x20, //         Usage (Input Report Data)
      0x15,
      0x00, //         Logical Minimum (0)
      0x26,
      0xff,
      0x00, //   Logical Maximum (255)
      0x75,
      0x08, //         Report Size (8)
      0x95,
      0x40, //         Report Count (64)
      0x81,
      0x02, //         Input (Data, Var, Abs)
      0x09,
      0x21, //         Usage (Output Report Data)
      0x15,
      0x00,
      0x26,
      0xff,
      0x00,
      0x75,
      0x08,
      0x95,
      0x40,
      0x91,
      0x02, //         Output (Data, Var, Abs)
      0xc0,
    ]);
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
      Uint8Array.from([
        0x05,
        0x07,
        0x85,
        0x01,
        0x75,
        0x01,
        0x95,
        0x08, // page 7, report 1, 8 x 1 bit
        0x19,
        0xe0,
        0x29,
        0xe7,
        0x81,
        0x02, //             Usage Min/Max E0-E7, Input
        0xa4,
        0x05,
        0x01,
        0x85,
        0x02,
        0x75,
        0x08,
        0x95,
        0x01, // Push; page 1, report 2
        0x0b,
        0x3b,
        0x00,
        0x01,
        0x00,
        0x81,
        0x02, //        Usage (0x0001:0x003B) as 4 bytes
        0xb4,
        0x75,
        0x08,
        0x95,
        0x01,
        0x09,
        0x04,
        0x81,
        0x02, // Pop back to page 7, report 1
      ]),
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
