import { decodeOid } from './oid';
import { ParseError } from '../iso7816/parse-error';
import { readTlv, readTlvList } from '../iso7816/tlv';
import type { Tlv } from '../iso7816/tlv';

/** `SecurityInfo ::= SEQUENCE { protocol OID, requiredData ANY, optionalData ANY OPTIONAL }`. */
export interface SecurityInfo {
  readonly protocol: string;
  readonly requiredData: Tlv;
  readonly optionalData: Tlv | undefined;
}

export interface PaceInfo {
  readonly protocol: string;
  readonly version: number;
  /** Standardized domain parameter id (ICAO 9303-11 Table 6), e.g. 13 = brainpoolP256r1. */
  readonly parameterId: number | null;
}

/** id-PACE = 0.4.0.127.0.7.2.2.4 (BSI TR-03110 / ICAO 9303-11 §9.2). */
export const ID_PACE = '0.4.0.127.0.7.2.2.4';

function integer(t: Tlv): number {
  if (t.tag !== 0x02 || t.value.length === 0 || t.value.length > 4) {
    throw new ParseError('BAD_VALUE', t.start, 'expected a small INTEGER');
  }
  return t.value.reduce((n, b) => n * 256 + b, 0);
}

/**
 * `SecurityInfos ::= SET OF SecurityInfo`, the content of EF.CardAccess, and of
 * DG14 inside its `6E` wrapper. Entries are returned in card order; callers pick
 * them by OID, never by position.
 * @throws ParseError
 */
export function parseSecurityInfos(bytes: Uint8Array): SecurityInfo[] {
  let set = readTlv(bytes);
  if (set.tag === 0x6e) set = readTlv(set.value);
  if (set.tag !== 0x31) throw new ParseError('UNEXPECTED_TAG', 0, 'SecurityInfos is not a SET');
  return readTlvList(set.value).map((seq) => {
    if (seq.tag !== 0x30)
      throw new ParseError('UNEXPECTED_TAG', seq.start, 'SecurityInfo is not a SEQUENCE');
    const [oid, required, optional] = readTlvList(seq.value);
    if (oid?.tag !== 0x06 || required === undefined) {
      throw new ParseError('MISSING_FIELD', seq.start, 'SecurityInfo lacks its protocol or data');
    }
    return { protocol: decodeOid(oid.value), requiredData: required, optionalData: optional };
  });
}

/** The PACEInfo entries (protocol under id-PACE, excluding PACEDomainParameterInfo). */
export function paceInfos(infos: readonly SecurityInfo[]): PaceInfo[] {
  return infos
    .filter((i) => i.protocol.startsWith(`${ID_PACE}.`) && i.protocol.split('.').length === 11)
    .map((i) => ({
      protocol: i.protocol,
      version: integer(i.requiredData),
      parameterId: i.optionalData === undefined ? null : integer(i.optionalData),
    }));
}
