import { expectTlv, readTlv } from '../iso7816/tlv';

/**
 * DG15 (ICAO 9303-11 §6.1): `6F L { SubjectPublicKeyInfo }`, the Active
 * Authentication public key. Returns the SubjectPublicKeyInfo DER.
 * @throws ParseError
 */
export function parseDg15(bytes: Uint8Array): Uint8Array {
  const outer = expectTlv(bytes, 0x6f);
  const spki = readTlv(outer.value);
  return outer.value.subarray(spki.start, spki.end);
}
