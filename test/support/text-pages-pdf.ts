/**
 * A paper dossier part as a kiosk receives it from a PC (`component.import`):
 * a PDF of scanned A4 300 dpi pages of printed Vietnamese administrative
 * text (the OCR test set's texts, clean and noisy in turn), each page a
 * 1-bit image with no text of its own, so OCR gives each its invisible text layer
 * at save, as a real text page costs.
 */
import sharp from 'sharp';
import { buildComponentPdf } from '../../scanners/pipeline/component-pdf';
import { a4At300, renderPage, truthTexts } from '../fixtures/ocr/vietnamese-pages';

export interface TextPagesPdf {
  readonly pdf: Uint8Array;
  /** Each page's ground truth, in page order. */
  readonly truths: readonly string[];
}

export async function textPagesPdf(pages: number, seed = 1): Promise<TextPagesPdf> {
  const texts = truthTexts();
  const truths: string[] = [];
  const images = [];
  for (let i = 0; i < pages; i++) {
    const text = texts[i % texts.length]?.text ?? '';
    const png = await renderPage(text, { noisy: i % 2 === 1, seed: seed + i });
    // 1-bit, as a scanner's text profile gives (tens of KB a page: the API socket takes it whole).
    images.push({
      format: 'png' as const,
      bytes: await sharp(png)
        .greyscale()
        .threshold(160)
        .png({ palette: true, colours: 2, dither: 0 })
        .toBuffer(),
      dpi: 300,
      ...a4At300,
    });
    truths.push(text);
  }
  return { pdf: (await buildComponentPdf(images)).bytes, truths };
}
