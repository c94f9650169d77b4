import { describe, expect, it } from 'vitest';
import { copyFee, formatDong, requestFee } from './copy-fee';

describe('the fee of a certified copy (Circular 226/2016/TT-BTC)', () => {
  it('charges 2,000 đ a page for the first two pages', () => {
    expect(copyFee(1)).toBe(2_000);
    expect(copyFee(2)).toBe(4_000);
  });

  it('charges 1,000 đ a page from the third page', () => {
    expect(copyFee(3)).toBe(5_000);
    expect(copyFee(10)).toBe(12_000);
  });

  it('stops at 200,000 đ a copy: 198 pages reach it exactly, more pages cost no more', () => {
    expect(copyFee(197)).toBe(199_000);
    expect(copyFee(198)).toBe(200_000);
    expect(copyFee(199)).toBe(200_000);
    expect(copyFee(5_000)).toBe(200_000);
  });

  it('charges each copy on its own, the cap applying per copy', () => {
    expect(requestFee(2, 3)).toBe(12_000);
    expect(requestFee(300, 2)).toBe(400_000);
  });

  it('refuses a copy of no pages or a fraction of a page', () => {
    expect(() => copyFee(0)).toThrow(RangeError);
    expect(() => copyFee(1.5)).toThrow(RangeError);
    expect(() => requestFee(2, 0)).toThrow(RangeError);
  });

  it('prints money with dots between thousands', () => {
    expect(formatDong(200_000)).toBe('200.000 đ');
    expect(formatDong(4_000)).toBe('4.000 đ');
    expect(formatDong(0)).toBe('0 đ');
  });
});
