import { describe, expect, it } from 'vitest';
import { despeckle } from './bitonal';

const image = (rows: readonly string[]): { width: number; height: number; data: Uint8Array } => ({
  width: rows[0]!.length,
  height: rows.length,
  data: Uint8Array.from(
    rows
      .join('')
      .split('')
      .map((c) => (c === '#' ? 1 : 0)),
  ),
});
const text = (img: { width: number; data: Uint8Array }): string[] => {
  const rows: string[] = [];
  for (let i = 0; i < img.data.length; i += img.width) {
    rows.push(
      Array.from(img.data.subarray(i, i + img.width), (b) => (b === 1 ? '#' : '.')).join(''),
    );
  }
  return rows;
};

describe('despeckle', () => {
  it('clears a lone dust pixel and a pair, and keeps a stroke and a diacritic dot of 2x2', () => {
    const before = image([
      '........',
      '.#......',
      '.....##.',
      '..##....',
      '..##.#..',
      '.....#..',
      '.....#..',
      '........',
    ]);
    expect(text(despeckle(before))).toEqual([
      '........',
      '........',
      '........',
      '..##....',
      '..##.#..',
      '.....#..',
      '.....#..',
      '........',
    ]);
  });
});
