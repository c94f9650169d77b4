import sharp from 'sharp';
import {
  buildComponentPdf,
  type ComponentPage,
  type PdfPageImage,
} from '../../../scanners/pipeline/component-pdf';
import { parsePngChunks } from '../../../scanners/pipeline/png-chunks';
import { OcrError } from './ocr-error';
import type { OcrPageResult } from './ocr-result';

export interface SearchablePage {
  /** The page image as it should appear in the PDF (JPEG and plain PNG are embedded as they are). */
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

/** Whether the PNG's IDAT can be copied into the PDF: no alpha, not interlaced. */
function copyablePng(image: Uint8Array): boolean {
  try {
    return [0, 2, 3].includes(parsePngChunks(image).colourType);
  } catch {
    return false;
  }
}

/**
 * The image as the component-PDF builder takes it, at the resolution that
 * keeps the sheet's size OCR measured (its pixels over the OCR image's
 * inches). The file's own resolution is used when it agrees within 2 %: it
 * is exact where OCR's downscale rounded, and a file without one reads as 72.
 */
async function pdfImageOf(image: Uint8Array, ocr: OcrPageResult): Promise<PdfPageImage> {
  const format = isJpeg(image) ? 'jpeg' : copyablePng(image) ? 'png' : undefined;
  // TIFF, BMP, PNG with alpha or interlace: re-encoded once, as a JPEG on white.
  const bytes =
    format === undefined
      ? new Uint8Array(
          await sharp(image).flatten({ background: '#ffffff' }).jpeg({ quality: 75 }).toBuffer(),
        )
      : image;
  const { width, height, density } = await sharp(bytes).metadata();
  if (ocr.width <= 0)
    throw new OcrError('OCR_BAD_IMAGE', `page ${ocr.id}: the image size cannot be read`);
  const measured = (width * ocr.dpi) / ocr.width;
  const dpi =
    density !== undefined && Math.abs(density - measured) <= measured * 0.02 ? density : measured;
  return { format: format ?? 'jpeg', bytes, width, height, dpi };
}

/**
 * One PDF page per scanned page with tesseract's invisible text layer laid
 * over it, built by the same builder as a dossier's component PDF
 * (`buildComponentPdf`), so `kiosk ocr --pdf` and the PDF that reaches the
 * portal cannot drift apart: `pdftotext` and viewers' search see the
 * recognised Vietnamese text with its diacritics while only the image is visible.
 */
export async function buildSearchablePdf(
  pages: readonly SearchablePage[],
  options: SearchablePdfOptions = {},
): Promise<Uint8Array> {
  const componentPages: ComponentPage[] = [];
  for (const { image, ocr } of pages) {
    const layer = ocr.textLayerPdf;
    if (layer === undefined)
      throw new OcrError('OCR_ENGINE_FAILED', `page ${ocr.id} was recognised without textLayerPdf`);
    if (layer.length === 0)
      throw new OcrError('OCR_ENGINE_FAILED', `empty text layer for page ${ocr.id}`);
    componentPages.push({ ...(await pdfImageOf(image, ocr)), textLayer: layer });
  }
  const pdf = await buildComponentPdf(componentPages, {
    ...(options.title === undefined ? {} : { title: options.title }),
    createdAt: options.created ?? new Date(),
  });
  return pdf.bytes;
}
