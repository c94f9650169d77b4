/**
 * Folds Vietnamese text for matching: NFD, combining marks removed (tones,
 * breve, circumflex, horn), đ/Đ → d, lower case. "Đăng ký khai sinh" and
 * "dang ky khai sinh" fold alike, so people can type without diacritics.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/**
 * The words of a folded text: runs of letters, digits and inner dots (so a
 * procedure code "1.001193" stays one word); other characters separate words.
 */
export function foldedWords(text: string): string[] {
  return (foldText(text).match(/[a-z0-9]+(?:\.[a-z0-9]+)*/g) ?? []).filter((w) => w.length > 0);
}
