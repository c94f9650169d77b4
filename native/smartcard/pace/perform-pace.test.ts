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

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s/g, ''), 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();

/** ICAO Doc 9303-11 Appendix G.1: PACE ECDH generic mapping, brainpoolP256r1, AES-128, MRZ password. */
const G1 = {
  mrz: { documentNumber: 'T22000129', birthDate: '640812', expiryDate: '101031' },
  k: '7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD',
  kPi: '89DED1B26624EC1E634C1989302849DD',
  z: '95A3A016522EE98D01E76CB6B98B42C3',
  s: '3F00C4D39D153F2B2A214A078D899B22',
  skMapIfd: '7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99',
  pkMapIfd:
    '047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D',
  pkMapIc:
    '04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54',
  h: '0460332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD50840CA7415BAF3E43BD414D35AA4608B93A2CAF3A4E3EA4E82C9C13D03EB7181',
  gHat: '048CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E28C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522',
  skDhIfd: 'A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595',
  pkDhIfd:
    '042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462',
  pkDhIc:
    '049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094',
  k2: '28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925',
  ksEnc: 'F5F0E35C0D7161EE6724EE513A0D9A7F',
  ksMac: 'FE251C7858B356B24514B3BD5F4297D1',
  tIfd: 'C2B0BD78D94BA866',
  tIc: '3ABB9674BCE93C08',
} as const;
const OID = '0.4.0.127.0.7.2.2.4.2.2';

/** EF.CardAccess holding one PACEInfo (GM, AES-128, brainpoolP256r1). */
const CARD_ACCESS = encodeTlv(
  0x31,
  encodeTlv(0x30, encodeTlv(0x06, encodeOid(OID)), hex('020102'), hex('02010D')),
);

/** The App. G.1 exchange as published: each expected command and the chip's answer. */
function icaoTranscript(mseSetAt = '0022C1A40F800A04007F00070202040202830101'): {
  transmit: (apdu: Uint8Array) => Promise<Uint8Array>;
  left: () => number;
} {
  const script: [string, string][] = [
    [mseSetAt, '9000'],
    ['10860000027C0000', `7C128010${G1.z}9000`],
    [`10860000457C438141${G1.pkMapIfd}00`, `7C438241${G1.pkMapIc}9000`],
    [`10860000457C438341${G1.pkDhIfd}00`, `7C438441${G1.pkDhIc}9000`],
    [`008600000C7C0A8508${G1.tIfd}00`, `7C0A8608${G1.tIc}9000`],
  ];
  return {
    transmit: (apdu) => {
      const step = script.shift();
      if (step === undefined) return Promise.reject(new Error('unexpected extra APDU'));
      expect(toHex(apdu)).toBe(step[0]);
      return Promise.resolve(hex(step[1]));
    },
    left: () => script.length,
  };
}

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
