import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { OcrError } from './ocr-error';
import type { OcrPageResult } from './ocr-result';

export interface SearchablePage {
  /** The page image as it should appear in the PDF (JPEG and PNG are embedded as they are). */
  readonly image: Uint8Array;
  /** OCR of that image, run with `textLayerPdf: true`. */
  readonly ocr: OcrPageResult;
}

export interface SearchablePdfOptions {
  readonly title?: string;
  /** Recorded as the PDF's creation date; default now. */
  readonly created?: Date;
}

const isJpeg = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
const isPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;

/**
 * One PDF page per scanned page: the image fills the page (its physical size
 * from the OCR resolution), and tesseract's text-only PDF of the same page is
 * laid over it as a form XObject scaled to the page. That layer is text in
 * render mode 3 (invisible) in a glyphless font with a ToUnicode map, so
 * `pdftotext` and viewers' search see the recognised Vietnamese text with its
 * diacritics while only the image is visible.
 */
export async function buildSearchablePdf(
  pages: readonly SearchablePage[],
  options: SearchablePdfOptions = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setProducer('Một cửa kiosk (tesseract.js)');
  doc.setCreator('kiosk ocr');
  doc.setCreationDate(options.created ?? new Date());
  if (options.title !== undefined) doc.setTitle(options.title);
  for (const { image, ocr } of pages) {
    const layer = ocr.textLayerPdf;
    if (layer === undefined) {
      throw new OcrError('OCR_ENGINE_FAILED', `page ${ocr.id} was recognised without textLayerPdf`);
    }
    const embedded = isJpeg(image)
      ? await doc.embedJpg(image)
      : isPng(image)
        ? await doc.embedPng(image)
        : await doc.embedJpg(await sharp(image).jpeg({ quality: 75 }).toBuffer());
    const width = (ocr.width / ocr.dpi) * 72;
    const height = (ocr.height / ocr.dpi) * 72;
    const page = doc.addPage([width, height]);
    page.drawImage(embedded, { x: 0, y: 0, width, height });
    const [text] = await doc.embedPdf(layer, [0]);
    if (text === undefined)
      throw new OcrError('OCR_ENGINE_FAILED', `empty text layer for page ${ocr.id}`);
    page.drawPage(text, { x: 0, y: 0, xScale: width / text.width, yScale: height / text.height });
  }
  return doc.save();
}
