import { createECDH } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  addPoints,
  bigintToBytes,
  bytesToBigint,
  decodePoint,
  encodePoint,
  invert,
  isOnCurve,
  makeCurve,
  mod,
  modPow,
  multiply,
  multiplyAdd,
} from './ec-curve';
import type { Curve, Point } from './ec-curve';
import { standardizedCurve } from './standardized-curves';

const curve = (id: number): Curve => {
  const c = standardizedCurve(id);
  if (c === undefined) throw new Error(`no curve ${id}`);
  return c;
};
const P256 = curve(12);
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const negate = (c: Curve, pt: Point): Point => (pt === null ? null : { x: pt.x, y: c.p - pt.y });

/**
 * Small curves whose every point can be listed: over GF(97) (p ≡ 1 mod 4, so
 * square roots take Tonelli-Shanks' loop) and y² = x³ − x over GF(103)
 * (p ≡ 3 mod 4), which has the points (0, 0), (1, 0) and (102, 0).
 */
const TOY_97 = makeCurve({ name: 'toy97', p: 97n, a: 2n, b: 3n, gx: 3n, gy: 6n, n: 5n, h: 20n });
const TOY_103 = makeCurve({ name: 'toy103', p: 103n, a: -1n, b: 0n, gx: 0n, gy: 0n, n: 2n, h: 1n });

describe('field arithmetic', () => {
  it('mod is never negative', () => {
    expect(mod(10n, 7n)).toBe(3n);
    expect(mod(-3n, 7n)).toBe(4n);
    expect(mod(-7n, 7n)).toBe(0n);
  });

  it('invert gives the inverse, of a negative number too, and refuses a common factor', () => {
    expect(invert(3n, 7n)).toBe(5n);
    expect(invert(-2n, 7n)).toBe(3n);
    expect(invert(1n, 7n)).toBe(1n);
    expect(() => invert(6n, 9n)).toThrow(new RangeError('not invertible'));
    expect(() => invert(0n, 7n)).toThrow(RangeError);
  });

  it('modPow', () => {
    expect(modPow(2n, 10n, 1000n)).toBe(24n);
    expect(modPow(3n, 0n, 7n)).toBe(1n);
    expect(modPow(-2n, 3n, 7n)).toBe(6n);
    expect(modPow(5n, 96n, 97n)).toBe(1n);
  });

  it('big-endian bytes both ways, and a number too wide is refused', () => {
    expect(bytesToBigint(new Uint8Array([1, 2]))).toBe(258n);
    expect(bytesToBigint(new Uint8Array(0))).toBe(0n);
    expect([...bigintToBytes(0x0102n, 3)]).toEqual([0, 1, 2]);
    expect([...bigintToBytes(0xffn, 1)]).toEqual([255]);
    expect(() => bigintToBytes(256n, 1)).toThrow(new RangeError('integer does not fit'));
  });
});

describe('makeCurve', () => {
  it('reduces a and b into the field and sizes it in whole bytes', () => {
    expect(TOY_103.a).toBe(102n);
    expect(TOY_103.b).toBe(0n);
    expect(TOY_103.size).toBe(1);
    const wide = makeCurve({
      name: 'w',
      p: 0x1ffn,
      a: -1n,
      b: 0x200n,
      gx: 0n,
      gy: 0n,
      n: 1n,
      h: 1n,
    });
    expect(wide).toMatchObject({ name: 'w', p: 0x1ffn, a: 0x1fen, b: 1n, n: 1n, h: 1n, size: 2 });
    expect(wide.g).toEqual({ x: 0n, y: 0n });
  });
});

describe('isOnCurve', () => {
  it('the generator is, infinity and a point off by one are not', () => {
    expect(isOnCurve(P256, P256.g)).toBe(true);
    expect(isOnCurve(P256, null)).toBe(false);
    const g = P256.g ?? { x: 0n, y: 0n };
    expect(isOnCurve(P256, { x: g.x, y: g.y + 1n })).toBe(false);
  });

  it('coordinates outside 0..p-1 are refused even when they solve the equation mod p', () => {
    const g = P256.g ?? { x: 0n, y: 0n };
    const p = P256.p;
    for (const pt of [
      { x: g.x + p, y: g.y },
      { x: g.x - p, y: g.y },
      { x: g.x, y: g.y + p },
      { x: g.x, y: g.y - p },
    ])
      expect(isOnCurve(P256, pt)).toBe(false);
  });

  it('0 is inside the field, p is not', () => {
    expect(isOnCurve(TOY_103, { x: 0n, y: 0n })).toBe(true);
    expect(isOnCurve(TOY_103, { x: 1n, y: 0n })).toBe(true);
    expect(isOnCurve(TOY_103, { x: 103n, y: 0n })).toBe(false);
    expect(isOnCurve(TOY_103, { x: 1n, y: 103n })).toBe(false);
  });
});

describe('point arithmetic', () => {
  const g = P256.g;

  it('G + G = 2·G, G + (−G) = ∞, ∞ is neutral', () => {
    expect(addPoints(P256, g, g)).toEqual(multiply(P256, 2n, g));
    expect(addPoints(P256, g, negate(P256, g))).toBeNull();
    expect(addPoints(P256, null, g)).toEqual(g);
    expect(addPoints(P256, g, null)).toEqual(g);
    expect(addPoints(P256, null, null)).toBeNull();
  });

  it('0·P = ∞, 1·P = P, k·∞ = ∞, (n−1)·G = −G, a negative scalar is refused', () => {
    expect(multiply(P256, 0n, g)).toBeNull();
    expect(multiply(P256, 1n, g)).toEqual(g);
    expect(multiply(P256, 5n, null)).toBeNull();
    expect(multiply(P256, P256.n - 1n, g)).toEqual(negate(P256, g));
    expect(() => multiply(P256, -1n, g)).toThrow(new RangeError('negative scalar'));
  });

  it('a point of order 2 doubles to ∞', () => {
    expect(multiply(TOY_103, 2n, { x: 1n, y: 0n })).toBeNull();
    expect(multiply(TOY_103, 3n, { x: 1n, y: 0n })).toEqual({ x: 1n, y: 0n });
  });

  it('k·G as OpenSSL computes it, for scalars of every bit pattern', () => {
    const ecdh = createECDH('prime256v1');
    for (const k of [2n, 3n, 0xffn, 0x8000000000000001n, P256.n - 2n]) {
      ecdh.setPrivateKey(Buffer.from(bigintToBytes(k, 32)));
      expect(hex(encodePoint(P256, multiply(P256, k, g)))).toBe(ecdh.getPublicKey('hex'));
    }
  });

  it('ECDH: k1·(k2·G) is the secret OpenSSL agrees on', () => {
    const [a, b] = [createECDH('brainpoolP256r1'), createECDH('brainpoolP256r1')];
    a.generateKeys();
    b.generateKeys();
    const bp = curve(13);
    const shared = multiply(
      bp,
      bytesToBigint(a.getPrivateKey()),
      decodePoint(bp, b.getPublicKey()),
    );
    expect(shared === null ? '' : hex(bigintToBytes(shared.x, 32))).toBe(
      a.computeSecret(b.getPublicKey()).toString('hex'),
    );
  });

  it('multiplyAdd is u1·G + u2·Q', () => {
    const q = multiply(P256, 7n, g);
    expect(multiplyAdd(P256, 3n, g, 5n, q)).toEqual(multiply(P256, 38n, g));
    expect(multiplyAdd(P256, 0n, g, 1n, q)).toEqual(q);
  });
});

describe('SEC 1 encoding', () => {
  it('04 ‖ x ‖ y, each padded to the field size; ∞ has no encoding', () => {
    const pt = { x: 1n, y: 0x0203n };
    expect(hex(encodePoint(P256, pt))).toBe(`04${'00'.repeat(31)}01${'00'.repeat(30)}0203`);
    expect(() => encodePoint(P256, null)).toThrow(
      new RangeError('cannot encode the point at infinity'),
    );
  });

  it('uncompressed: read back, and refused off the curve or at the wrong length', () => {
    const enc = encodePoint(P256, P256.g);
    expect(decodePoint(P256, enc)).toEqual(P256.g);
    const off = enc.slice();
    off[64] = (off[64] ?? 0) ^ 1;
    expect(decodePoint(P256, off)).toBeNull();
    expect(decodePoint(P256, enc.subarray(0, 64))).toBeNull();
    expect(decodePoint(P256, new Uint8Array([...enc, 0]))).toBeNull();
    expect(decodePoint(P256, new Uint8Array(0))).toBeNull();
  });

  it.each([
    ['P-256', 12, 'prime256v1'],
    ['P-224 (Tonelli-Shanks)', 10, 'secp224r1'],
    ['brainpoolP384r1', 16, 'brainpoolP384r1'],
  ] as const)('compressed %s: both parities as OpenSSL writes them', (_, id, name) => {
    const c = curve(id);
    const ecdh = createECDH(name);
    const tags = new Set<number>();
    for (let i = 0; i < 6; i += 1) {
      ecdh.generateKeys();
      const compressed = ecdh.getPublicKey(null, 'compressed');
      tags.add(compressed[0] ?? 0);
      expect(hex(encodePoint(c, decodePoint(c, compressed)))).toBe(
        ecdh.getPublicKey('hex', 'uncompressed'),
      );
      // The other tag names the other root: −P.
      const other = Buffer.from(compressed);
      other[0] = (other[0] ?? 0) ^ 1;
      expect(decodePoint(c, other)).toEqual(negate(c, decodePoint(c, compressed)));
    }
    expect(tags.size).toBeGreaterThan(0);
  });

  it.each([TOY_97, TOY_103])(
    'compressed, every x of %s: the root of the right parity, or none',
    (c) => {
      for (let x = 0n; x < c.p; x += 1n) {
        const rhs = mod(x ** 3n + c.a * x + c.b, c.p);
        const roots = [...Array(Number(c.p)).keys()]
          .map(BigInt)
          .filter((y) => (y * y) % c.p === rhs);
        const even = roots.find((y) => y % 2n === 0n);
        expect(decodePoint(c, new Uint8Array([2, Number(x)]))).toEqual(
          even === undefined ? null : { x, y: even },
        );
        // y = 0 has no odd root: tag 03 names no point there (SEC 1 §2.3.4), not y = p.
        const odd = roots.find((y) => y % 2n === 1n);
        expect(decodePoint(c, new Uint8Array([3, Number(x)]))).toEqual(
          odd === undefined ? null : { x, y: odd },
        );
      }
    },
  );

  it('compressed: x outside the field, a wrong length or an unknown tag is refused', () => {
    expect(decodePoint(TOY_97, new Uint8Array([2, 97]))).toBeNull();
    expect(decodePoint(TOY_97, new Uint8Array([3, 200]))).toBeNull();
    expect(decodePoint(TOY_97, new Uint8Array([2, 3, 0]))).toBeNull();
    expect(decodePoint(TOY_97, new Uint8Array([2]))).toBeNull();
    for (const tag of [0, 1, 5, 6, 7])
      expect(decodePoint(TOY_97, new Uint8Array([tag, 3]))).toBeNull();
    expect(decodePoint(TOY_97, new Uint8Array([4, 3, 6]))).toEqual({ x: 3n, y: 6n });
    // The length must match the tag: these bytes would read as a point on the curve.
    expect(decodePoint(TOY_97, new Uint8Array([4, 3, 0, 6]))).toBeNull();
    expect(decodePoint(TOY_97, new Uint8Array([5, 3, 6]))).toBeNull();
    expect(decodePoint(TOY_97, new Uint8Array([2, 3, 6]))).toBeNull();
  });
});
