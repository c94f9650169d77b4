/**
 * Character error rate: Levenshtein distance between the NFC forms of the
 * recognised text and the ground truth, divided by the ground truth's
 * length. Whitespace runs (line breaks, tesseract's blank lines between
 * paragraphs) count as one space, so layout does not count as error.
 */
export function characterErrorRate(recognised: string, truth: string): number {
  const a = Array.from(normaliseForCer(recognised));
  const b = Array.from(normaliseForCer(truth));
  if (b.length === 0) return a.length === 0 ? 0 : 1;
  return levenshtein(a, b) / b.length;
}

export function normaliseForCer(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Edit distance (insert, delete, substitute, each 1) over code points, O(|b|) memory. */
export function levenshtein(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}
