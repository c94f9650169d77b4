import type { CitizenWire } from './citizen';

/** Which generation of identity card a chip read came from (set by the core from DG13's issue date). */
export type CardGeneration = NonNullable<CitizenWire['cardGeneration']>;

/**
 * The card's name as the law calls it, Vietnamese and English: one text for
 * the CLI and the screens. Law 26/2023/QH15 (Luật Căn cước) took effect on
 * 1 July 2024; chip CCCD cards issued before it stay valid.
 */
export function cardGenerationLabel(g: CardGeneration): { vi: string; en: string } {
  switch (g) {
    case 'cccd':
      return {
        vi: 'Căn cước công dân gắn chip (cấp trước 01/7/2024)',
        en: 'Chip citizen ID card (CCCD, issued before 1 July 2024)',
      };
    case 'can-cuoc-2024':
      return {
        vi: 'Thẻ căn cước (cấp từ 01/7/2024)',
        en: 'Identity card (thẻ căn cước, issued from 1 July 2024)',
      };
    case 'unknown':
      return {
        vi: 'Không xác định được loại thẻ (chip không ghi ngày cấp)',
        en: 'Card generation unknown (no issue date on the chip)',
      };
  }
}
