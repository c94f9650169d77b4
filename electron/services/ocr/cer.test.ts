import { describe, expect, it } from 'vitest';
import { characterErrorRate, levenshtein } from './cer';

describe('character error rate', () => {
  it('kitten to sitting is three edits (the textbook example)', () => {
    expect(levenshtein(Array.from('kitten'), Array.from('sitting'))).toBe(3);
  });

  it('an empty side costs the length of the other', () => {
    expect(levenshtein([], Array.from('đường'))).toBe(5);
    expect(levenshtein(Array.from('đường'), [])).toBe(5);
  });

  it('decomposed and precomposed Vietnamese compare equal after NFC', () => {
    const nfd = 'Nguyễn Thị Mai'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Thị Mai');
    expect(characterErrorRate(nfd, 'Nguyễn Thị Mai')).toBe(0);
  });

  it('a wrong tone mark is one error per character, not per code unit', () => {
    // ễ vs ể: one substituted character out of 6 in "Nguyễn".
    expect(characterErrorRate('Nguyển', 'Nguyễn')).toBeCloseTo(1 / 6, 10);
  });

  it('line breaks and blank lines count as one space', () => {
    expect(characterErrorRate('Độc lập\n\nTự do', 'Độc lập Tự do')).toBe(0);
  });

  it('text recognised where the truth is empty is a full error', () => {
    expect(characterErrorRate('x', '')).toBe(1);
    expect(characterErrorRate('', '')).toBe(0);
  });
});
