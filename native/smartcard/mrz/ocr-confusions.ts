/**
 * The OCR-B glyphs OCR engines (tesseract among them) read as one another,
 * written once for both MRZ repairs: the strict one that parses a typed or
 * OCR'd MRZ, and the OCR service's search over check digits. A position the
 * TD1 layout says holds only digits takes a letter as its look-alike digit;
 * a name position takes a digit as its look-alike letter.
 */
export const OCR_LETTER_AS_DIGIT: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  D: '0',
  U: '0',
  I: '1',
  J: '1',
  L: '1',
  Z: '2',
  A: '4',
  S: '5',
  G: '6',
  T: '7',
  B: '8',
};

export const OCR_DIGIT_AS_LETTER: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '4': 'A',
  '5': 'S',
  '6': 'G',
  '7': 'T',
  '8': 'B',
};
