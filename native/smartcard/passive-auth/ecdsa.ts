import { createHash } from 'node:crypto';
import { readTlv, readTlvList } from '../lds';
import { bytesToBigint, invert, mod, multiplyAdd } from '../ec';
import type { HashName } from './algorithms';
import type { EcPublicKey } from './ec-public-key';

/** `Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` -> [r, s], or null. */
export function ecdsaDerToRs(sig: Uint8Array): [bigint, bigint] | null {
  try {
    const seq = readTlv(sig);
    const [r, s] = readTlvList(seq.value);
    if (seq.tag !== 0x30 || seq.end !== sig.length || r?.tag !== 0x02 || s?.tag !== 0x02)
      return null;
    return [bytesToBigint(r.value), bytesToBigint(s.value)];
  } catch {
    return null;
  }
}

/** Plain `r ‖ s` (BSI TR-03111) -> [r, s], or null when the length is odd. */
export function ecdsaPlainToRs(sig: Uint8Array): [bigint, bigint] | null {
  if (sig.length === 0 || sig.length % 2 !== 0) return null;
  const half = sig.length / 2;
  return [bytesToBigint(sig.subarray(0, half)), bytesToBigint(sig.subarray(half))];
}

/**
 * ECDSA verification (SEC 1 §4.1.4) over any short-Weierstrass curve, including
 * explicit-parameter curves OpenSSL will not import. Public data only, so the
 * bigint arithmetic's timing leaks nothing secret.
 */
export function ecdsaVerify(
  key: EcPublicKey,
  hash: HashName,
  data: Uint8Array,
  rs: readonly [bigint, bigint],
): boolean {
  const { curve, point } = key;
  const [r, s] = rs;
  const { n } = curve;
  if (point === null || r <= 0n || r >= n || s <= 0n || s >= n) return false;
  const digest = createHash(hash).update(data).digest();
  const nBits = n.toString(2).length;
  let e = bytesToBigint(digest);
  const excess = digest.length * 8 - nBits;
  if (excess > 0) e >>= BigInt(excess);
  const w = invert(s, n);
  const x = multiplyAdd(curve, mod(e * w, n), curve.g, mod(r * w, n), point);
  return x !== null && mod(x.x, n) === r;
}
