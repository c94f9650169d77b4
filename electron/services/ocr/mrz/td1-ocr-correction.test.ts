import { describe, expect, it } from 'vitest';
import { MrzError } from '../../../../native/smartcard/mrz';
import { correctTd1 } from './td1-ocr-correction';

// The synthetic CCCD of /work/shared/notes/cccd.md §1.3 (check digits worked by hand there).
const truth = [
  'IDVNM1850123459001185012345<<0',
  '8503149F2503147VNM<<<<<<<<<<<8',
  'NGUYEN<<THI<MAI<<<<<<<<<<<<<<<',
];
const bac = '185012345985031492503147';

describe('TD1 MRZ from OCR text', () => {
  it('a clean reading passes unchanged and gives the published BAC input', () => {
    const r = correctTd1(['Ngày, tháng, năm: 14/03/2021', ...truth]);
    expect(r.lines).toEqual(truth);
    expect(r.corrections).toBe(0);
    expect(r.bacKeyInput).toBe(bac);
    expect(r.mrz.personalId).toBe('001185012345');
  });

  it('O/0, I/1, S/5, B/8, Z/2 confusions in digit positions are undone', () => {
    const seen = ['IDVNMI85OI2S4S9OOII8SOI2345<<O', '8SO3I49F2SO3I47VNM<<<<<<<<<<<B', truth[2]!];
    const r = correctTd1(seen);
    expect(r.lines.slice(0, 2)).toEqual(truth.slice(0, 2));
    expect(r.bacKeyInput).toBe(bac);
    expect(r.corrections).toBeGreaterThan(10);
  });

  it('fillers read as K and L, spaces, and a stray character are tolerated', () => {
    const seen = [
      'IDVNMO1850123459 001185012345KL0',
      '8503149 F2503147VNM<<LKLLLKLLLK8',
      'NGUYEN<KTHI<MAIKLLKLKLLKL<<<<<',
    ];
    const r = correctTd1(seen);
    expect(r.lines.slice(0, 2)).toEqual(truth.slice(0, 2));
    expect(r.lines[2]).toMatch(/^NGUYEN<<THI<MAI<+$/);
    expect(r.nameVerified).toBe(false);
  });

  it('one misread digit is repaired when the check digits allow exactly one repair', () => {
    // Birth date 850314 read as 856314: only 0 in that place satisfies its check digit and the composite.
    const seen = [truth[0]!, '8563149F2503147VNM<<<<<<<<<<<8', truth[2]!];
    expect(correctTd1(seen).mrz.birthDate).toBe('850314');
  });

  it('a single misread digit anywhere is either repaired or refused, never turned into a wrong MRZ', () => {
    const neighbours: Record<string, string> = {
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
    let repaired = 0;
    let refused = 0;
    for (const line of [0, 1] as const) {
      const text = truth[line]!;
      for (let at = 0; at < 30; at++) {
        for (const alt of neighbours[text[at]!] ?? '') {
          const seen = [...truth];
          seen[line] = text.slice(0, at) + alt + text.slice(at + 1);
          try {
            const r = correctTd1(seen);
            expect(r.lines.slice(0, 2), seen.join('|')).toEqual(truth.slice(0, 2));
            repaired++;
          } catch (error) {
            expect(error).toBeInstanceOf(MrzError);
            refused++;
          }
        }
      }
    }
    expect(repaired).toBeGreaterThan(refused);
  });

  it('a misread composite digit is left to the field check digits', () => {
    const seen = [truth[0]!, '8503149F2503147VNM<<<<<<<<<<<O', truth[2]!];
    expect(correctTd1(seen).lines[1]).toBe(truth[1]);
  });

  it('a document number that disagrees with the 12-digit ID is refused', () => {
    const seen = ['IDVNM2850123479001185012345<<0', truth[1]!, truth[2]!];
    // 285012347 differs from the ID's tail in two digits; no single repair reconciles them.
    expect(() => correctTd1(seen)).toThrow(MrzError);
  });

  it('text without an MRZ fails with advice to rescan', () => {
    expect(() => correctTd1(['CỤC TRƯỞNG CỤC CẢNH SÁT', 'QUẢN LÝ HÀNH CHÍNH'])).toThrow(
      /quét lại|scan again/,
    );
  });
});
