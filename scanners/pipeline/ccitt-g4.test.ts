import { describe, expect, it } from 'vitest';
import {
  blackMakeUp,
  blackTerminating,
  extendedMakeUp,
  modeCodes,
  whiteMakeUp,
  whiteTerminating,
} from './ccitt-codes';
import { encodeG4 } from './ccitt-g4';

function prefixFree(codes: readonly string[]): boolean {
  const sorted = [...codes].sort();
  return sorted.every((code, i) => i === 0 || !code.startsWith(sorted[i - 1]!));
}

const eol = '000000000001';

describe('CCITT code tables', () => {
  it('have 64 terminating and 27 make-up codes per colour and 13 extended make-up codes', () => {
    expect([whiteTerminating.length, blackTerminating.length]).toEqual([64, 64]);
    expect([whiteMakeUp.length, blackMakeUp.length, extendedMakeUp.length]).toEqual([27, 27, 13]);
  });

  it('are prefix-free for each colour together with the EOL code, so a decoder never misreads a run', () => {
    expect(prefixFree([...whiteTerminating, ...whiteMakeUp, ...extendedMakeUp, eol])).toBe(true);
    expect(prefixFree([...blackTerminating, ...blackMakeUp, ...extendedMakeUp, eol])).toBe(true);
    expect(
      prefixFree([modeCodes.pass, modeCodes.horizontal, ...modeCodes.vertical.values(), eol]),
    ).toBe(true);
  });

  it('fill the code space of each colour up to the unused prefixes, as Huffman codes do', () => {
    const kraft = (codes: readonly string[]): number =>
      codes.reduce((sum, c) => sum + 2 ** -c.length, 0);
    const white = kraft([...whiteTerminating, ...whiteMakeUp, ...extendedMakeUp, eol]);
    const black = kraft([...blackTerminating, ...blackMakeUp, ...extendedMakeUp, eol]);
    expect(white).toBeLessThanOrEqual(1);
    expect(black).toBeLessThanOrEqual(1);
    expect(white).toBeGreaterThan(0.99);
    expect(black).toBeGreaterThan(0.99);
  });
});

describe('Group 4 encoding', () => {
  it('an all-white line is one V0 per line, then the end-of-block code', () => {
    const bytes = encodeG4({ width: 16, height: 2, data: new Uint8Array(32) });
    // V0 V0 then EOFB (24 bits) = 26 bits -> 4 bytes: 11000000 00000100 00000000 01000000
    expect([...bytes]).toEqual([0b11000000, 0b00000100, 0b00000000, 0b01000000]);
  });

  it('a first line with a black run uses horizontal mode with white and black run codes', () => {
    const data = new Uint8Array(8);
    data.fill(1, 2, 5); // white 2, black 3, white 3
    const bytes = encodeG4({ width: 8, height: 1, data });
    // H + white(2)=0111 + black(3)=10, then V0 for the last change at the line end... decoded by poppler in component-pdf tests.
    const bits = [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');
    expect(bits.startsWith('001' + '0111' + '10')).toBe(true);
  });

  it('runs longer than 2560 pixels are split into make-up codes', () => {
    const bytes = encodeG4({ width: 3000, height: 1, data: new Uint8Array(3000).fill(1) });
    const bits = [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');
    // H, white 0, then black 2560 (extended) + 384 (make-up) + 56 (terminating).
    expect(
      bits.startsWith(
        '001' +
          whiteTerminating[0]! +
          extendedMakeUp[12]! +
          blackMakeUp[5]! +
          blackTerminating[56]!,
      ),
    ).toBe(true);
  });
});
