import { createHash, createPublicKey, randomBytes } from 'node:crypto';
import { parseDg15, parseSecurityInfos, ParseError, decodeOid } from '../lds';
import { bytesToBigint, bigintToBytes, modPow } from '../ec';
import { SIGNATURE_BY_OID } from './algorithms';
import type { HashName } from './algorithms';
import { parseEcPublicKey } from './ec-public-key';
import { ecdsaDerToRs, ecdsaPlainToRs, ecdsaVerify } from './ecdsa';

export interface ActiveAuthInput {
  readonly dg15: Uint8Array;
  /** The 8 random bytes sent in INTERNAL AUTHENTICATE; fresh for every read. */
  readonly challenge: Uint8Array;
  /** The card's response data (status word removed). */
  readonly response: Uint8Array;
  /** DG14, whose ActiveAuthenticationInfo names the ECDSA hash. */
  readonly dg14?: Uint8Array | undefined;
}

export interface ActiveAuthVerdict {
  readonly ok: boolean;
  readonly algorithm: string;
  readonly vi: string;
  readonly en: string;
}

const OID_AA_INFO = '2.23.136.1.1.5';
const ISO9796_HASH: Readonly<Record<number, HashName>> = {
  0x33: 'sha1',
  0x34: 'sha256',
  0x35: 'sha512',
  0x36: 'sha384',
  0x38: 'sha224',
};
const HASH_LENGTH: Readonly<Record<HashName, number>> = {
  sha1: 20,
  sha224: 28,
  sha256: 32,
  sha384: 48,
  sha512: 64,
};

/** A fresh challenge from the CSPRNG (a fixed or zero challenge lets a clone replay an answer). */
export function activeAuthChallenge(): Uint8Array {
  return new Uint8Array(randomBytes(8));
}

/** `00 88 00 00 08 <challenge> 00`: INTERNAL AUTHENTICATE (ICAO 9303-11 §6.1). */
export function internalAuthenticateApdu(challenge: Uint8Array): Uint8Array {
  return Uint8Array.of(0x00, 0x88, 0x00, 0x00, challenge.length, ...challenge, 0x00);
}

/** The ECDSA hash DG14's ActiveAuthenticationInfo names, if any. */
function aaHash(dg14: Uint8Array | undefined): HashName | undefined {
  if (dg14 === undefined) return undefined;
  try {
    const info = parseSecurityInfos(dg14).find((i) => i.protocol === OID_AA_INFO);
    if (info?.optionalData?.tag !== 0x06) return undefined;
    return SIGNATURE_BY_OID[decodeOid(info.optionalData.value)]?.hash;
  } catch (e) {
    if (e instanceof ParseError) return undefined;
    throw e;
  }
}

/**
 * ISO/IEC 9796-2 digital signature scheme 1 with partial recovery (ICAO 9303-11 §6.1.2.1):
 * f = s^e mod n (or n - f), `f = 6A ‖ M1 ‖ H(M1 ‖ challenge) ‖ BC` (SHA-1) or `… ‖ hashId CC`.
 */
function verifyRsa(spki: Uint8Array, challenge: Uint8Array, response: Uint8Array): string | null {
  const jwk = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }).export({
    format: 'jwk',
  });
  if (jwk.n === undefined || jwk.e === undefined) return null;
  const n = bytesToBigint(Buffer.from(jwk.n, 'base64url'));
  const e = bytesToBigint(Buffer.from(jwk.e, 'base64url'));
  const k = Buffer.from(jwk.n, 'base64url').length;
  let f = modPow(bytesToBigint(response), e, n);
  if ((f & 0xfn) !== 0xcn) f = n - f;
  const fb = bigintToBytes(f, k);
  const last = fb[k - 1];
  const hash = last === 0xbc ? 'sha1' : last === 0xcc ? ISO9796_HASH[fb[k - 2] ?? 0] : undefined;
  if (hash === undefined || ((fb[0] ?? 0) & 0xc0) !== 0x40) return null;
  const trailer = last === 0xbc ? 1 : 2;
  const hLen = HASH_LENGTH[hash];
  const m1 = fb.subarray(1, k - trailer - hLen);
  const d = fb.subarray(k - trailer - hLen, k - trailer);
  const expected = createHash(hash).update(m1).update(challenge).digest();
  return expected.equals(d) ? `ISO 9796-2 RSA ${hash.toUpperCase()}` : null;
}

/**
 * Active Authentication: did the chip that answered hold DG15's private key?
 * Pure verification; the caller sends INTERNAL AUTHENTICATE with a fresh challenge.
 */
export function verifyActiveAuthentication(input: ActiveAuthInput): ActiveAuthVerdict {
  const fail = (algorithm: string): ActiveAuthVerdict => ({
    ok: false,
    algorithm,
    vi: 'Chip không chứng minh được là chip gốc (xác thực chủ động thất bại): thẻ có thể bị sao chép; không dùng dữ liệu này.',
    en: 'The chip failed Active Authentication: the card may be a clone; do not use its data.',
  });
  let spki: Uint8Array;
  try {
    spki = parseDg15(input.dg15);
  } catch (e) {
    if (e instanceof ParseError) return fail('DG15 unreadable');
    throw e;
  }
  let ec: ReturnType<typeof parseEcPublicKey>;
  try {
    ec = parseEcPublicKey(spki);
  } catch (e) {
    if (e instanceof ParseError) return fail('DG15 key unreadable');
    throw e;
  }
  if (ec !== null) {
    const named = aaHash(input.dg14);
    const hashes: readonly HashName[] =
      named === undefined ? ['sha256', 'sha1', 'sha224', 'sha384', 'sha512'] : [named];
    const rs = ecdsaPlainToRs(input.response) ?? ecdsaDerToRs(input.response);
    const hit =
      rs === null ? undefined : hashes.find((h) => ecdsaVerify(ec, h, input.challenge, rs));
    return hit === undefined
      ? fail(`ECDSA ${ec.curve.name}`)
      : {
          ok: true,
          algorithm: `ECDSA ${ec.curve.name} ${hit.toUpperCase()}`,
          vi: 'Chip là chip gốc (xác thực chủ động thành công).',
          en: 'The chip passed Active Authentication.',
        };
  }
  try {
    const algorithm = verifyRsa(spki, input.challenge, input.response);
    return algorithm === null
      ? fail('ISO 9796-2 RSA')
      : {
          ok: true,
          algorithm,
          vi: 'Chip là chip gốc (xác thực chủ động thành công).',
          en: 'The chip passed Active Authentication.',
        };
  } catch {
    return fail('unsupported key');
  }
}
