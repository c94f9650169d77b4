import { createECDH, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bigintToBytes, bytesToBigint, encodePoint, isOnCurve, multiply } from './ec-curve';
import { knownCurves, standardizedCurve } from './standardized-curves';

/** ICAO 9303-11 §9.5.1 Table 6: parameter id → curve, and OpenSSL's name for it. */
const TABLE_6: readonly (readonly [number, string, string, number])[] = [
  [8, 'P-192', 'prime192v1', 24],
  [9, 'brainpoolP192r1', 'brainpoolP192r1', 24],
  [10, 'P-224', 'secp224r1', 28],
  [11, 'brainpoolP224r1', 'brainpoolP224r1', 28],
  [12, 'P-256', 'prime256v1', 32],
  [13, 'brainpoolP256r1', 'brainpoolP256r1', 32],
  [14, 'brainpoolP320r1', 'brainpoolP320r1', 40],
  [15, 'P-384', 'secp384r1', 48],
  [16, 'brainpoolP384r1', 'brainpoolP384r1', 48],
  [17, 'brainpoolP512r1', 'brainpoolP512r1', 64],
  [18, 'P-521', 'secp521r1', 66],
];

describe('standardizedCurve', () => {
  it.each(TABLE_6)('id %i is %s, its field %s bytes wide', (id, name, _openssl, size) => {
    const c = standardizedCurve(id);
    expect(c?.name).toBe(name);
    expect(c?.size).toBe(size);
  });

  it('the DH groups (ids 0-2) and unassigned ids are not curves', () => {
    for (const id of [0, 1, 2, 7, 19]) expect(standardizedCurve(id)).toBeUndefined();
  });

  it('knownCurves lists the eleven curves of Table 6', () => {
    expect(knownCurves().map((c) => c.name)).toEqual(TABLE_6.map(([, name]) => name));
  });
});

describe('each curve agrees with OpenSSL', () => {
  it.each(TABLE_6)(
    '%i %s: G on the curve, n·G = ∞, k·G as OpenSSL computes it',
    (id, _name, openssl) => {
      const c = standardizedCurve(id);
      if (c === undefined) throw new Error(`no curve ${id}`);
      expect(isOnCurve(c, c.g)).toBe(true);
      expect(c.h).toBe(1n);
      expect(multiply(c, c.n, c.g)).toBeNull();
      // A fixed scalar in 1..n-1, different for each curve.
      const k = (bytesToBigint(createHash('sha512').update(openssl).digest()) % (c.n - 1n)) + 1n;
      const ecdh = createECDH(openssl);
      ecdh.setPrivateKey(Buffer.from(bigintToBytes(k, Math.ceil(c.n.toString(16).length / 2))));
      expect(Buffer.from(encodePoint(c, multiply(c, k, c.g))).toString('hex')).toBe(
        ecdh.getPublicKey('hex', 'uncompressed'),
      );
    },
  );
});
