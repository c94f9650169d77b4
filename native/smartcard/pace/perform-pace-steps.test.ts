import { describe, expect, it } from 'vitest';
import { bacKeyInput } from '../mrz';
import { encodeOid, encodeTlv } from '../lds';
import { bytesToBigint, encodePoint, invert, mod, multiply, standardizedCurve } from '../ec';
import { PaceError, performPace } from './index';
import type { PaceOptions } from './index';
import {
  G1,
  G1_CARD_ACCESS,
  G1_MSE_SET_AT,
  G1_OID,
  hex,
  icaoTranscript,
  toHex,
} from '../../../test/support/icao-pace-g1';

/*
 * The paths of performPace that the App. G.1 run does not take: the MSE:Set AT
 * retry naming the domain parameters, EF.CardAccess the kiosk cannot use, the
 * CAN password reference, and chips answering a step with a status word or a
 * value that must be refused.
 */

const MRZ = { kind: 'mrz', mrzInformation: bacKeyInput(G1.mrz) } as const;
const g1Keys = (): NonNullable<PaceOptions['ephemeralKey']> => {
  const keys = [bytesToBigint(hex(G1.skMapIfd)), bytesToBigint(hex(G1.skDhIfd))];
  return () => keys.shift()!;
};

/** Records every APDU; `answer(n, apdu)` gives the chip's reply to the n-th (0-based). */
function chip(answer: (n: number, apdu: Uint8Array) => Promise<Uint8Array>): {
  transmit: PaceOptions['transmit'];
  sent: string[];
} {
  const sent: string[] = [];
  return {
    sent,
    transmit: (apdu) => {
      sent.push(toHex(apdu));
      return answer(sent.length - 1, apdu);
    },
  };
}

async function paceError(o: PaceOptions): Promise<PaceError> {
  const err: unknown = await performPace(o).catch((e: unknown) => e);
  if (!(err instanceof PaceError)) throw new Error(`expected a PaceError, got ${String(err)}`);
  return err;
}

/** App. G.1 with the chip's answer to APDU `at` replaced by `answer`. */
function g1With(at: number, answer: string): PaceOptions & { sent: string[] } {
  const card = icaoTranscript();
  const c = chip(async (n, apdu) => {
    const r = await card.transmit(apdu);
    return n === at ? hex(answer) : r;
  });
  return {
    transmit: c.transmit,
    sent: c.sent,
    cardAccess: G1_CARD_ACCESS,
    password: MRZ,
    ephemeralKey: g1Keys(),
  };
}

describe('MSE:Set AT naming the domain parameters on a second try', () => {
  it('a chip refusing MSE:Set AT without tag 84 gets it again with 84 01 0D, then App. G.1 runs', async () => {
    const card = icaoTranscript(`${G1_MSE_SET_AT.replace('0F80', '1280')}84010D`);
    const c = chip((n, apdu) => (n === 0 ? Promise.resolve(hex('6A80')) : card.transmit(apdu)));
    const result = await performPace({
      transmit: c.transmit,
      cardAccess: G1_CARD_ACCESS,
      password: MRZ,
      ephemeralKey: g1Keys(),
    });
    expect(c.sent[0]).toBe(G1_MSE_SET_AT);
    expect(card.left()).toBe(0);
    expect(toHex(result.ksMac)).toBe(G1.ksMac);
    expect(result.apdus).toBe(6);
  });

  it('a chip refusing both tries is reported once, with the second status word', async () => {
    const c = chip((n) => Promise.resolve(hex(n === 0 ? '6A80' : '6A88')));
    const e = await paceError({ transmit: c.transmit, cardAccess: G1_CARD_ACCESS, password: MRZ });
    expect(e).toMatchObject({ code: 'PACE_CARD_REJECTED', sw: 0x6a88 });
    expect(e.vi).toContain('"MSE:Set AT" (SW 6A88)');
    expect(c.sent).toHaveLength(2);
  });

  it('no second try when tag 84 was already sent (two PACEInfos)', async () => {
    const two = encodeTlv(
      0x31,
      encodeTlv(0x30, encodeTlv(0x06, encodeOid(G1_OID)), hex('020102'), hex('02010D')),
      encodeTlv(0x30, encodeTlv(0x06, encodeOid(G1_OID)), hex('020102'), hex('02010C')),
    );
    const c = chip(() => Promise.resolve(hex('6A80')));
    const e = await paceError({ transmit: c.transmit, cardAccess: two, password: MRZ });
    expect(e).toMatchObject({ code: 'PACE_CARD_REJECTED', sw: 0x6a80 });
    expect(c.sent).toHaveLength(1);
  });

  it('no second try after a malformed answer or a reader failure: only a refusal is retried', async () => {
    const short = chip(() => Promise.resolve(hex('90')));
    const e = await paceError({
      transmit: short.transmit,
      cardAccess: G1_CARD_ACCESS,
      password: MRZ,
    });
    expect(e.code).toBe('PACE_BAD_RESPONSE');
    expect(e.vi).toContain('"MSE:Set AT"');
    expect(short.sent).toHaveLength(1);

    const gone = chip(() => Promise.reject(new Error('reader unplugged')));
    await expect(
      performPace({ transmit: gone.transmit, cardAccess: G1_CARD_ACCESS, password: MRZ }),
    ).rejects.toThrow('reader unplugged');
    expect(gone.sent).toHaveLength(1);
  });
});

describe('EF.CardAccess the kiosk cannot use', () => {
  const noApdu: PaceOptions['transmit'] = () => Promise.reject(new Error('no APDU expected'));

  it('unreadable bytes are "not supported (EF.CardAccess)", so the kiosk falls back to BAC', async () => {
    const e = await paceError({ transmit: noApdu, cardAccess: hex('31FF0102'), password: MRZ });
    expect(e.code).toBe('PACE_NOT_SUPPORTED');
    expect(e.vi).toContain('(EF.CardAccess)');
  });

  it('SecurityInfos with no PACEInfo say "no PACEInfo"', async () => {
    // A ChipAuthenticationInfo (id-CA-ECDH-AES-CBC-CMAC-128, version 1) alone.
    const caOnly = encodeTlv(
      0x31,
      encodeTlv(0x30, encodeTlv(0x06, encodeOid('0.4.0.127.0.7.2.2.3.2.2')), hex('020101')),
    );
    const e = await paceError({ transmit: noApdu, cardAccess: caOnly, password: MRZ });
    expect(e.code).toBe('PACE_NOT_SUPPORTED');
    expect(e.en).toContain('(no PACEInfo)');
  });

  it('unsupported PACEInfos are listed as protocol/parameter', async () => {
    const dhAndIm = encodeTlv(
      0x31,
      encodeTlv(
        0x30,
        encodeTlv(0x06, encodeOid('0.4.0.127.0.7.2.2.4.1.2')),
        hex('020102'),
        hex('020100'),
      ),
      encodeTlv(
        0x30,
        encodeTlv(0x06, encodeOid('0.4.0.127.0.7.2.2.4.6.2')),
        hex('020102'),
        hex('02010D'),
      ),
    );
    const e = await paceError({ transmit: noApdu, cardAccess: dhAndIm, password: MRZ });
    expect(e.en).toContain('(0.4.0.127.0.7.2.2.4.1.2/0, 0.4.0.127.0.7.2.2.4.6.2/13)');
  });
});

describe('PACE with the CAN', () => {
  it('MSE:Set AT names the CAN as password reference 02', async () => {
    const c = chip(() => Promise.resolve(hex('6A80')));
    await paceError({
      transmit: c.transmit,
      cardAccess: G1_CARD_ACCESS,
      password: { kind: 'can', can: '012345' },
    });
    expect(c.sent[0]).toBe(G1_MSE_SET_AT.replace(/830101$/, '830102'));
  });
});

describe('answers refused at each step', () => {
  it('a status word other than 63xx/6982 during mapping is a refusal, not a wrong password', async () => {
    const e = await paceError(g1With(2, '6A80'));
    expect(e).toMatchObject({ code: 'PACE_CARD_REJECTED', sw: 0x6a80 });
    expect(e.vi).toContain('"mapping"');
  });

  it('an answer whose 7C length runs into the status word is malformed', async () => {
    // 7C claims 0x14 bytes but only 0x12 come before SW 9000.
    const e = await paceError(g1With(1, `7C148010${G1.z}9000`));
    expect(e.code).toBe('PACE_BAD_RESPONSE');
    expect(e.vi).toContain('"nonce"');
  });

  it('an empty encrypted nonce is malformed', async () => {
    const o = g1With(1, '7C0280009000');
    const e = await paceError(o);
    expect(e.code).toBe('PACE_BAD_RESPONSE');
    expect(e.vi).toContain('"nonce"');
    expect(o.sent).toHaveLength(2);
  });

  it('a mapping point that sends G^ to infinity is refused before key agreement', async () => {
    // PK_Map,IC = t·G with SK_Map,IFD·t = −s (mod n): s·G + SK_Map,IFD·PK_Map,IC = O.
    const curve = standardizedCurve(13)!;
    const t = mod(
      -bytesToBigint(hex(G1.s)) * invert(bytesToBigint(hex(G1.skMapIfd)), curve.n),
      curve.n,
    );
    const pk = toHex(encodePoint(curve, multiply(curve, t, curve.g)));
    const o = g1With(2, `7C438241${pk}9000`);
    const e = await paceError(o);
    expect(e.code).toBe('PACE_BAD_RESPONSE');
    expect(e.vi).toContain('"mapping"');
    expect(o.sent).toHaveLength(3);
  });

  it('a refused or off-curve key agreement names the step', async () => {
    const refused = await paceError(g1With(3, '6A80'));
    expect(refused.vi).toContain('"key agreement" (SW 6A80)');
    const offCurve = await paceError(g1With(3, `7C438441${G1.pkDhIc.slice(0, -2)}559000`));
    expect(offCurve.code).toBe('PACE_BAD_RESPONSE');
    expect(offCurve.vi).toContain('"key agreement"');
  });

  it.each([
    ['the first 7 bytes of the right token', `7C098607${G1.tIc.slice(0, 14)}9000`],
    ['an empty token', '7C0286009000'],
  ])('%s is a token mismatch', async (_name, answer) => {
    expect((await paceError(g1With(4, answer))).code).toBe('PACE_TOKEN_MISMATCH');
  });
});

describe('the result', () => {
  it('holds the chip key PK_DH,IC as its own copy, not a view of the reader buffer', async () => {
    const card = icaoTranscript();
    let keyAnswer: Uint8Array = new Uint8Array(0);
    const c = chip(async (n, apdu) => {
      const r = await card.transmit(apdu);
      if (n === 3) keyAnswer = r;
      return r;
    });
    const result = await performPace({
      transmit: c.transmit,
      cardAccess: G1_CARD_ACCESS,
      password: MRZ,
      ephemeralKey: g1Keys(),
    });
    keyAnswer.fill(0); // a reader that reuses its receive buffer
    expect(toHex(result.chipPublicKey)).toBe(G1.pkDhIc);
    expect(result).toMatchObject({ protocol: G1_OID, parameterId: 13 });
  });
});
