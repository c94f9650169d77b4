/**
 * Short-Weierstrass curves y² = x³ + ax + b over GF(p), in bigint. Node's crypto
 * has no raw point arithmetic, and PACE's generic mapping needs G' = s·G + H and
 * ECDH over G'. Jacobian coordinates; one inversion per scalar multiplication.
 *
 * Not constant time (JavaScript bigint cannot be): use it for PACE's one-shot
 * ephemeral keys and for public-key verification, never for a long-term secret.
 */
export interface Curve {
  readonly name: string;
  readonly p: bigint;
  readonly a: bigint;
  readonly b: bigint;
  readonly g: Point;
  /** Order of g. */
  readonly n: bigint;
  readonly h: bigint;
  /** Field element size in bytes. */
  readonly size: number;
}

/** An affine point; `null` is the point at infinity. */
export type Point = { readonly x: bigint; readonly y: bigint } | null;

type Jacobian = readonly [bigint, bigint, bigint];

export function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

/** Modular inverse by the extended Euclidean algorithm; m must be prime to a. */
export function invert(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new RangeError('not invertible');
  return mod(s0, m);
}

export function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  let result = 1n;
  let b = mod(base, m);
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
  }
  return result;
}

export function makeCurve(c: Omit<Curve, 'g' | 'size'> & { gx: bigint; gy: bigint }): Curve {
  return {
    name: c.name,
    p: c.p,
    a: mod(c.a, c.p),
    b: mod(c.b, c.p),
    g: { x: c.gx, y: c.gy },
    n: c.n,
    h: c.h,
    size: Math.ceil(c.p.toString(16).length / 2),
  };
}

export function isOnCurve(c: Curve, pt: Point): boolean {
  if (pt === null) return false;
  const { x, y } = pt;
  if (x < 0n || x >= c.p || y < 0n || y >= c.p) return false;
  return mod(y * y - (x * x * x + c.a * x + c.b), c.p) === 0n;
}

function double(c: Curve, [x, y, z]: Jacobian): Jacobian {
  const { p } = c;
  if (y === 0n || z === 0n) return [1n, 1n, 0n];
  const yy = (y * y) % p;
  const s = (4n * x * yy) % p;
  const zz = (z * z) % p;
  const m = mod(3n * x * x + c.a * zz * zz, p);
  const x3 = mod(m * m - 2n * s, p);
  const y3 = mod(m * (s - x3) - 8n * yy * yy, p);
  return [x3, y3, (2n * y * z) % p];
}

function add(c: Curve, a: Jacobian, b: Jacobian): Jacobian {
  const { p } = c;
  const [x1, y1, z1] = a;
  const [x2, y2, z2] = b;
  if (z1 === 0n) return b;
  if (z2 === 0n) return a;
  const z1z1 = (z1 * z1) % p;
  const z2z2 = (z2 * z2) % p;
  const u1 = (x1 * z2z2) % p;
  const u2 = (x2 * z1z1) % p;
  const s1 = (y1 * z2 * z2z2) % p;
  const s2 = (y2 * z1 * z1z1) % p;
  if (u1 === u2) return s1 === s2 ? double(c, a) : [1n, 1n, 0n];
  const h = mod(u2 - u1, p);
  const r = mod(s2 - s1, p);
  const hh = (h * h) % p;
  const hhh = (h * hh) % p;
  const x3 = mod(r * r - hhh - 2n * u1 * hh, p);
  const y3 = mod(r * (u1 * hh - x3) - s1 * hhh, p);
  return [x3, y3, (h * z1 * z2) % p];
}

const toJacobian = (pt: Point): Jacobian => (pt === null ? [1n, 1n, 0n] : [pt.x, pt.y, 1n]);

function toAffine(c: Curve, [x, y, z]: Jacobian): Point {
  if (z === 0n) return null;
  const zi = invert(z, c.p);
  const zi2 = (zi * zi) % c.p;
  return { x: (x * zi2) % c.p, y: (y * zi2 * zi) % c.p };
}

/** k·P (k reduced mod nothing: any non-negative scalar). */
export function multiply(c: Curve, k: bigint, pt: Point): Point {
  if (k < 0n) throw new RangeError('negative scalar');
  let acc: Jacobian = [1n, 1n, 0n];
  const base = toJacobian(pt);
  for (let i = k.toString(2).length - 1; i >= 0; i--) {
    acc = double(c, acc);
    if ((k >> BigInt(i)) & 1n) acc = add(c, acc, base);
  }
  return toAffine(c, acc);
}

export function addPoints(c: Curve, a: Point, b: Point): Point {
  return toAffine(c, add(c, toJacobian(a), toJacobian(b)));
}

/** u1·G + u2·Q, for ECDSA verification. */
export function multiplyAdd(c: Curve, u1: bigint, g: Point, u2: bigint, q: Point): Point {
  return addPoints(c, multiply(c, u1, g), multiply(c, u2, q));
}

export function bytesToBigint(b: Uint8Array): bigint {
  let n = 0n;
  for (const byte of b) n = (n << 8n) | BigInt(byte);
  return n;
}

export function bigintToBytes(n: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let v = n;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  if (v !== 0n) throw new RangeError('integer does not fit');
  return out;
}

/** SEC 1 uncompressed encoding `04 ‖ x ‖ y`. */
export function encodePoint(c: Curve, pt: Point): Uint8Array {
  if (pt === null) throw new RangeError('cannot encode the point at infinity');
  const out = new Uint8Array(1 + 2 * c.size);
  out[0] = 4;
  out.set(bigintToBytes(pt.x, c.size), 1);
  out.set(bigintToBytes(pt.y, c.size), 1 + c.size);
  return out;
}

/** Square root mod an odd prime (Tonelli-Shanks), or null. */
function sqrtMod(a: bigint, p: bigint): bigint | null {
  if (a === 0n) return 0n;
  if (modPow(a, (p - 1n) / 2n, p) !== 1n) return null;
  if (p % 4n === 3n) return modPow(a, (p + 1n) / 4n, p);
  let q = p - 1n;
  let s = 0n;
  while ((q & 1n) === 0n) {
    q >>= 1n;
    s++;
  }
  let z = 2n;
  while (modPow(z, (p - 1n) / 2n, p) !== p - 1n) z++;
  let m = s;
  let c = modPow(z, q, p);
  let t = modPow(a, q, p);
  let r = modPow(a, (q + 1n) / 2n, p);
  while (t !== 1n) {
    let i = 0n;
    let t2 = t;
    while (t2 !== 1n) {
      t2 = (t2 * t2) % p;
      i++;
    }
    const b = modPow(c, 1n << (m - i - 1n), p);
    m = i;
    c = (b * b) % p;
    t = (t * c) % p;
    r = (r * b) % p;
  }
  return r;
}

/**
 * SEC 1 point decoding (uncompressed `04` or compressed `02`/`03`), checked to lie
 * on the curve; null when it does not (an invalid-curve attack or a damaged key).
 */
export function decodePoint(c: Curve, bytes: Uint8Array): Point {
  const tag = bytes[0];
  if (tag === 4 && bytes.length === 1 + 2 * c.size) {
    const pt = {
      x: bytesToBigint(bytes.subarray(1, 1 + c.size)),
      y: bytesToBigint(bytes.subarray(1 + c.size)),
    };
    return isOnCurve(c, pt) ? pt : null;
  }
  if ((tag === 2 || tag === 3) && bytes.length === 1 + c.size) {
    const x = bytesToBigint(bytes.subarray(1));
    if (x >= c.p) return null;
    const y = sqrtMod(mod(x * x * x + c.a * x + c.b, c.p), c.p);
    // y = 0 is its own negation: it has no odd root for tag 03 to name (p − 0 is outside the field).
    if (y === null || (y === 0n && tag === 3)) return null;
    const odd = (y & 1n) === 1n;
    return { x, y: odd === (tag === 3) ? y : c.p - y };
  }
  return null;
}
