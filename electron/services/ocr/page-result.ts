import type { Page } from 'tesseract.js';
import type { OcrPageResult, OcrWord } from './ocr-result';
import type { PreparedPage } from './prepare-page';

/**
 * Words from tesseract's TSV output: one row per element, tab separated,
 * `level page block par line word left top width height conf text`;
 * level 5 rows are words. (The TSV is built in C++; the `blocks` tree
 * would build a JS object per glyph.)
 */
export function wordsFromTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells.length < 12 || cells[0] !== '5') continue;
    const [left, top, width, height, conf] = cells.slice(6, 11).map(Number);
    const text = cells.slice(11).join('\t').normalize('NFC').trim();
    if (
      text === '' ||
      left === undefined ||
      top === undefined ||
      width === undefined ||
      height === undefined
    )
      continue;
    if (![left, top, width, height].every(Number.isFinite)) continue;
    const confidence =
      conf !== undefined && Number.isFinite(conf) ? Math.max(0, Math.min(100, conf)) : 0;
    words.push({
      text,
      confidence,
      box: { x0: left, y0: top, x1: left + width, y1: top + height },
    });
  }
  return words;
}

/** Tesseract's page as our flat, NFC result. */
export function pageResultOf(
  id: string,
  page: PreparedPage,
  data: Page,
  ms: number,
): OcrPageResult {
  const result: OcrPageResult = {
    id,
    text: data.text.normalize('NFC'),
    confidence: data.confidence,
    words: wordsFromTsv(data.tsv ?? ''),
    width: page.width,
    height: page.height,
    dpi: page.dpi,
    ms: Math.round(ms),
  };
  return data.pdf === null ? result : { ...result, textLayerPdf: Uint8Array.from(data.pdf) };
}
