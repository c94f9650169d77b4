import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bigintToBytes, multiply, standardizedCurve } from '../ec';
import type { Curve } from '../ec';
import { concatBytes, encodeOid, encodeTlv } from '../lds';
import { parseEcPublicKey } from './index';

const BRAINPOOL_P256 = standardizedCurve(13)!;
const G = BRAINPOOL_P256.g!;

const uint = (n: bigint): Uint8Array => {
  const b = bigintToBytes(n, Math.max(1, Math.ceil(n.toString(16).length / 2)));
  return encodeTlv(0x02, (b[0] ?? 0) & 0x80 ? concatBytes(Uint8Array.of(0), b) : b);
};
const point = (x: bigint, y: bigint, size: number): Uint8Array =>
  concatBytes(Uint8Array.of(4), bigintToBytes(x, size), bigintToBytes(y, size));

interface Explicit {
  c: Curve;
  gx: bigint;
  gy: bigint;
  /** Field element size used to write the points. */
  size: number;
  versionTag: number;
  fieldOid: string;
  emptyFieldId: boolean;
  paramsTag: number;
  algorithmOid: string;
}

/** An EC SubjectPublicKeyInfo with explicit X9.62 parameters; its public point is G. */
function explicitSpki(o: Partial<Explicit> = {}): Uint8Array {
  const c = o.c ?? BRAINPOOL_P256;
  const gx = o.gx ?? G.x;
  const gy = o.gy ?? G.y;
  const size = o.size ?? c.size;
  const fe = (v: bigint): Uint8Array => encodeTlv(0x04, bigintToBytes(v, size));
  const fieldId =
    o.emptyFieldId === true
      ? encodeTlv(0x30)
      : encodeTlv(0x30, encodeTlv(0x06, encodeOid(o.fieldOid ?? '1.2.840.10045.1.1')), uint(c.p));
  const params = encodeTlv(
    o.paramsTag ?? 0x30,
    encodeTlv(o.versionTag ?? 0x02, Uint8Array.of(1)),
    fieldId,
    encodeTlv(0x30, fe(c.a), fe(c.b)),
    encodeTlv(0x04, point(gx, gy, size)),
    uint(c.n),
    uint(c.h),
  );
  return encodeTlv(
    0x30,
    encodeTlv(0x30, encodeTlv(0x06, encodeOid(o.algorithmOid ?? '1.2.840.10045.2.1')), params),
    encodeTlv(0x03, Uint8Array.of(0), point(gx, gy, size)),
  );
}

describe('EC public keys with explicit parameters', () => {
  it('recognises brainpoolP256r1 written out in full', () => {
    expect(parseEcPublicKey(explicitSpki())).toMatchObject({
      explicit: true,
      curve: { name: 'brainpoolP256r1' },
      point: { x: G.x, y: G.y },
    });
  });

  it.each([
    ['a version that is not an INTEGER', { versionTag: 0x04 }],
    ['a characteristic-two field', { fieldOid: '1.2.840.10045.1.2' }],
    ['an empty field id', { emptyFieldId: true }],
    ['parameters that are a SET, not a SEQUENCE', { paramsTag: 0x31 }],
    ['an ECDH-only key (id-ecDH)', { algorithmOid: '1.3.132.1.12' }],
  ] as const)('refuses %s', (_name, change) => {
    expect(parseEcPublicKey(explicitSpki(change))).toBeNull();
  });

  it('parameters that differ from brainpoolP256r1 only in the order are not brainpoolP256r1', () => {
    const key = parseEcPublicKey(
      explicitSpki({ c: { ...BRAINPOOL_P256, n: BRAINPOOL_P256.n + 2n } }),
    );
    expect(key?.curve.name).toBe('explicit');
  });

  it('another generator on the same curve is not brainpoolP256r1', () => {
    const g2 = multiply(BRAINPOOL_P256, 2n, G)!;
    const key = parseEcPublicKey(explicitSpki({ gx: g2.x, gy: g2.y }));
    expect(key?.curve).toMatchObject({ name: 'explicit', g: { x: g2.x, y: g2.y } });
  });

  it('another modulus on which G happens to lie is not brainpoolP256r1', () => {
    const { p, a, b } = BRAINPOOL_P256;
    const rhs = G.x * G.x * G.x + a * G.x + b;
    const q = G.y * G.y > rhs ? G.y * G.y - rhs : rhs - G.y * G.y; // y² ≡ x³ + ax + b (mod q)
    expect(q).not.toBe(p);
    const size = Math.ceil(q.toString(16).length / 2);
    const key = parseEcPublicKey(explicitSpki({ c: { ...BRAINPOOL_P256, p: q }, size }));
    expect(key?.curve).toMatchObject({ name: 'explicit', p: q });
  });
});

describe('EC public keys on a named curve', () => {
  it('refuses a point that is not on the curve', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const spki = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
    expect(parseEcPublicKey(spki)?.curve.name).toBe('P-256');
    const off = spki.slice();
    off[off.length - 1] = (off[off.length - 1] ?? 0) ^ 1;
    expect(parseEcPublicKey(off)).toBeNull();
  });
});
