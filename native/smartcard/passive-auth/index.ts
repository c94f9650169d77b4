export {
  activeAuthChallenge,
  internalAuthenticateApdu,
  verifyActiveAuthentication,
} from './active-auth';
export type { ActiveAuthInput, ActiveAuthVerdict } from './active-auth';
export type { HashName } from './algorithms';
export { parseEcPublicKey } from './ec-public-key';
export type { EcPublicKey } from './ec-public-key';
export { ecdsaVerify } from './ecdsa';
export { failure } from './failures';
export type { PassiveAuthFailure, PassiveAuthFailureCode } from './failures';
export { distinguishedName } from './names';
export { parseSod } from './sod-file';
export type { SodFile } from './sod-file';
export {
  certificatesFromFile,
  loadTrustStore,
  masterListCertificates,
  trustStoreFrom,
} from './trust-store';
export type { TrustStore } from './trust-store';
export { verifyPassiveAuthentication } from './verify-passive';
export type { PassiveAuthInput, PassiveAuthVerdict } from './verify-passive';
export { verifySignature } from './verify-signature';
export type { SignatureCheck, SignatureInput } from './verify-signature';
