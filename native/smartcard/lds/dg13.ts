import { CitizenSchema, isOldIdNumber, parseSexLabel, vnDateToIso } from '../citizen';
import { cardGenerationOf } from '../citizen/card-generation';
import type { Citizen } from '../citizen';
import { ParseError } from '../iso7816/parse-error';
import { readTlv, readTlvList } from '../iso7816/tlv';
import type { Tlv } from '../iso7816/tlv';

/** Field numbers of the Vietnamese DG13 (see notes/cccd.md §4.2). */
export const Dg13Field = {
  id: 1,
  fullName: 2,
  birthDate: 3,
  sex: 4,
  nationality: 5,
  ethnicity: 6,
  religion: 7,
  placeOfOrigin: 8,
  placeOfResidence: 9,
  identifyingFeatures: 10,
  issueDate: 11,
  expiryDate: 12,
  parents: 13,
  spouse: 14,
  oldIdNumber: 15,
} as const;

const MAX_DEPTH = 6;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

function decodeString(t: Tlv): string | null {
  try {
    switch (t.tag) {
      case 0x0c: // UTF8String
        return utf8.decode(t.value);
      case 0x13: // PrintableString
      case 0x16: // IA5String
      case 0x1a: // VisibleString
        return utf8.decode(t.value);
      case 0x1e: // BMPString
        return utf16be.decode(t.value);
      default:
        return null;
    }
  } catch (e) {
    throw new ParseError('BAD_VALUE', t.start, 'DG13 text is not valid UTF-8', { cause: e });
  }
}

/** Every string leaf under `nodes`, depth first, in order (parents may be nested either way). */
function stringLeaves(nodes: readonly Tlv[], depth: number, out: string[]): void {
  if (depth > MAX_DEPTH) throw new ParseError('BAD_VALUE', 0, 'DG13 is nested too deeply');
  for (const n of nodes) {
    if (n.constructed) {
      stringLeaves(readTlvList(n.value), depth + 1, out);
      continue;
    }
    const s = decodeString(n);
    if (s !== null) out.push(s.normalize('NFC').trim());
  }
}

/** `30 { 02 01 n, value… }` -> [n, value nodes]; anything else -> null. */
function asField(t: Tlv): [number, Tlv[]] | null {
  if (t.tag !== 0x30) return null;
  const children = readTlvList(t.value);
  const first = children[0];
  if (first?.tag !== 0x02 || first.value.length !== 1) return null;
  const n = first.value[0] ?? 0;
  return n >= 1 && n <= 32 ? [n, children.slice(1)] : null;
}

/**
 * The fields of a Vietnamese DG13 by number, each as its string leaves in order
 * (empty fields give []). Accepts the real layout
 * ```
 * 6D L { 30 L { 02 01 01 | 06 06 28D316010008 | 31 L { 30 L { 02 01 n | value } … } } }
 * ```
 * with or without the outer 6D, and field 13's parents either as two SEQUENCEs or
 * one SEQUENCE of two strings. Fields are found by number, never by position.
 * @throws ParseError
 */
export function parseDg13Fields(bytes: Uint8Array): Map<number, string[]> {
  let top = readTlv(bytes);
  if (top.tag === 0x6d) top = readTlv(top.value);
  if (top.tag !== 0x30) throw new ParseError('UNEXPECTED_TAG', 0, 'DG13 is not a SEQUENCE');
  const fields = new Map<number, string[]>();
  const visit = (nodes: readonly Tlv[], depth: number): void => {
    for (const node of nodes) {
      const field = asField(node);
      if (field !== null && depth > 0) {
        const leaves: string[] = [];
        stringLeaves(field[1], 0, leaves);
        if (!fields.has(field[0])) fields.set(field[0], leaves);
      } else if (node.tag === 0x31 && depth === 0) {
        visit(readTlvList(node.value), 1);
      }
    }
  };
  const children = readTlvList(top.value);
  visit(children, 0);
  // A flat variant without the SET: fields directly inside the SEQUENCE.
  if (fields.size === 0)
    visit(
      children.filter((c) => c.tag === 0x30),
      1,
    );
  return fields;
}

/** "Không thời hạn" in any case, with or without diacritics. */
const isNoExpiry = (s: string): boolean =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/giu, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim() === 'khong thoi han';

/**
 * DG13 -> Citizen (source 'chip'). Missing or empty optional fields become null;
 * "Không thời hạn" as the expiry becomes null. ID, name and birth date are required.
 * @throws ParseError
 */
export function parseDg13(bytes: Uint8Array): Citizen {
  const f = parseDg13Fields(bytes);
  const first = (n: number): string | null => {
    const v = f.get(n)?.[0];
    return v === undefined || v === '' ? null : v;
  };
  const nth = (n: number, i: number): string | null => {
    const v = f.get(n)?.[i];
    return v === undefined || v === '' ? null : v;
  };
  const date = (n: number, required: boolean): string | null => {
    const raw = first(n);
    if (raw === null || isNoExpiry(raw)) {
      if (required) throw new ParseError('MISSING_FIELD', 0, `DG13 lacks field ${String(n)}`);
      return null;
    }
    const iso = vnDateToIso(raw);
    if (iso === null) throw new ParseError('BAD_VALUE', 0, `DG13 field ${String(n)} is not a date`);
    return iso;
  };
  const sexRaw = first(Dg13Field.sex);
  const oldId = first(Dg13Field.oldIdNumber);
  const issueDate = date(Dg13Field.issueDate, false);
  const record = {
    id: first(Dg13Field.id),
    fullName: first(Dg13Field.fullName),
    birthDate: date(Dg13Field.birthDate, true),
    sex: sexRaw === null ? null : parseSexLabel(sexRaw),
    nationality: first(Dg13Field.nationality),
    ethnicity: first(Dg13Field.ethnicity),
    religion: first(Dg13Field.religion),
    placeOfOrigin: first(Dg13Field.placeOfOrigin),
    placeOfResidence: first(Dg13Field.placeOfResidence),
    identifyingFeatures: first(Dg13Field.identifyingFeatures),
    issueDate,
    expiryDate: date(Dg13Field.expiryDate, false),
    father: nth(Dg13Field.parents, 0),
    mother: nth(Dg13Field.parents, 1),
    spouse: first(Dg13Field.spouse),
    oldIdNumber: oldId !== null && isOldIdNumber(oldId) ? oldId : null,
    cardGeneration: cardGenerationOf(issueDate),
    source: 'chip',
  };
  const result = CitizenSchema.safeParse(record);
  if (!result.success) {
    const path = result.error.issues[0]?.path.join('.') ?? '?';
    throw new ParseError('MISSING_FIELD', 0, `DG13 field ${path} is missing or invalid`, {
      cause: result.error,
    });
  }
  return result.data;
}
