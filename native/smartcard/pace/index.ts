export { knownCurves, standardizedCurve } from './domain-parameters';
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
export {
  aesCmac,
  authenticationToken,
  decryptNonce,
  kdf,
  passwordBytes,
  passwordKey,
} from './pace-crypto';
export { PaceError, paceErrors } from './pace-error';
export type { PaceErrorCode } from './pace-error';
export { choosePaceInfo, performPace } from './perform-pace';
export type { PaceOptions, PacePassword, PaceResult } from './perform-pace';
