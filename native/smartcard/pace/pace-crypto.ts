import { createHash } from 'node:crypto';
import { concatBytes, encodeOid, encodeTlv } from '../lds';
import { aesCbc, aesCmac } from '../sm/primitives';

// The secure channel's AES-CMAC serves PACE's tokens too (one tested implementation).
export { aesCmac };

/**
 * ICAO 9303-11 §9.7.1 key derivation: KDF(K, c) = H(K ‖ c as 32-bit big-endian),
 * truncated to the key length; H = SHA-1 for 3DES and AES-128, SHA-256 for AES-192/256.
 */
export function kdf(secret: Uint8Array, counter: number, keyLength: 16 | 24 | 32): Uint8Array {
  const c = Uint8Array.of(
    counter >>> 24,
    (counter >>> 16) & 0xff,
    (counter >>> 8) & 0xff,
    counter & 0xff,
  );
  const hash = createHash(keyLength === 16 ? 'sha1' : 'sha256')
    .update(secret)
    .update(c)
    .digest();
  return new Uint8Array(hash.subarray(0, keyLength));
}

/** The PACE password key K_π = KDF(K, 3). */
export function passwordKey(password: Uint8Array, keyLength: 16 | 24 | 32): Uint8Array {
  return kdf(password, 3, keyLength);
}

/** The shared secret K for a password: the CAN's ASCII digits, or SHA-1(MRZ_information). */
export function passwordBytes(
  password:
    | { readonly kind: 'can'; readonly can: string }
    | { readonly kind: 'mrz'; readonly mrzInformation: string },
): Uint8Array {
  if (password.kind === 'can') return new TextEncoder().encode(password.can);
  return new Uint8Array(createHash('sha1').update(password.mrzInformation, 'latin1').digest());
}

/** s = D(K_π, z): AES-CBC with a zero IV and no padding. */
export function decryptNonce(kPi: Uint8Array, z: Uint8Array): Uint8Array {
  return aesCbc('dec', kPi, new Uint8Array(16), z);
}

/**
 * Authentication token (ICAO 9303-11 §4.4.3.4): the first 8 bytes of
 * CMAC(KSmac, `7F49 L { 06 L <protocol OID> | 86 L <other party's ephemeral public point> }`).
 */
export function authenticationToken(
  ksMac: Uint8Array,
  protocol: string,
  publicPoint: Uint8Array,
): Uint8Array {
  const data = encodeTlv(
    0x7f49,
    concatBytes(encodeTlv(0x06, encodeOid(protocol)), encodeTlv(0x86, publicPoint)),
  );
  return aesCmac(ksMac, data).subarray(0, 8);
}
