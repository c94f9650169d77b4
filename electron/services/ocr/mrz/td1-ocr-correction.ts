import {
  assertMrzDate,
  bacKeyInput,
  checkDigit,
  MrzError,
  OCR_DIGIT_AS_LETTER,
  OCR_LETTER_AS_DIGIT,
  parseTd1,
  parseTd1FromOcr,
  type Td1Mrz,
} from '../../../../native/smartcard/mrz';

/** A TD1 MRZ read by OCR, repaired where the check digits allowed it, and verified. */
export interface MrzReading {
  readonly lines: readonly [string, string, string];
  readonly mrz: Td1Mrz;
  /** Characters changed from what OCR saw in the check-digit-protected fields. */
  readonly corrections: number;
  /**
   * The name line has no check digit: OCR-B's `<` is often read as K or L,
   * so the name is best effort and must be confirmed by the clerk.
   */
  readonly nameVerified: false;
  /** ICAO 9303-11 MRZ_information for the chip reader's BAC key. */
  readonly bacKeyInput: string;
}

const LINE = 30;
const toDigit = OCR_LETTER_AS_DIGIT;
const toLetter = OCR_DIGIT_AS_LETTER;
/** Digits OCR confuses with each other. */
const digitNeighbours: Readonly<Record<string, string>> = {
  '0': '869',
  '1': '74',
  '2': '7',
  '3': '895',
  '4': '19',
  '5': '638',
  '6': '580',
  '7': '12',
  '8': '03695',
  '9': '8043',
};

const unreadable = () =>
  new MrzError(
    'MRZ_CHECK_DIGIT',
    'composite',
    'Không đọc chắc chắn được MRZ (số kiểm tra không khớp); hãy lau thẻ, đặt ngay ngắn và quét lại, hoặc nhập tay.',
    'The MRZ could not be read with certainty (check digits do not match); clean the card, place it straight and scan again, or type it.',
  );

function clean(line: string): string {
  return line
    .toUpperCase()
    .replace(/[«‹]/g, '<<')
    .replace(/[^A-Z0-9<]/g, '');
}

const digits = (s: string) => Array.from(s, (c) => toDigit[c] ?? c).join('');
const passes = (data: string, check: string) =>
  /^[0-9]+$/.test(data) && String(checkDigit(data)) === check;

/** `value` (data ‖ check digit) as read when its check holds, else each single-digit repair that makes it hold. */
function repairs(value: string): { value: string; edits: number }[] {
  if (passes(value.slice(0, -1), value.slice(-1))) return [{ value, edits: 0 }];
  const out: { value: string; edits: number }[] = [];
  for (let i = 0; i < value.length; i++) {
    for (const alt of digitNeighbours[value[i] ?? ''] ?? '') {
      const v = value.slice(0, i) + alt + value.slice(i + 1);
      if (passes(v.slice(0, -1), v.slice(-1))) out.push({ value: v, edits: 1 });
    }
  }
  return out;
}

/**
 * Line 1 of a CCCD after `VNM`: docNo(9) cd ID12 `<<` cd. Returns every
 * reading of the 22 digits before the fillers (dropping one stray character
 * when OCR saw 23) in which the document number is the ID's last nine digits.
 */
function line1Readings(tail: string): { doc: string; id: string; edits: number }[] {
  const check = digits(tail.slice(-1));
  const body = digits(tail.slice(0, -1).replace(/[<KL]+$/, ''));
  const bodies =
    body.length === 22
      ? [{ b: body, e: 0 }]
      : body.length === 23
        ? Array.from(body, (_, i) => ({ b: body.slice(0, i) + body.slice(i + 1), e: 1 }))
        : [];
  const out: { doc: string; id: string; edits: number }[] = [];
  for (const { b, e } of bodies) {
    for (const doc of repairs(b.slice(0, 10))) {
      for (const id of repairs(b.slice(10, 22) + check)) {
        if (doc.value.slice(0, 9) === id.value.slice(3, 12))
          out.push({ doc: doc.value, id: id.value, edits: e + doc.edits + id.edits });
      }
    }
  }
  return out;
}

function isDate(value: string): boolean {
  try {
    assertMrzDate(value.slice(0, 6), 'birthDate');
    return true;
  } catch {
    return false;
  }
}

/** The name line, best effort: digits become letters, the filler tail is made of `<`. */
function nameLine(row: string): string {
  // OCR reads OCR-B's filler chevrons as `<`, K or L: a long tail of those is filler.
  const fillerTail = /[<KL]{5,}$/.exec(row);
  const name = (fillerTail === null ? row : row.slice(0, fillerTail.index)).replace(/K<|<K/g, '<<');
  return Array.from(name, (c) => toLetter[c] ?? c)
    .join('')
    .slice(0, LINE)
    .padEnd(LINE, '<');
}

/**
 * Turns OCR lines of a CCCD back into a verified TD1 MRZ. Line 1 is found by
 * `VNM` near its start; digits-only positions take O/0, I/1, S/5, B/8, Z/2,
 * G/6 as digits; a stray character in line 1 is dropped and one misread
 * digit per field repaired only when exactly one combination satisfies every
 * check digit (document number, ID, birth, expiry, composite) and the
 * document number equals the ID's last nine digits. `parseTd1` verifies
 * the result. Other TD1 documents go to the MRZ module's `parseTd1FromOcr`.
 * @throws MrzError when no unambiguous, fully verified MRZ results.
 */
export function correctTd1(ocrLines: readonly string[]): MrzReading {
  const rows = ocrLines.map(clean).filter((l) => l.length >= 20);
  const first = rows.findIndex((r) => /V[NM]M|VN[MH]/.test(r.slice(1, 8)));
  const [r1, r2, r3] = [rows[first], rows[first + 1], rows[first + 2]];
  if (first < 0 || r1 === undefined || r2 === undefined || r3 === undefined) return foreign(rows);
  const tail = r1.slice(r1.search(/V[NM]M|VN[MH]/) + 3);
  const head2 = r2.slice(0, 15);
  const births = repairs(digits(head2.slice(0, 7))).filter((c) => isDate(c.value));
  const expiries = repairs(digits(head2.slice(8, 15))).filter((c) => isDate(c.value));
  const sex =
    head2[7] === 'M' || head2[7] === 'F'
      ? head2[7]
      : head2[7] === 'H' || head2[7] === 'N'
        ? 'M'
        : 'F';
  const printed = digits(r2.slice(-1));
  const search = (composites: readonly string[]) => {
    const found = new Map<string, { lines: [string, string, string]; edits: number }>();
    for (const l1 of line1Readings(tail)) {
      for (const birth of births) {
        for (const expiry of expiries) {
          for (const composite of composites) {
            const a = `IDVNM${l1.doc}${l1.id.slice(0, 12)}<<${l1.id.slice(12)}`;
            const b = `${birth.value}${sex}${expiry.value}VNM<<<<<<<<<<<${composite}`;
            if (
              !passes(a.slice(5, 30).replace(/</g, '0') + b.slice(0, 7) + b.slice(8, 15), composite)
            )
              continue;
            const edits = l1.edits + birth.edits + expiry.edits + (composite === printed ? 0 : 1);
            found.set(a + b, { lines: [a, b, nameLine(r3)], edits });
          }
        }
      }
    }
    return found;
  };
  // A misread composite digit (6 seen as O) still leaves the four field check
  // digits and the docNo/ID identity to decide.
  let found = search([printed]);
  if (found.size === 0) found = search(Array.from('0123456789'));
  const fewest = Math.min(...Array.from(found.values(), (f) => f.edits));
  const best = Array.from(found.values()).filter((f) => f.edits === fewest);
  if (best.length !== 1 || best[0] === undefined) throw unreadable();
  const mrz = parseTd1(best[0].lines.join('\n'));
  const coerced = Array.from(tail + head2.slice(0, 7) + head2.slice(8)).filter(
    (c) => toDigit[c] !== undefined,
  ).length;
  return reading(mrz, coerced + best[0].edits);
}

function foreign(rows: readonly string[]): MrzReading {
  const lines = rows.slice(-3).map((r) => r.slice(0, LINE).padEnd(LINE, '<'));
  if (lines.length !== 3) throw unreadable();
  const { mrz } = parseTd1FromOcr(lines.join('\n'));
  return reading(
    mrz,
    lines
      .join('')
      .split('')
      .filter((c, i) => mrz.lines.join('')[i] !== c).length,
  );
}

function reading(mrz: Td1Mrz, corrections: number): MrzReading {
  return {
    lines: mrz.lines,
    mrz,
    corrections,
    nameVerified: false,
    bacKeyInput: bacKeyInput({
      documentNumber: mrz.documentNumber,
      birthDate: mrz.birthDate,
      expiryDate: mrz.expiryDate,
    }),
  };
}
