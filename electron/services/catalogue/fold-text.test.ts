import { describe, expect, it } from 'vitest';
import { foldedWords, foldText } from './fold-text';

/** Every Vietnamese vowel with each of the six tones (none, huyền, sắc, hỏi, ngã, nặng), precomposed. */
const vowels: readonly [string, string][] = [
  ['a', 'aàáảãạ'],
  ['a', 'ăằắẳẵặ'],
  ['a', 'âầấẩẫậ'],
  ['e', 'eèéẻẽẹ'],
  ['e', 'êềếểễệ'],
  ['i', 'iìíỉĩị'],
  ['o', 'oòóỏõọ'],
  ['o', 'ôồốổỗộ'],
  ['o', 'ơờớởỡợ'],
  ['u', 'uùúủũụ'],
  ['u', 'ưừứửữự'],
  ['y', 'yỳýỷỹỵ'],
];

describe('foldText', () => {
  it('folds every vowel with every tone, lower and upper case, to its base letter', () => {
    for (const [base, forms] of vowels) {
      const letters = Array.from(new Intl.Segmenter('vi').segment(forms), (g) => g.segment);
      expect(letters).toHaveLength(6);
      for (const letter of letters) {
        expect(foldText(letter), letter).toBe(base);
        expect(foldText(letter.toUpperCase()), letter.toUpperCase()).toBe(base);
      }
    }
  });

  it('folds đ and Đ to d', () => {
    expect(foldText('đĐ')).toBe('dd');
    expect(foldText('Đăng ký')).toBe('dang ky');
  });

  it('folds precomposed and decomposed input alike', () => {
    const nfc = 'Xác nhận tình trạng hôn nhân';
    expect(foldText(nfc.normalize('NFD'))).toBe(foldText(nfc));
    expect(foldText(nfc)).toBe('xac nhan tinh trang hon nhan');
  });

  it('keeps a procedure code as one word and splits on punctuation', () => {
    expect(foldedWords('Mã 1.001193: Đăng ký (khai sinh), hộ-tịch.')).toEqual([
      'ma',
      '1.001193',
      'dang',
      'ky',
      'khai',
      'sinh',
      'ho',
      'tich',
    ]);
  });
});
