import { decodeOid, expectTlv, readTlvList } from '../lds';
import { knownCurves, makeCurve, standardizedCurve } from '../ec';
import type { Curve, Point } from '../ec';
import { bytesToBigint, decodePoint } from '../ec';
import { CURVE_PARAMETER_ID_BY_OID } from './algorithms';

export interface EcPublicKey {
  readonly curve: Curve;
  readonly point: Point;
  /** true when the key carried explicit domain parameters instead of a curve OID. */
  readonly explicit: boolean;
}

const unsignedInt = (v: Uint8Array): bigint => bytesToBigint(v);

/**
 * `ECParameters ::= SEQUENCE { version 1, fieldID { prime-field, p }, curve { a, b, seed? },
 * base OCTET STRING, order INTEGER, cofactor INTEGER OPTIONAL }` (X9.62 / RFC 3279).
 */
function explicitCurve(params: Uint8Array): Curve | null {
  const [version, fieldId, curveSeq, base, order, cofactor] = readTlvList(params);
  if (
    version?.tag !== 0x02 ||
    fieldId === undefined ||
    curveSeq === undefined ||
    base === undefined ||
    order === undefined
  ) {
    return null;
  }
  const [fieldType, prime] = readTlvList(fieldId.value);
  if (
    fieldType === undefined ||
    decodeOid(fieldType.value) !== '1.2.840.10045.1.1' ||
    prime === undefined
  )
    return null;
  const [a, b] = readTlvList(curveSeq.value);
  if (a === undefined || b === undefined) return null;
  const p = unsignedInt(prime.value);
  const partial = makeCurve({
    name: 'explicit',
    p,
    a: unsignedInt(a.value),
    b: unsignedInt(b.value),
    gx: 0n,
    gy: 0n,
    n: unsignedInt(order.value),
    h: cofactor === undefined ? 1n : unsignedInt(cofactor.value),
  });
  const g = decodePoint(partial, base.value);
  if (g === null) return null;
  const named = knownCurves().find(
    (c) =>
      c.p === partial.p &&
      c.a === partial.a &&
      c.b === partial.b &&
      c.n === partial.n &&
      c.g?.x === g.x,
  );
  return named ?? { ...partial, g };
}

/**
 * Reads an EC SubjectPublicKeyInfo with a named curve we know or explicit prime-field
 * parameters (as the Vietnamese CSCA uses). null when it is not an EC key we can use.
 */
export function parseEcPublicKey(spki: Uint8Array): EcPublicKey | null {
  const [algorithm, key] = readTlvList(expectTlv(spki, 0x30).value);
  if (algorithm === undefined || key?.tag !== 0x03) return null;
  const [oid, params] = readTlvList(algorithm.value);
  if (oid?.tag !== 0x06 || decodeOid(oid.value) !== '1.2.840.10045.2.1' || params === undefined)
    return null;
  let curve: Curve | null | undefined;
  let explicit = false;
  if (params.tag === 0x06) {
    const id = CURVE_PARAMETER_ID_BY_OID[decodeOid(params.value)];
    curve = id === undefined ? undefined : standardizedCurve(id);
  } else if (params.tag === 0x30) {
    explicit = true;
    curve = explicitCurve(params.value);
  }
  if (curve === null || curve === undefined) return null;
  const point = decodePoint(curve, key.value.subarray(1)); // skip the unused-bits byte
  return point === null ? null : { curve, point, explicit };
}
