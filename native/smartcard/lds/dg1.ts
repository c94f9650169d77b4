import { MrzError, parseTd1 } from '../mrz';
import type { Td1Mrz } from '../mrz';
import { ParseError } from '../iso7816/parse-error';
import { expectTlv, findTlv, readTlvList } from '../iso7816/tlv';

/**
 * DG1 (ICAO 9303-10 §4.7.1): `61 L { 5F1F L <MRZ characters> }`; a CCCD holds the
 * 90 TD1 characters without line breaks. Every check digit is verified.
 * @throws ParseError (with the MrzError as `cause` when a check digit fails)
 */
export function parseDg1(bytes: Uint8Array): Td1Mrz {
  const mrz = findTlv(readTlvList(expectTlv(bytes, 0x61).value), 0x5f1f);
  if (mrz === undefined) throw new ParseError('MISSING_FIELD', 0, 'DG1 lacks the MRZ (5F1F)');
  const text = String.fromCharCode(...mrz.value);
  try {
    return parseTd1(text);
  } catch (e) {
    if (!(e instanceof MrzError)) throw e;
    throw new ParseError('BAD_VALUE', mrz.start, `DG1 MRZ is invalid: ${e.en}`, { cause: e });
  }
}
