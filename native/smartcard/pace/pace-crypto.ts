import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { concatBytes, encodeOid, encodeTlv } from '../lds';

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

const aesName = (key: Uint8Array): string => `aes-${String(key.length * 8)}`;

/** s = D(K_π, z): AES-CBC with a zero IV and no padding. */
export function decryptNonce(kPi: Uint8Array, z: Uint8Array): Uint8Array {
  const d = createDecipheriv(`${aesName(kPi)}-cbc`, kPi, new Uint8Array(16)).setAutoPadding(false);
  return new Uint8Array(Buffer.concat([d.update(z), d.final()]));
}

function aesBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  const c = createCipheriv(`${aesName(key)}-ecb`, key, null).setAutoPadding(false);
  return new Uint8Array(Buffer.concat([c.update(block), c.final()]));
}

function shiftLeft(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = (((b[i] ?? 0) << 1) | ((b[i + 1] ?? 0) >>> 7)) & 0xff;
  if (((b[0] ?? 0) & 0x80) !== 0) out[15] = (out[15] ?? 0) ^ 0x87;
  return out;
}

/** AES-CMAC (NIST SP 800-38B), full 16 bytes. */
export function aesCmac(key: Uint8Array, data: Uint8Array): Uint8Array {
  const k1 = shiftLeft(aesBlock(key, new Uint8Array(16)));
  const k2 = shiftLeft(k1);
  const blocks = Math.max(1, Math.ceil(data.length / 16));
  const complete = data.length > 0 && data.length % 16 === 0;
  const last = new Uint8Array(16);
  last.set(data.subarray((blocks - 1) * 16));
  if (!complete) last[data.length - (blocks - 1) * 16] = 0x80;
  const sub = complete ? k1 : k2;
  let x: Uint8Array = new Uint8Array(16);
  for (let b = 0; b < blocks; b++) {
    const m =
      b === blocks - 1 ? last.map((v, i) => v ^ (sub[i] ?? 0)) : data.subarray(b * 16, b * 16 + 16);
    x = aesBlock(
      key,
      x.map((v, i) => v ^ (m[i] ?? 0)),
    );
  }
  return x;
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
