import { randomBytes } from 'node:crypto';
import { encodeOid, encodeTlv, paceInfos, parseSecurityInfos, ParseError, readTlv } from '../lds';
import type { PaceInfo } from '../lds';
import {
  addPoints,
  bigintToBytes,
  bytesToBigint,
  decodePoint,
  encodePoint,
  multiply,
  standardizedCurve,
} from '../ec';
import type { Curve, Point } from '../ec';
import { authenticationToken, decryptNonce, kdf, passwordBytes, passwordKey } from './pace-crypto';
import { PaceError, paceErrors } from './pace-error';

export type PacePassword =
  | { readonly kind: 'can'; readonly can: string }
  /** MRZ_information from `bacKeyInput` (mrz/). */
  | { readonly kind: 'mrz'; readonly mrzInformation: string };

export interface PaceOptions {
  /** Plain transport: command APDU in, response data ‖ SW1 SW2 out. */
  readonly transmit: (apdu: Uint8Array) => Promise<Uint8Array>;
  /** EF.CardAccess as read from the card (FID 011C / SFI 1C). */
  readonly cardAccess: Uint8Array;
  readonly password: PacePassword;
  /** Ephemeral private keys; by default CSPRNG scalars in [1, n-1]. Tests inject the ICAO example's. */
  readonly ephemeralKey?: (curve: Curve) => bigint;
}

/** What secure messaging needs after PACE: AES session keys with SSC = 0. */
export interface PaceResult {
  readonly protocol: string;
  readonly parameterId: number;
  readonly curve: string;
  readonly keyLength: 16 | 24 | 32;
  readonly ksEnc: Uint8Array;
  readonly ksMac: Uint8Array;
  /** PK_DH,IC (uncompressed point): Chip Authentication mapping reuses it. */
  readonly chipPublicKey: Uint8Array;
  readonly apdus: number;
}

/** id-PACE-ECDH-GM-AES-CBC-CMAC-{128,192,256} -> key length. */
const GM_AES: Readonly<Record<string, 16 | 24 | 32>> = {
  '0.4.0.127.0.7.2.2.4.2.2': 16,
  '0.4.0.127.0.7.2.2.4.2.3': 24,
  '0.4.0.127.0.7.2.2.4.2.4': 32,
};

function randomScalar(curve: Curve): bigint {
  const k = bytesToBigint(randomBytes(curve.size + 8));
  return (k % (curve.n - 1n)) + 1n;
}

/** The first PACEInfo this implementation can run (ECDH generic mapping, AES, known curve). */
export function choosePaceInfo(cardAccess: Uint8Array): {
  info: PaceInfo;
  curve: Curve;
  keyLength: 16 | 24 | 32;
  /** The card offers several PACEInfos: MSE:Set AT must name the parameters (tag 84). */
  ambiguous: boolean;
} {
  let infos: PaceInfo[];
  try {
    infos = paceInfos(parseSecurityInfos(cardAccess));
  } catch (e) {
    if (e instanceof ParseError) throw paceErrors.notSupported('EF.CardAccess');
    throw e;
  }
  for (const info of infos) {
    const keyLength = GM_AES[info.protocol];
    const curve = info.parameterId === null ? undefined : standardizedCurve(info.parameterId);
    if (keyLength !== undefined && curve !== undefined) {
      return { info, curve, keyLength, ambiguous: infos.length > 1 };
    }
  }
  throw paceErrors.notSupported(
    infos.map((i) => `${i.protocol}/${String(i.parameterId)}`).join(', ') || 'no PACEInfo',
  );
}

/**
 * PACE (ICAO 9303-11 §4.4) with ECDH generic mapping and AES:
 * ```
 * MSE:Set AT      00 22 C1 A4 Lc 80 <OID> 83 01 <01 MRZ | 02 CAN> [84 01 <paramId> when several PACEInfos]
 * GA 1 (nonce)    10 86 00 00 02 7C 00 00          -> 7C { 80 z }, s = D(K_π, z)
 * GA 2 (map)      10 86 00 00 Lc 7C { 81 PK_Map,IFD } 00 -> 7C { 82 PK_Map,IC }
 *                 G' = s·G + SK_Map,IFD·PK_Map,IC
 * GA 3 (agree)    10 86 00 00 Lc 7C { 83 PK_DH,IFD } 00  -> 7C { 84 PK_DH,IC }
 *                 K = x(SK_DH,IFD·PK_DH,IC); KSenc = KDF(K,1), KSmac = KDF(K,2)
 * GA 4 (tokens)   00 86 00 00 0C 7C 0A 85 08 T_IFD 00 -> 7C { 86 T_IC }
 * ```
 * Runs once; a failure is thrown, never retried (the chip may count failures).
 * @throws PaceError
 */
export async function performPace(o: PaceOptions): Promise<PaceResult> {
  // A malformed CAN is refused before any APDU: a wrong one would count as a failed attempt.
  if (o.password.kind === 'can' && !/^\d{6}$/.test(o.password.can)) throw paceErrors.badCan();
  const { info, curve, keyLength, ambiguous } = choosePaceInfo(o.cardAccess);
  const ephemeral = o.ephemeralKey ?? randomScalar;
  let apdus = 0;
  const send = async (step: string, apdu: Uint8Array): Promise<Uint8Array> => {
    apdus++;
    const r = await o.transmit(apdu);
    if (r.length < 2) throw paceErrors.badResponse(step);
    const sw = ((r[r.length - 2] ?? 0) << 8) | (r[r.length - 1] ?? 0);
    if (sw !== 0x9000) {
      const passwordStep = step === 'mutual authentication' || step === 'mapping';
      if (passwordStep && ((sw & 0xff00) === 0x6300 || sw === 0x6982))
        throw paceErrors.wrongPassword(sw);
      throw paceErrors.rejected(step, sw);
    }
    return r.subarray(0, r.length - 2);
  };
  const generalAuthenticate = async (
    step: string,
    last: boolean,
    tag: number,
    value: Uint8Array | null,
    expect: number,
  ): Promise<Uint8Array> => {
    const data = encodeTlv(0x7c, value === null ? new Uint8Array(0) : encodeTlv(tag, value));
    const apdu = Uint8Array.of(last ? 0x00 : 0x10, 0x86, 0, 0, data.length, ...data, 0);
    const body = await send(step, apdu);
    try {
      const outer = readTlv(body);
      const inner = readTlv(outer.value);
      if (outer.tag !== 0x7c || inner.tag !== expect) throw paceErrors.badResponse(step);
      return inner.value;
    } catch (e) {
      if (e instanceof ParseError) throw paceErrors.badResponse(step);
      throw e;
    }
  };
  const point = (step: string, bytes: Uint8Array): Point => {
    const p = decodePoint(curve, bytes);
    if (p === null) throw paceErrors.badResponse(step);
    return p;
  };

  const oid = encodeOid(info.protocol);
  const ref = o.password.kind === 'mrz' ? 0x01 : 0x02;
  const setAt = async (naming: boolean): Promise<void> => {
    const mse = Uint8Array.of(
      ...encodeTlv(0x80, oid),
      ...encodeTlv(0x83, Uint8Array.of(ref)),
      ...(naming ? encodeTlv(0x84, Uint8Array.of(info.parameterId ?? 0)) : []),
    );
    await send('MSE:Set AT', Uint8Array.of(0x00, 0x22, 0xc1, 0xa4, mse.length, ...mse));
  };
  try {
    await setAt(ambiguous);
  } catch (e) {
    // Some older chips refuse MSE:Set AT unless tag 84 names the domain
    // parameters, even with one PACEInfo. Asking again is free: no
    // authentication attempt is counted before GENERAL AUTHENTICATE.
    const refused = e instanceof PaceError && e.code === 'PACE_CARD_REJECTED';
    if (!refused || ambiguous || info.parameterId === null) throw e;
    await setAt(true);
  }

  const z = await generalAuthenticate('nonce', false, 0, null, 0x80);
  if (z.length === 0 || z.length % 16 !== 0) throw paceErrors.badResponse('nonce');
  const s = bytesToBigint(decryptNonce(passwordKey(passwordBytes(o.password), keyLength), z));

  const skMap = ephemeral(curve);
  const pkMapIc = point(
    'mapping',
    await generalAuthenticate(
      'mapping',
      false,
      0x81,
      encodePoint(curve, multiply(curve, skMap, curve.g)),
      0x82,
    ),
  );
  const mapped = addPoints(curve, multiply(curve, s, curve.g), multiply(curve, skMap, pkMapIc));
  if (mapped === null) throw paceErrors.badResponse('mapping');

  const skDh = ephemeral(curve);
  const pkDhIfd = encodePoint(curve, multiply(curve, skDh, mapped));
  const pkDhIcBytes = await generalAuthenticate('key agreement', false, 0x83, pkDhIfd, 0x84);
  const pkDhIc = point('key agreement', pkDhIcBytes);
  if (pkDhIcBytes.every((b, i) => b === pkDhIfd[i])) throw paceErrors.badResponse('key agreement');
  const shared = multiply(curve, skDh, pkDhIc);
  if (shared === null) throw paceErrors.badResponse('key agreement');
  const k = bigintToBytes(shared.x, curve.size);
  const ksEnc = kdf(k, 1, keyLength);
  const ksMac = kdf(k, 2, keyLength);

  const tIfd = authenticationToken(ksMac, info.protocol, pkDhIcBytes);
  const tIc = await generalAuthenticate('mutual authentication', true, 0x85, tIfd, 0x86);
  const expected = authenticationToken(ksMac, info.protocol, pkDhIfd);
  if (tIc.length !== 8 || !tIc.every((b, i) => b === expected[i])) throw paceErrors.tokenMismatch();

  return {
    protocol: info.protocol,
    parameterId: info.parameterId ?? 0,
    curve: curve.name,
    keyLength,
    ksEnc,
    ksMac,
    chipPublicKey: pkDhIcBytes.slice(),
    apdus,
  };
}
