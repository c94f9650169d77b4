import { describe, expect, it } from 'vitest';
import { wordsFromTsv } from './page-result';

// The header and row layout tesseract's TessTsvRenderer writes.
const tsv = [
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
  '1\t1\t0\t0\t0\t0\t0\t0\t1653\t2339\t-1\t',
  '4\t1\t1\t1\t1\t0\t157\t186\t780\t40\t-1\t',
  '5\t1\t1\t1\t1\t1\t157\t186\t120\t40\t96.5\tC\u00d4\u0323NG',
  '5\t1\t1\t1\t1\t2\t290\t186\t90\t40\t91\tH\u00d2A',
  '5\t1\t1\t1\t1\t3\t390\t186\t10\t40\t-1\t ',
].join('\n');

describe('words from tesseract TSV', () => {
  it('keeps only word rows, with boxes as corners and NFC text', () => {
    expect(wordsFromTsv(tsv)).toEqual([
      { text: 'CỘNG', confidence: 96.5, box: { x0: 157, y0: 186, x1: 277, y1: 226 } },
      { text: 'HÒA', confidence: 91, box: { x0: 290, y0: 186, x1: 380, y1: 226 } },
    ]);
  });

  it('an empty or malformed TSV gives no words', () => {
    expect(wordsFromTsv('')).toEqual([]);
    expect(wordsFromTsv('5\t1\tx')).toEqual([]);
  });
});
