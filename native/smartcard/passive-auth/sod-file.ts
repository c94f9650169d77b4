import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { decodeOid, expectTlv, ParseError, readTlv, readTlvList } from '../lds';
import { HASH_BY_OID } from './algorithms';
import type { HashName } from './algorithms';

export const OID_LDS_SECURITY_OBJECT = '2.23.136.1.1.1';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';

/** EF.SOD, parsed but not yet verified. */
export interface SodFile {
  readonly signedData: pkijs.SignedData;
  readonly eContentType: string;
  /** The LDSSecurityObject DER, exactly as signed. */
  readonly eContent: Uint8Array;
  readonly hashAlgorithm: HashName | null;
  readonly hashAlgorithmOid: string;
  readonly dataGroupHashes: ReadonlyMap<number, Uint8Array>;
  readonly certificates: readonly pkijs.Certificate[];
}

const view = (b: ArrayBuffer): Uint8Array => new Uint8Array(b);

/**
 * EF.SOD = `77 L ContentInfo { id-signedData, [0] SignedData }` whose content is
 * `LDSSecurityObject ::= SEQUENCE { version, hashAlgorithm, SEQUENCE OF { dg INTEGER, hash OCTET STRING }, ldsVersionInfo? }`.
 * @throws ParseError
 */
export function parseSod(bytes: Uint8Array): SodFile {
  try {
    return parseSodUnchecked(bytes);
  } catch (e) {
    if (e instanceof ParseError) throw e;
    // asn1js and pkijs throw plain Errors on malformed input.
    throw new ParseError('BAD_VALUE', 0, 'EF.SOD is malformed', { cause: e });
  }
}

function parseSodUnchecked(bytes: Uint8Array): SodFile {
  const outer = expectTlv(bytes, 0x77);
  const asn = asn1js.fromBER(outer.value.slice());
  if (asn.offset === -1) throw new ParseError('BAD_VALUE', outer.start, 'EF.SOD is not valid BER');
  let signedData: pkijs.SignedData;
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: asn.result });
    if (contentInfo.contentType !== OID_SIGNED_DATA) {
      throw new ParseError('BAD_VALUE', outer.start, 'EF.SOD is not CMS SignedData');
    }
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch (e) {
    if (e instanceof ParseError) throw e;
    throw new ParseError('BAD_VALUE', outer.start, 'EF.SOD is not CMS SignedData', { cause: e });
  }
  const encap = signedData.encapContentInfo;
  if (encap.eContent === undefined)
    throw new ParseError('MISSING_FIELD', 0, 'EF.SOD has no content');
  const eContent = view(encap.eContent.getValue());
  const [version, algorithm, hashes] = readTlvList(expectTlv(eContent, 0x30).value);
  if (version?.tag !== 0x02 || algorithm?.tag !== 0x30 || hashes?.tag !== 0x30) {
    throw new ParseError('MISSING_FIELD', 0, 'LDSSecurityObject is incomplete');
  }
  const hashAlgorithmOid = decodeOid(readTlv(algorithm.value).value);
  const dataGroupHashes = new Map<number, Uint8Array>();
  for (const entry of readTlvList(hashes.value)) {
    const [dg, hash] = readTlvList(entry.value);
    if (dg?.tag !== 0x02 || hash?.tag !== 0x04 || dg.value.length !== 1) {
      throw new ParseError('BAD_VALUE', entry.start, 'DataGroupHash is malformed');
    }
    dataGroupHashes.set(dg.value[0] ?? 0, hash.value.slice());
  }
  const certificates = (signedData.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  return {
    signedData,
    eContentType: encap.eContentType,
    eContent,
    hashAlgorithm: HASH_BY_OID[hashAlgorithmOid] ?? null,
    hashAlgorithmOid,
    dataGroupHashes,
    certificates,
  };
}
