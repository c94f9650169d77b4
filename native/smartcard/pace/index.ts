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
