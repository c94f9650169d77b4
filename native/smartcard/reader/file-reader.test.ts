import { describe, expect, it } from 'vitest';
import { atrSupportsExtendedLength } from '../iso7816/atr';
import { ApduChannel } from '../iso7816/apdu-channel';
import { fromHex, toHex } from '../iso7816/hex';
import { scriptedTransport } from '../iso7816/scripted-transport.test-support';
import { FileReader } from './file-reader';
import { dataGroupTagsOf, LDS_FILES } from './lds-files';

const DG13 = LDS_FILES.find((f) => f.name === 'DG13')!;

/** A DG13-shaped file of `length` bytes: 6D 82 LL LL then filler. */
function file(length: number): Uint8Array {
  const out = new Uint8Array(length);
  out.set([0x6d, 0x82, (length - 4) >> 8, (length - 4) & 0xff]);
  for (let i = 4; i < length; i++) out[i] = i & 0xff;
  return out;
}

const ok = (bytes: Uint8Array): string => `${toHex(bytes)}9000`;

describe('reading a file by short file identifier', () => {
  it('reads the header by SFI, then the rest in 256-byte chunks without a separate SELECT', async () => {
    const f = file(600);
    const t = scriptedTransport([
      ['00B08D0080', ok(f.subarray(0, 128))],
      ['00B0008000', ok(f.subarray(128, 384))],
      ['00B00180D8', ok(f.subarray(384, 600))],
    ]);
    const reader = new FileReader(new ApduChannel(t));
    expect(await reader.read(DG13)).toEqual(f);
    expect(t.remaining()).toBe(0);
  });

  it('steps down to 231-byte chunks when the chip answers 6700 to Le = 00', async () => {
    const f = file(600);
    const t = scriptedTransport([
      ['00B08D0080', ok(f.subarray(0, 128))],
      ['00B0008000', '6700'],
      ['00B00080E7', ok(f.subarray(128, 359))],
      ['00B00167E7', ok(f.subarray(359, 590))],
      ['00B0024E0A', ok(f.subarray(590, 600))],
    ]);
    const reader = new FileReader(new ApduChannel(t));
    expect(await reader.read(DG13)).toEqual(f);
    expect(reader.chunk).toBe(231);
  });

  it('accepts the data of a read that ran past the end of the file (6282)', async () => {
    const f = file(100);
    const t = scriptedTransport([['00B08D0080', `${toHex(f)}6282`]]);
    expect(await new FileReader(new ApduChannel(t)).read(DG13)).toEqual(f);
  });

  it('reports an absent file (6A82) as null', async () => {
    const reader = new FileReader(new ApduChannel(scriptedTransport([['00B08D0080', '6A82']])));
    expect(await reader.read(DG13)).toBeNull();
  });

  it('uses extended Le when asked and falls back to 256 on a wrong-length answer', async () => {
    const f = file(3000);
    const t = scriptedTransport([
      ['00B08D0080', ok(f.subarray(0, 128))],
      ['00B00080000800', '6700'],
      ['00B0008000', ok(f.subarray(128, 384))],
    ]);
    const reader = new FileReader(new ApduChannel(t), { chunk: 0x800 });
    await expect(reader.read(DG13)).rejects.toThrow(/unexpected APDU/);
    expect(reader.chunk).toBe(256);
  });

  it('stops with CANCELLED before the next APDU once aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const reader = new FileReader(new ApduChannel(scriptedTransport([])));
    await expect(reader.read(DG13, controller.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('card facts', () => {
  it('EF.COM lists the data groups to read', () => {
    const com = fromHex('60185F0104303130375F36063034303030305C06617563 6D6F6E'.replace(/\s/g, ''));
    expect([...(dataGroupTagsOf(com) ?? [])]).toEqual([0x61, 0x75, 0x63, 0x6d, 0x6f, 0x6e]);
  });

  it('reads extended-length support from the ATR card capabilities', () => {
    expect(atrSupportsExtendedLength(fromHex('3B951381018073FF01000B'))).toBe(false);
    expect(atrSupportsExtendedLength(fromHex('3B951381018073FF01400B'))).toBe(true);
    expect(atrSupportsExtendedLength(fromHex('3B'))).toBe(false);
  });
});
