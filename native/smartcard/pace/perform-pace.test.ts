import { createECDH } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bacKeyInput } from '../mrz';
import { encodeOid, encodeTlv } from '../lds';
import {
  addPoints,
  bytesToBigint,
  decodePoint,
  encodePoint,
  multiply,
  standardizedCurve,
} from '../ec';
import {
  authenticationToken,
  decryptNonce,
  kdf,
  PaceError,
  passwordBytes,
  passwordKey,
  performPace,
} from './index';
import {
  G1,
  G1_CARD_ACCESS,
  G1_OID,
  hex,
  icaoTranscript,
  toHex,
} from '../../../test/support/icao-pace-g1';

const OID = G1_OID;
const CARD_ACCESS = G1_CARD_ACCESS;

describe('PACE primitives against ICAO 9303-11 Appendix G.1', () => {
  const curve = standardizedCurve(13)!;

  it('derive K and K_π from the MRZ password', () => {
    const mrzInformation = bacKeyInput(G1.mrz);
    const k = passwordBytes({ kind: 'mrz', mrzInformation });
    expect(toHex(k)).toBe(G1.k);
    expect(toHex(passwordKey(k, 16))).toBe(G1.kPi);
  });

  it('derive K_π for CAN 012345 as the CCCD note computes it', () => {
    const k = passwordBytes({ kind: 'can', can: '012345' });
    expect(toHex(passwordKey(k, 16))).toBe('5E5CD537047973C8F8BFDEA168324EC0');
  });

  it('decrypt the nonce with K_π and a zero IV', () => {
    expect(toHex(decryptNonce(hex(G1.kPi), hex(G1.z)))).toBe(G1.s);
  });

  it('map the nonce: H = SK·PK_Map,IC and G^ = s·G + H', () => {
    const skMap = bytesToBigint(hex(G1.skMapIfd));
    expect(toHex(encodePoint(curve, multiply(curve, skMap, curve.g)))).toBe(G1.pkMapIfd);
    const h = multiply(curve, skMap, decodePoint(curve, hex(G1.pkMapIc)));
    expect(toHex(encodePoint(curve, h))).toBe(G1.h);
    const gHat = addPoints(curve, multiply(curve, bytesToBigint(hex(G1.s)), curve.g), h);
    expect(toHex(encodePoint(curve, gHat))).toBe(G1.gHat);
  });

  it('agree K, derive KSenc and KSmac, and compute both tokens', () => {
    const gHat = decodePoint(curve, hex(G1.gHat));
    const skDh = bytesToBigint(hex(G1.skDhIfd));
    expect(toHex(encodePoint(curve, multiply(curve, skDh, gHat)))).toBe(G1.pkDhIfd);
    const k = multiply(curve, skDh, decodePoint(curve, hex(G1.pkDhIc)))!;
    expect(k.x.toString(16).toUpperCase().padStart(64, '0')).toBe(G1.k2);
    const ksMac = kdf(hex(G1.k2), 2, 16);
    expect(toHex(kdf(hex(G1.k2), 1, 16))).toBe(G1.ksEnc);
    expect(toHex(ksMac)).toBe(G1.ksMac);
    expect(toHex(authenticationToken(ksMac, OID, hex(G1.pkDhIc)))).toBe(G1.tIfd);
    expect(toHex(authenticationToken(ksMac, OID, hex(G1.pkDhIfd)))).toBe(G1.tIc);
  });
});

describe('performPace', () => {
  it('sends the Appendix G.1 APDUs byte for byte and returns its session keys', async () => {
    const card = icaoTranscript();
    const keys = [bytesToBigint(hex(G1.skMapIfd)), bytesToBigint(hex(G1.skDhIfd))];
    const result = await performPace({
      transmit: card.transmit,
      cardAccess: CARD_ACCESS,
      password: { kind: 'mrz', mrzInformation: bacKeyInput(G1.mrz) },
      ephemeralKey: () => keys.shift()!,
    });
    expect(card.left()).toBe(0);
    expect(toHex(result.ksEnc)).toBe(G1.ksEnc);
    expect(toHex(result.ksMac)).toBe(G1.ksMac);
    expect(result).toMatchObject({ curve: 'brainpoolP256r1', keyLength: 16, apdus: 5 });
  });

  it('names the domain parameters (tag 84) when EF.CardAccess offers two PACEInfos', async () => {
    const two = encodeTlv(
      0x31,
      encodeTlv(0x30, encodeTlv(0x06, encodeOid(OID)), hex('020102'), hex('02010D')),
      encodeTlv(0x30, encodeTlv(0x06, encodeOid(OID)), hex('020102'), hex('02010C')),
    );
    const card = icaoTranscript('0022C1A412800A04007F0007020204020283010184010D');
    const keys = [bytesToBigint(hex(G1.skMapIfd)), bytesToBigint(hex(G1.skDhIfd))];
    const result = await performPace({
      transmit: card.transmit,
      cardAccess: two,
      password: { kind: 'mrz', mrzInformation: bacKeyInput(G1.mrz) },
      ephemeralKey: () => keys.shift()!,
    });
    expect(card.left()).toBe(0);
    expect(toHex(result.ksMac)).toBe(G1.ksMac);
  });

  it('fails with a token mismatch when the chip answers with a wrong token', async () => {
    const card = icaoTranscript();
    const keys = [bytesToBigint(hex(G1.skMapIfd)), bytesToBigint(hex(G1.skDhIfd))];
    const transmit = async (apdu: Uint8Array): Promise<Uint8Array> => {
      const r = await card.transmit(apdu);
      if (apdu[0] === 0x00 && apdu[1] === 0x86) r[6] = (r[6] ?? 0) ^ 1;
      return r;
    };
    await expect(
      performPace({
        transmit,
        cardAccess: CARD_ACCESS,
        password: { kind: 'mrz', mrzInformation: bacKeyInput(G1.mrz) },
        ephemeralKey: () => keys.shift()!,
      }),
    ).rejects.toMatchObject({ code: 'PACE_TOKEN_MISMATCH' });
  });

  it('reports a wrong CAN when the chip refuses the mutual authentication', async () => {
    const card = icaoTranscript();
    const transmit = async (apdu: Uint8Array): Promise<Uint8Array> => {
      if (apdu[0] === 0x00 && apdu[1] === 0x86) return hex('6300');
      return card.transmit(apdu).catch(() => hex('9000'));
    };
    const keys = [bytesToBigint(hex(G1.skMapIfd)), bytesToBigint(hex(G1.skDhIfd))];
    const err: unknown = await performPace({
      transmit,
      cardAccess: CARD_ACCESS,
      password: { kind: 'mrz', mrzInformation: bacKeyInput(G1.mrz) },
      ephemeralKey: () => keys.shift()!,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PaceError);
    expect((err as PaceError).code).toBe('PACE_WRONG_PASSWORD');
    expect((err as PaceError).vi).toMatch(/CAN/);
  });

  it('refuses a malformed CAN before sending any APDU', async () => {
    let sent = 0;
    const transmit = (): Promise<Uint8Array> => {
      sent++;
      return Promise.resolve(hex('9000'));
    };
    await expect(
      performPace({ transmit, cardAccess: CARD_ACCESS, password: { kind: 'can', can: '01234' } }),
    ).rejects.toMatchObject({ code: 'PACE_BAD_PASSWORD_FORMAT' });
    expect(sent).toBe(0);
  });

  it('refuses a card whose EF.CardAccess offers no supported PACE', async () => {
    const dhOnly = encodeTlv(
      0x31,
      encodeTlv(
        0x30,
        encodeTlv(0x06, encodeOid('0.4.0.127.0.7.2.2.4.1.2')),
        hex('020102'),
        hex('020100'),
      ),
    );
    await expect(
      performPace({
        transmit: () => Promise.resolve(hex('9000')),
        cardAccess: dhOnly,
        password: { kind: 'can', can: '012345' },
      }),
    ).rejects.toMatchObject({ code: 'PACE_NOT_SUPPORTED' });
  });
});

/** Runs the App. G.1 exchange with the chip's answer to APDU number `at` (0-based) replaced. */
async function paceWithAnswer(at: number, answer: string): Promise<PaceError> {
  const card = icaoTranscript();
  let n = 0;
  const transmit = async (apdu: Uint8Array): Promise<Uint8Array> => {
    const r = await card.transmit(apdu);
    return n++ === at ? hex(answer) : r;
  };
  const keys = [bytesToBigint(hex(G1.skMapIfd)), bytesToBigint(hex(G1.skDhIfd))];
  const err: unknown = await performPace({
    transmit,
    cardAccess: CARD_ACCESS,
    password: { kind: 'mrz', mrzInformation: bacKeyInput(G1.mrz) },
    ephemeralKey: () => keys.shift()!,
  }).catch((e: unknown) => e);
  if (!(err instanceof PaceError)) throw new Error(`expected a PaceError, got ${String(err)}`);
  return err;
}

describe('PACE names the step a card refused or answered badly', () => {
  it('a refused nonce request is "card rejected" with its status word, even for 63xx', async () => {
    const e = await paceWithAnswer(1, '6A80');
    expect(e).toMatchObject({ code: 'PACE_CARD_REJECTED', sw: 0x6a80 });
    expect(e.vi).toContain('"nonce" (SW 6A80)');
    expect(await paceWithAnswer(1, '63C2')).toMatchObject({ code: 'PACE_CARD_REJECTED' });
  });

  it('63xx during mapping and 6982 at mutual authentication mean a wrong password', async () => {
    expect(await paceWithAnswer(2, '63C1')).toMatchObject({
      code: 'PACE_WRONG_PASSWORD',
      sw: 0x63c1,
    });
    expect(await paceWithAnswer(4, '6982')).toMatchObject({
      code: 'PACE_WRONG_PASSWORD',
      sw: 0x6982,
    });
  });

  it.each([
    ['a one-byte answer', 1, '90', 'nonce'],
    ['an answer not wrapped in 7C', 1, `7D128010${G1.z}9000`, 'nonce'],
    ['a nonce under the wrong tag', 1, `7C128110${G1.z}9000`, 'nonce'],
    ['an encrypted nonce of 15 bytes', 1, `7C11800F${G1.z.slice(2)}9000`, 'nonce'],
    ['a mapping point off the curve', 2, `7C438241${G1.pkMapIc.slice(0, -2)}559000`, 'mapping'],
    ['the terminal key echoed back', 3, `7C438441${G1.pkDhIfd}9000`, 'key agreement'],
  ])('%s is a bad response at its step', async (_name, at, answer, step) => {
    const e = await paceWithAnswer(at, answer);
    expect(e.code).toBe('PACE_BAD_RESPONSE');
    expect(e.vi).toContain(`"${step}"`);
  });

  it.each(['0123456', 'a012345', '012345a'])('refuses CAN %s before any APDU', async (can) => {
    const transmit = (): Promise<Uint8Array> => Promise.reject(new Error('no APDU expected'));
    await expect(
      performPace({ transmit, cardAccess: CARD_ACCESS, password: { kind: 'can', can } }),
    ).rejects.toMatchObject({ code: 'PACE_BAD_PASSWORD_FORMAT' });
  });
});

describe('curve arithmetic against OpenSSL', () => {
  it.each([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18])(
    'standardized domain parameter %i: k·G equals OpenSSL ECDH public keys',
    (id) => {
      const curve = standardizedCurve(id)!;
      const names: Record<string, string> = {
        'P-192': 'prime192v1',
        'P-224': 'secp224r1',
        'P-256': 'prime256v1',
        'P-384': 'secp384r1',
        'P-521': 'secp521r1',
      };
      const ecdh = createECDH(names[curve.name] ?? curve.name);
      for (let i = 0; i < 3; i++) {
        ecdh.generateKeys();
        const k = bytesToBigint(ecdh.getPrivateKey());
        expect(toHex(encodePoint(curve, multiply(curve, k, curve.g)))).toBe(
          toHex(ecdh.getPublicKey()),
        );
        const compressed = new Uint8Array(ecdh.getPublicKey(null, 'compressed'));
        expect(toHex(encodePoint(curve, decodePoint(curve, compressed)))).toBe(
          toHex(ecdh.getPublicKey()),
        );
      }
      expect(multiply(curve, curve.n, curve.g)).toBeNull();
    },
  );
});
