import { MrzError } from './mrz-error';
import { OCR_DIGIT_AS_LETTER, OCR_LETTER_AS_DIGIT } from './ocr-confusions';
import { parseTd1, splitTd1 } from './td1';
import type { Td1Mrz } from './td1';

/** Applies `table` to the characters of an (ASCII) MRZ line inside the half-open ranges. */
function mapAt(
  line: string,
  ranges: readonly [number, number][],
  table: Readonly<Record<string, string>>,
): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    out += ranges.some(([a, b]) => i >= a && i < b) ? (table[ch] ?? ch) : ch;
  }
  return out;
}

/**
 * Fixes the OCR confusions a CCCD MRZ allows without guessing: where the TD1
 * layout of a Vietnamese card holds only digits (document number, ID, dates,
 * check digits) letters become digits; where it holds only fillers, `K` becomes
 * `<`; in the name, digits become letters. The check digits still decide.
 */
export function repairCccdMrz(text: string): string {
  const [l1, l2, l3] = splitTd1(text);
  const r1 = mapAt(
    mapAt(
      l1,
      [
        [5, 27],
        [29, 30],
      ],
      OCR_LETTER_AS_DIGIT,
    ),
    [[27, 29]],
    { K: '<' },
  );
  const r2 = mapAt(
    mapAt(
      l2,
      [
        [0, 7],
        [8, 15],
        [29, 30],
      ],
      OCR_LETTER_AS_DIGIT,
    ),
    [[18, 29]],
    { K: '<' },
  );
  const r3 = mapAt(l3, [[0, 30]], OCR_DIGIT_AS_LETTER);
  return [r1, r2, r3].join('\n');
}

/**
 * parseTd1, and when that fails on a Vietnamese card (line 1 `ID`/`VNM`), the same
 * after `repairCccdMrz`. `repaired` tells the UI to ask the clerk to confirm.
 * @throws MrzError from the strict parse when the repair does not help either.
 */
export function parseTd1FromOcr(text: string): { mrz: Td1Mrz; repaired: boolean } {
  try {
    return { mrz: parseTd1(text), repaired: false };
  } catch (strict) {
    if (!(strict instanceof MrzError)) throw strict;
    let fixed: string;
    try {
      fixed = repairCccdMrz(text);
    } catch {
      throw strict;
    }
    if (!/^(ID|I<)VNM/.test(fixed)) throw strict;
    try {
      return { mrz: parseTd1(fixed), repaired: true };
    } catch {
      throw strict;
    }
  }
}
