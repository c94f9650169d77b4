/**
 * Vietnamese tone marks for the on-screen keyboard: the citizen types the
 * letters of a syllable (â, ơ, đ… are keys of their own) and then taps a
 * tone; the tone lands on the vowel the spelling rules say, as a Telex
 * input method would put it. Output is always NFC.
 */
export const TONES = {
  sac: '\u0301',
  huyen: '\u0300',
  hoi: '\u0309',
  nga: '\u0303',
  nang: '\u0323',
} as const;
export type Tone = keyof typeof TONES;

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const VOWELS = 'aăâeêioôơuưy';
/** Vowels whose shape mark (circumflex, breve, horn) draws the tone to them. */
const SHAPED = 'ăâêôơư';

function isVowel(ch: string): boolean {
  return VOWELS.includes(ch.toLowerCase());
}

/** Index (into `letters`) of the vowel that carries the tone of this syllable, or -1. */
function toneIndex(letters: readonly string[]): number {
  const lower = letters.map((c) => c.toLowerCase());
  let start = lower.findIndex(isVowel);
  if (start < 0) return -1;
  // "qu" and "gi" begin with a consonant cluster: their u / i is not the nucleus.
  if (
    ((lower[start] === 'u' && lower[start - 1] === 'q') ||
      (lower[start] === 'i' && lower[start - 1] === 'g')) &&
    start + 1 < lower.length &&
    isVowel(lower[start + 1] ?? '')
  ) {
    start += 1;
  }
  let end = start;
  while (end + 1 < lower.length && isVowel(lower[end + 1] ?? '')) end += 1;
  const cluster = lower.slice(start, end + 1);
  // ươ: the tone goes on ơ; otherwise on the (last) shaped vowel.
  const shaped = cluster.map((c, i) => (SHAPED.includes(c) ? i : -1)).filter((i) => i >= 0);
  if (shaped.length > 0) return start + (shaped[shaped.length - 1] ?? 0);
  if (cluster.length === 1) return start;
  const closed = end + 1 < lower.length;
  if (closed) return end;
  if (cluster.length === 3) return start + 1;
  // Open two-vowel syllables: "hòa", "mùa", "tói"; the old (most common) style.
  return start;
}

/** Puts `tone` on the last syllable of `text` (replacing any tone it had); NFC out. */
export function applyTone(text: string, tone: Tone): string {
  const decomposed = text.normalize('NFD');
  const match = /[^\s]+$/u.exec(decomposed);
  if (!match) return text.normalize('NFC');
  const head = decomposed.slice(0, match.index);
  // One entry per letter with its shape mark, tone marks dropped.
  const letters = Array.from(match[0].replace(TONE_MARKS, '').normalize('NFC'));
  const at = toneIndex(letters);
  if (at < 0) return text.normalize('NFC');
  letters[at] = `${letters[at] ?? ''}${TONES[tone]}`.normalize('NFC');
  return `${head}${letters.join('')}`.normalize('NFC');
}
