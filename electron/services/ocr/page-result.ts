import type { Page } from 'tesseract.js';
import type { OcrPageResult, OcrWord } from './ocr-result';
import type { PreparedPage } from './prepare-page';

/** Tesseract's page (blocks → paragraphs → lines → words) as our flat, NFC result. */
export function pageResultOf(
  id: string,
  page: PreparedPage,
  data: Page,
  ms: number,
): OcrPageResult {
  const words: OcrWord[] = [];
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        for (const word of line.words) {
          const text = word.text.normalize('NFC').trim();
          if (text === '') continue;
          const { x0, y0, x1, y1 } = word.bbox;
          words.push({ text, confidence: word.confidence, box: { x0, y0, x1, y1 } });
        }
      }
    }
  }
  const result: OcrPageResult = {
    id,
    text: data.text.normalize('NFC'),
    confidence: data.confidence,
    words,
    width: page.width,
    height: page.height,
    dpi: page.dpi,
    ms: Math.round(ms),
  };
  return data.pdf === null ? result : { ...result, textLayerPdf: Uint8Array.from(data.pdf) };
}
