import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CardTransport } from '../iso7816/card-transport';
import { ApduChannel } from '../iso7816/apdu-channel';
import { concatBytes, equalBytes, toHex } from '../iso7816/hex';
import { des3Decrypt, des3Encrypt, retailMac } from '../sm/primitives';
import { bacKeys } from './bac-keys';
import { performBac } from './perform-bac';

// ICAO Doc 9303 Part 11, Appendix D.2: the specimen passport's MRZ_information.
const MRZ_INFO = 'L898902C<369080619406236';

/** How the emulated chip misbehaves; nothing set = a correct ICAO 9303-11 §9.7.4 chip. */
interface ChipFault {
  readonly challengeSw?: number;
  readonly challengeLength?: number;
  readonly authSw?: number;
  readonly authLength?: number;
  readonly flipMac?: boolean;
  /** Echo another RND.IC or RND.IFD than the ones exchanged. */
  readonly wrongEcho?: 'rndIc' | 'rndIfd';
}

/**
 * The card side of BAC, written from the specification (not from
 * perform-bac.ts): answers GET CHALLENGE and EXTERNAL AUTHENTICATE with the
 * document's static keys, and records what the terminal sent.
 */
function bacChip(fault: ChipFault = {}) {
  const { kEnc, kMac } = bacKeys(MRZ_INFO);
  const rndIc = new Uint8Array(randomBytes(8));
  const kIc = new Uint8Array(randomBytes(16));
  const seen = { apdus: 0, rndIfd: new Uint8Array(0), kIfd: new Uint8Array(0) };
  const sw = (value: number) => new Uint8Array([value >> 8, value & 0xff]);
  const transport: CardTransport = {
    transmit: (apdu) => {
      seen.apdus++;
      const ins = apdu[1];
      if (ins === 0x84) {
        if (fault.challengeSw !== undefined) return Promise.resolve(sw(fault.challengeSw));
        const data = rndIc.subarray(0, fault.challengeLength ?? 8);
        return Promise.resolve(concatBytes(data, sw(0x9000)));
      }
      if (ins === 0x82) {
        if (fault.authSw !== undefined) return Promise.resolve(sw(fault.authSw));
        const body = apdu.subarray(5, 45);
        if (!equalBytes(retailMac(kMac, body.subarray(0, 32)), body.subarray(32, 40)))
          return Promise.resolve(sw(0x6300));
        const s = des3Decrypt(kEnc, body.subarray(0, 32));
        seen.rndIfd = s.slice(0, 8);
        seen.kIfd = s.slice(16, 32);
        if (!equalBytes(s.subarray(8, 16), rndIc)) return Promise.resolve(sw(0x6300));
        const echoIc = fault.wrongEcho === 'rndIc' ? rndIc.map((b) => b ^ 1) : rndIc;
        const echoIfd = fault.wrongEcho === 'rndIfd' ? seen.rndIfd.map((b) => b ^ 1) : seen.rndIfd;
        const eIc = des3Encrypt(kEnc, concatBytes(echoIc, echoIfd, kIc));
        const mac = retailMac(kMac, eIc);
        if (fault.flipMac) mac[7] = (mac[7] ?? 0) ^ 0x01;
        const answer = concatBytes(eIc, mac).subarray(0, fault.authLength ?? 40);
        return Promise.resolve(concatBytes(answer, sw(0x9000)));
      }
      return Promise.resolve(sw(0x6d00));
    },
  };
  return { transport, rndIc, seen };
}

describe('BAC against a chip that answers correctly', () => {
  it('uses fresh terminal randoms each time and derives the SSC from both challenges', async () => {
    const first = bacChip();
    const second = bacChip();
    const a = await performBac(new ApduChannel(first.transport), MRZ_INFO);
    const b = await performBac(new ApduChannel(second.transport), MRZ_INFO);
    expect(first.seen.rndIfd).toHaveLength(8);
    expect(first.seen.kIfd).toHaveLength(16);
    expect(toHex(first.seen.rndIfd)).not.toBe(toHex(second.seen.rndIfd));
    expect(toHex(first.seen.kIfd)).not.toBe(toHex(second.seen.kIfd));
    expect(toHex(a.ssc)).toBe(
      toHex(concatBytes(first.rndIc.subarray(4, 8), first.seen.rndIfd.subarray(4, 8))),
    );
    expect(toHex(a.ksEnc)).not.toBe(toHex(b.ksEnc));
    expect(a.ksEnc).toHaveLength(16);
    expect(a.ksMac).toHaveLength(16);
  });
});

describe('BAC against a chip that answers wrongly', () => {
  it('a refused GET CHALLENGE is reported with its status word and nothing more is sent', async () => {
    const chip = bacChip({ challengeSw: 0x6d00 });
    await expect(performBac(new ApduChannel(chip.transport), MRZ_INFO)).rejects.toMatchObject({
      code: 'NOT_AN_ID_CARD',
      sw: 0x6d00,
      en: expect.stringContaining('GET CHALLENGE') as unknown,
    });
    expect(chip.seen.apdus).toBe(1);
  });

  it('a challenge shorter than 8 bytes is a malformed answer and nothing more is sent', async () => {
    const chip = bacChip({ challengeLength: 7 });
    await expect(performBac(new ApduChannel(chip.transport), MRZ_INFO)).rejects.toMatchObject({
      code: 'MALFORMED_RESPONSE',
      en: expect.stringContaining('GET CHALLENGE did not return 8 bytes') as unknown,
    });
    expect(chip.seen.apdus).toBe(1);
  });

  it.each([
    ['6300 (authentication failed)', 0x6300],
    ['63C2 (two tries left)', 0x63c2],
    ['6982 (security status not satisfied)', 0x6982],
    ['6988 (SM data objects incorrect)', 0x6988],
    ['6281 (warning)', 0x6281],
  ])('EXTERNAL AUTHENTICATE refused with %s means the MRZ data is wrong', async (_, sw) => {
    const chip = bacChip({ authSw: sw });
    await expect(performBac(new ApduChannel(chip.transport), MRZ_INFO)).rejects.toMatchObject({
      code: 'ACCESS_DENIED',
      vi: expect.stringContaining('Thông tin MRZ không khớp với thẻ') as unknown,
    });
    expect(chip.seen.apdus).toBe(2);
  });

  it('any other EXTERNAL AUTHENTICATE status is reported as that status, not as wrong MRZ data', async () => {
    const chip = bacChip({ authSw: 0x6a80 });
    await expect(performBac(new ApduChannel(chip.transport), MRZ_INFO)).rejects.toMatchObject({
      code: 'STATUS_WORD',
      sw: 0x6a80,
      en: expect.stringContaining('EXTERNAL AUTHENTICATE') as unknown,
    });
  });

  it('an EXTERNAL AUTHENTICATE answer that is not 40 bytes is malformed', async () => {
    const chip = bacChip({ authLength: 39 });
    await expect(performBac(new ApduChannel(chip.transport), MRZ_INFO)).rejects.toMatchObject({
      code: 'MALFORMED_RESPONSE',
      en: expect.stringContaining('EXTERNAL AUTHENTICATE did not return 40 bytes') as unknown,
    });
  });

  it('an answer whose MAC is wrong in one bit fails secure messaging', async () => {
    const chip = bacChip({ flipMac: true });
    await expect(performBac(new ApduChannel(chip.transport), MRZ_INFO)).rejects.toMatchObject({
      code: 'SECURE_MESSAGING',
      en: expect.stringContaining('wrong MAC') as unknown,
    });
  });

  it.each(['rndIc', 'rndIfd'] as const)(
    'an answer that echoes another %s than the one exchanged fails secure messaging',
    async (wrongEcho) => {
      const chip = bacChip({ wrongEcho });
      await expect(performBac(new ApduChannel(chip.transport), MRZ_INFO)).rejects.toMatchObject({
        code: 'SECURE_MESSAGING',
        en: expect.stringContaining('did not echo the BAC challenges') as unknown,
      });
    },
  );
});
