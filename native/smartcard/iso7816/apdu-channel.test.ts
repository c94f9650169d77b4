import { describe, expect, it } from 'vitest';
import { encodeCommand } from './apdu';
import { ApduChannel } from './apdu-channel';
import { fromHex, toHex } from './hex';
import { scriptedTransport } from './scripted-transport.test-support';
import { classifySw, statusError } from './status-word';

describe('APDU encoding', () => {
  it('encodes the four short cases', () => {
    expect(toHex(encodeCommand({ cla: 0, ins: 0xa4, p1: 4, p2: 0x0c }))).toBe('00A4040C');
    expect(toHex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0x81, p2: 0, ne: 256 }))).toBe(
      '00B0810000',
    );
    expect(
      toHex(encodeCommand({ cla: 0, ins: 0xa4, p1: 4, p2: 0x0c, data: fromHex('A0000002471001') })),
    ).toBe('00A4040C07A0000002471001');
    expect(
      toHex(encodeCommand({ cla: 0, ins: 0x82, p1: 0, p2: 0, data: fromHex('0102'), ne: 40 })),
    ).toBe('00820000020102' + '28');
  });

  it('switches to the extended encoding when Ne passes 256 or Nc passes 255', () => {
    expect(toHex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 1000 }))).toBe(
      '00B00000' + '0003E8',
    );
    expect(toHex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 65536 }))).toBe(
      '00B00000' + '000000',
    );
    const data = new Uint8Array(300);
    const ext = encodeCommand({ cla: 0, ins: 0xd6, p1: 0, p2: 0, data, ne: 2 });
    expect(toHex(ext.subarray(0, 7))).toBe('00D60000' + '00012C');
    expect(toHex(ext.subarray(ext.length - 2))).toBe('0002');
  });
});

describe('APDU channel', () => {
  it('follows 61xx with GET RESPONSE and joins the parts', async () => {
    const t = scriptedTransport([
      ['00B0000000', '01026104'],
      ['00C0000004', '030405069000'],
    ]);
    const channel = new ApduChannel(t);
    const res = await channel.send({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 256 });
    expect(toHex(res.data)).toBe('010203040506');
    expect(res.sw).toBe(0x9000);
    expect(channel.counters.apdus).toBe(2);
  });

  it('retries once with the exact length on 6Cxx', async () => {
    const t = scriptedTransport([
      ['00B0000010', '6C05'],
      ['00B0000005', '01020304059000'],
    ]);
    const res = await new ApduChannel(t).send({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 16 });
    expect(toHex(res.data)).toBe('0102030405');
  });
});

describe('status words', () => {
  it('maps every class of status word to a typed error', () => {
    expect(classifySw(0x9000)).toBe('ok');
    expect(classifySw(0x6a82)).toBe('fileNotFound');
    expect(classifySw(0x6982)).toBe('securityNotSatisfied');
    expect(classifySw(0x6988)).toBe('smIncorrect');
    expect(classifySw(0x6d00)).toBe('insNotSupported');
    expect(classifySw(0x63c2)).toBe('authFailed');
    expect(classifySw(0x6282)).toBe('warning');
    expect(classifySw(0x6f00)).toBe('unknown');
    const e = statusError(0x6a82, 'READ BINARY DG3');
    expect(e.code).toBe('FILE_NOT_FOUND');
    expect(e.sw).toBe(0x6a82);
    expect(e.vi).toContain('6A82');
  });
});
