import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeTlv } from '../lds';
import { makeCurve, multiply } from '../ec';
import { ecdsaDerToRs, ecdsaPlainToRs } from './ecdsa';
import { ecdsaVerify, parseEcPublicKey } from './index';
import type { EcPublicKey, HashName } from './index';

const data = new Uint8Array(randomBytes(64));

/** A named-curve key and an r‖s signature over `data` made by OpenSSL. */
function signed(
  curve: 'P-256' | 'P-384',
  hash: HashName,
): { key: EcPublicKey; rs: [bigint, bigint] } {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: curve });
  const key = parseEcPublicKey(new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })))!;
  const sig = sign(hash, data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return { key, rs: ecdsaPlainToRs(new Uint8Array(sig))! };
}

describe('ECDSA verification in bigint arithmetic', () => {
  it('truncates a digest longer than the order (SHA-512 on P-256)', () => {
    const { key, rs } = signed('P-256', 'sha512');
    expect(ecdsaVerify(key, 'sha512', data, rs)).toBe(true);
    expect(ecdsaVerify(key, 'sha512', data.subarray(1), rs)).toBe(false);
  });

  it('keeps a digest shorter than the order whole (SHA-256 on P-384)', () => {
    const { key, rs } = signed('P-384', 'sha256');
    expect(ecdsaVerify(key, 'sha256', data, rs)).toBe(true);
  });

  it('refuses r or s outside 1..n-1 without throwing, even when equal modulo n', () => {
    const { key, rs } = signed('P-256', 'sha256');
    const [r, s] = rs;
    const { n } = key.curve;
    for (const bad of [
      [r, 0n],
      [r, n],
      [r, s + n],
      [0n, s],
      [r + n, s],
    ] as const) {
      expect(ecdsaVerify(key, 'sha256', data, bad)).toBe(false);
    }
  });
});

/*
 * y² = x³ + x + 9 over GF(131): 137 points, a prime, so every point but O
 * generates it, and G = (0, 3) has x = 0. Small enough to try every (r, s).
 */
const toy = makeCurve({ name: 'toy-131', p: 131n, a: 1n, b: 9n, gx: 0n, gy: 3n, n: 137n, h: 1n });
const toyMessages = ['CCCD', 'EF.SOD', 'DG1'].map((m) => new TextEncoder().encode(m));

/** How many (r, s), r from `rs` and s from 1..n−1, verify over `data`; stops at `enough`. */
function verifying(
  key: EcPublicKey,
  data: Uint8Array,
  rs: readonly bigint[],
  enough = Infinity,
): number {
  let ok = 0;
  for (const r of rs)
    for (let s = 1n; s < toy.n; s++) {
      if (ecdsaVerify(key, 'sha256', data, [r, s])) ok++;
      if (ok >= enough) return ok;
    }
  return ok;
}
const everyR = Array.from({ length: 136 }, (_, i) => BigInt(i + 1));

describe('ECDSA on a curve small enough to try every signature', () => {
  const key: EcPublicKey = { curve: toy, point: multiply(toy, 5n, toy.g), explicit: true };

  it('some signatures verify: the verifier works on this curve', () => {
    for (const m of toyMessages) expect(verifying(key, m, everyR, 1)).toBe(1);
  });

  it('r = 0 never verifies, although s = e makes x(u1·G) = x(G) = 0 ≡ r', () => {
    for (const m of toyMessages) expect(verifying(key, m, [0n, toy.n])).toBe(0);
  });

  it('a public key at infinity verifies nothing (else any s has a matching r = x((e/s)·G))', () => {
    const infinity: EcPublicKey = { curve: toy, point: null, explicit: true };
    for (const m of toyMessages) expect(verifying(infinity, m, everyR)).toBe(0);
  });
});

describe('ECDSA signature encodings', () => {
  const r = encodeTlv(0x02, Uint8Array.of(0x01, 0x02));
  const s = encodeTlv(0x02, Uint8Array.of(0x03));

  it('reads DER Ecdsa-Sig-Value and refuses anything else', () => {
    expect(ecdsaDerToRs(encodeTlv(0x30, r, s))).toEqual([0x0102n, 3n]);
    expect(ecdsaDerToRs(encodeTlv(0x31, r, s))).toBeNull();
    expect(ecdsaDerToRs(Uint8Array.of(...encodeTlv(0x30, r, s), 0))).toBeNull();
    expect(ecdsaDerToRs(encodeTlv(0x30, r, encodeTlv(0x04, Uint8Array.of(3))))).toBeNull();
    expect(ecdsaDerToRs(encodeTlv(0x30, r))).toBeNull();
  });

  it('reads plain r‖s of even length only', () => {
    expect(ecdsaPlainToRs(Uint8Array.of(1, 2, 3, 4))).toEqual([0x0102n, 0x0304n]);
    expect(ecdsaPlainToRs(new Uint8Array())).toBeNull();
    expect(ecdsaPlainToRs(Uint8Array.of(1, 2, 3))).toBeNull();
  });
});
