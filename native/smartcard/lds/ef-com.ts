import { dataGroupFromTag } from './data-group';
import { ParseError } from '../iso7816/parse-error';
import { expectTlv, findTlv, readTlvList } from '../iso7816/tlv';

export interface EfCom {
  /** e.g. `1.7` from `0107`. */
  readonly ldsVersion: string;
  /** e.g. `4.0.0` from `040000`. */
  readonly unicodeVersion: string;
  /** Data groups the chip lists, in its order (a CCCD: 1, 2, 3, 13, 15, 14). */
  readonly dataGroups: readonly number[];
}

const ascii = (b: Uint8Array): string => String.fromCharCode(...b);

/**
 * EF.COM (ICAO 9303-10 §4.6.1):
 * `60 L { 5F01 04 "aabb" | 5F36 06 "aabbcc" | 5C L <one tag byte per data group> }`.
 * @throws ParseError
 */
export function parseEfCom(bytes: Uint8Array): EfCom {
  const children = readTlvList(expectTlv(bytes, 0x60).value);
  const lds = findTlv(children, 0x5f01);
  const uni = findTlv(children, 0x5f36);
  const list = findTlv(children, 0x5c);
  if (lds?.value.length !== 4 || uni?.value.length !== 6 || list === undefined) {
    throw new ParseError(
      'MISSING_FIELD',
      0,
      'EF.COM lacks its LDS version, Unicode version or tag list',
    );
  }
  const l = ascii(lds.value);
  const u = ascii(uni.value);
  if (!/^\d{4}$/.test(l) || !/^\d{6}$/.test(u)) {
    throw new ParseError('BAD_VALUE', lds.start, 'EF.COM version is not digits');
  }
  const dataGroups: number[] = [];
  for (const tag of list.value) {
    const dg = dataGroupFromTag(tag);
    if (dg === undefined)
      throw new ParseError('BAD_VALUE', list.start, 'EF.COM lists an unknown tag');
    dataGroups.push(dg);
  }
  const n = (s: string): string => String(Number(s));
  return {
    ldsVersion: `${n(l.slice(0, 2))}.${n(l.slice(2))}`,
    unicodeVersion: `${n(u.slice(0, 2))}.${n(u.slice(2, 4))}.${n(u.slice(4))}`,
    dataGroups,
  };
}
