import { describe, expect, it } from 'vitest';
import { kdf, passwordKey } from './pace-crypto';
import { G1, hex, toHex } from '../../../test/support/icao-pace-g1';

/*
 * ICAO 9303-11 §9.7.1: KDF(K, c) = H(K ‖ c) with H = SHA-1 for AES-128 and
 * SHA-256 for AES-192/256. App. G.1 only publishes AES-128, so the AES-192/256
 * values below were computed outside this code base, for the App. G.1 shared
 * secret K:  printf '<K hex><c hex>' | xxd -r -p | openssl dgst -sha256
 */
const SHA256_K_1 = '8419651A9932A555FE20D96406746A82F750F4CCB3D6BE786D4630BCC681BF0E';
const SHA256_K_2 = 'AA35FDB8D201BC2FD2BD98550C6FE549568C5E769BE67F04733673B7C910A59F';
const SHA256_K_3 = 'CF2CF7835C1568DABF1934175E76D45676E0943B946284E9D3FDE5FA68F31192';

describe('PACE key derivation per key length (ICAO 9303-11 §9.7.1)', () => {
  it('AES-128 keys are SHA-1 truncated to 16 bytes (App. G.1 KSenc, KSmac)', () => {
    expect(toHex(kdf(hex(G1.k2), 1, 16))).toBe(G1.ksEnc);
    expect(toHex(kdf(hex(G1.k2), 2, 16))).toBe(G1.ksMac);
  });

  it('AES-256 keys are the whole SHA-256 of K ‖ counter', () => {
    expect(toHex(kdf(hex(G1.k2), 1, 32))).toBe(SHA256_K_1);
    expect(toHex(kdf(hex(G1.k2), 2, 32))).toBe(SHA256_K_2);
    expect(toHex(passwordKey(hex(G1.k2), 32))).toBe(SHA256_K_3);
  });

  it('AES-192 keys are SHA-256 truncated to 24 bytes, not SHA-1 padded', () => {
    expect(toHex(kdf(hex(G1.k2), 1, 24))).toBe(SHA256_K_1.slice(0, 48));
    expect(toHex(passwordKey(hex(G1.k2), 24))).toBe(SHA256_K_3.slice(0, 48));
  });
});
