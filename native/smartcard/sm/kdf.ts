import { createHash } from 'node:crypto';

/**
 * ICAO 9303-11 §9.7.1 key derivation: KDF(K, c) = SHA-1(K ‖ c as 32-bit big
 * endian), c = 1 for the encryption key, 2 for the MAC key, 3 for the PACE
 * password key. 3DES keys are the first 16 bytes with DES parity adjusted;
 * AES-128 keys the first 16 bytes.
 */
export const KDF_ENC = 1;
export const KDF_MAC = 2;
export const KDF_PACE = 3;

export function kdf(seed: Uint8Array, counter: number, cipher: '3des' | 'aes128'): Uint8Array {
  const c = new Uint8Array(4);
  new DataView(c.buffer).setUint32(0, counter);
  const h = new Uint8Array(createHash('sha1').update(seed).update(c).digest());
  const key = h.slice(0, 16);
  return cipher === '3des' ? adjustDesParity(key) : key;
}

/** Sets each byte's least significant bit so the byte has odd parity. */
export function adjustDesParity(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(key.length);
  for (let i = 0; i < key.length; i++) {
    const b = (key[i] ?? 0) & 0xfe;
    let ones = 0;
    for (let v = b; v !== 0; v >>= 1) ones += v & 1;
    out[i] = ones % 2 === 0 ? b | 1 : b;
  }
  return out;
}

/** Kseed = SHA-1(MRZ_information)[0..15] (ICAO 9303-11 §9.7.2). */
export function bacKeySeed(mrzInformation: string): Uint8Array {
  return new Uint8Array(createHash('sha1').update(mrzInformation, 'latin1').digest()).slice(0, 16);
}
