export { dataGroupFromTag, dataGroupTag, SFI } from './data-group';
export { parseDg1 } from './dg1';
export { Dg13Field, parseDg13, parseDg13Fields } from './dg13';
export { parseDg15 } from './dg15';
export { parseDg2 } from './dg2';
export type { FaceImage, FaceMimeType } from './dg2';
export { parseEfCom } from './ef-com';
export type { EfCom } from './ef-com';
export { decodeOid, encodeOid } from './oid';
export { ParseError } from '../iso7816/parse-error';
export type { ParseErrorCode } from '../iso7816/parse-error';
export { ID_PACE, paceInfos, parseSecurityInfos } from './security-infos';
export type { PaceInfo, SecurityInfo } from './security-infos';
export {
  encodeLength,
  encodeTag,
  encodeTlv,
  expectTlv,
  findTlv,
  MAX_TLV_HEADER,
  readTlv,
  readTlvHeader,
  readTlvList,
} from '../iso7816/tlv';
export type { Tlv, TlvHeader } from '../iso7816/tlv';
export { concatBytes } from '../iso7816/hex';
