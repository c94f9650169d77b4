/**
 * Elliptic-curve arithmetic over prime fields and the curves ICAO 9303-11
 * names by id: written once for PACE's key agreement and for checking the
 * chip's and the document signer's ECDSA signatures (passive-auth).
 * Public data only, apart from PACE's ephemeral keys (see ec-curve.ts).
 */
export { knownCurves, standardizedCurve } from './standardized-curves';
export {
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
export type { Curve, Point } from './ec-curve';
