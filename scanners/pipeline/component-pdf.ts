import { createHash } from 'node:crypto';
import {
  concatTransformationMatrix,
  drawObject,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFHexString,
  popGraphicsState,
  pushGraphicsState,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import { parsePngChunks } from './png-chunks';

/**
 * A page image ready for a PDF, copied without re-encoding: a JPEG (DCT), a
 * non-interlaced PNG (Flate with the PNG predictor) or a CCITT Group 4 stream.
 */
export interface PdfPageImage {
  readonly format: 'jpeg' | 'png' | 'g4';
  readonly bytes: Uint8Array;
  readonly dpi: number;
  /** Pixels; a G4 stream does not carry its own size. */
  readonly width: number;
  readonly height: number;
}

/** A page of an imported PDF, as a one-page PDF, copied over unchanged (text and vectors kept). */
export interface PdfSourcePage {
  readonly format: 'pdf-page';
  readonly bytes: Uint8Array;
}

/**
 * A page of the component and, when OCR gave one, its invisible text layer:
 * tesseract's one-page text-only PDF (glyphless font, render mode 3,
 * ToUnicode), laid over the page so `pdftotext` and viewers' search find
 * the recognised words while only the image is visible.
 */
export type ComponentPage = (PdfPageImage | PdfSourcePage) & { readonly textLayer?: Uint8Array };

export interface ComponentPdf {
  readonly bytes: Uint8Array;
  /** Lower-case hex SHA-256 of `bytes`, the content address of the blob. */
  readonly sha256: string;
  readonly pageCount: number;
}

export interface ComponentPdfMeta {
  /** Component name, e.g. "Đơn đề nghị" (PDF Title). */
  readonly title?: string;
  /** Fixed for reproducible bytes; defaults to the Unix epoch. */
  readonly createdAt?: Date;
}

/**
 * Builds component PDFs somewhere else (the core's page worker pool), with
 * the same bytes as {@link buildComponentPdf}, which stays the one builder.
 */
export interface ComponentPdfBuilder {
  buildPdf(
    pages: readonly ComponentPage[],
    meta?: ComponentPdfMeta,
    options?: { readonly timeoutMs?: number },
  ): Promise<ComponentPdf>;
}

/**
 * Adds a PNG to the document without re-encoding: its IDAT is copied into an
 * image XObject with the PNG predictor. pdf-lib's own embedPng would expand a
 * 1-bit page to 24-bit RGB, about 10x the size.
 */
function embedPngAsIs(
  doc: PDFDocument,
  png: Uint8Array,
): { width: number; height: number; ref: PDFRef } {
  const parts = parsePngChunks(png);
  const colors = { 0: 1, 2: 3, 3: 1 }[parts.colourType as 0 | 2 | 3] as number | undefined;
  if (colors === undefined)
    throw new Error(`PNG colour type ${parts.colourType} (alpha) is not supported`);
  const colourSpace =
    parts.colourType === 3 && parts.palette
      ? doc.context.obj([
          PDFName.of('Indexed'),
          PDFName.of('DeviceRGB'),
          PDFNumber.of(parts.palette.length / 3 - 1),
          PDFHexString.of(Buffer.from(parts.palette).toString('hex')),
        ])
      : PDFName.of(parts.colourType === 2 ? 'DeviceRGB' : 'DeviceGray');
  const stream = doc.context.stream(parts.idat, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: parts.width,
    Height: parts.height,
    ColorSpace: colourSpace,
    BitsPerComponent: parts.bitDepth,
    Filter: 'FlateDecode',
    DecodeParms: {
      Predictor: 15,
      Colors: colors,
      BitsPerComponent: parts.bitDepth,
      Columns: parts.width,
    },
  });
  return { width: parts.width, height: parts.height, ref: doc.context.register(stream) };
}

/** A T.6 stream as a 1-bit DeviceGray image; 0 bits are black (`/BlackIs1 false`). */
function embedG4(doc: PDFDocument, bytes: Uint8Array, width: number, height: number): PDFRef {
  const stream = doc.context.stream(bytes, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 1,
    Filter: 'CCITTFaxDecode',
    DecodeParms: { K: -1, Columns: width, Rows: height },
  });
  return doc.context.register(stream);
}

/** Draws one page image filling a page sized from its pixels and dpi. Exported for the searchable-PDF builder. */
export async function addImagePage(doc: PDFDocument, image: PdfPageImage): Promise<PDFPage> {
  let width: number;
  let height: number;
  let ref: PDFRef;
  if (image.format === 'g4') {
    ({ width, height } = image);
    ref = embedG4(doc, image.bytes, width, height);
  } else if (image.format === 'jpeg') {
    const jpeg = await doc.embedJpg(image.bytes);
    ({ width, height, ref } = jpeg);
  } else {
    ({ width, height, ref } = embedPngAsIs(doc, image.bytes));
  }
  const pageWidth = (width / image.dpi) * 72;
  const pageHeight = (height / image.dpi) * 72;
  const page = doc.addPage([pageWidth, pageHeight]);
  const name = page.node.newXObject('Im', ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(pageWidth, 0, 0, pageHeight, 0, 0),
    drawObject(name),
    popGraphicsState(),
  );
  return page;
}

/**
 * Draws the text layer's only page as a form XObject stretched over `page`:
 * tesseract sized it from the OCR image (downscaled, so other pixels per
 * inch), and both describe the same sheet.
 */
async function overlayTextLayer(doc: PDFDocument, page: PDFPage, layer: Uint8Array): Promise<void> {
  const [text] = await doc.embedPdf(layer, [0]);
  if (text === undefined || text.width <= 0 || text.height <= 0) return;
  const { width, height } = page.getSize();
  page.drawPage(text, { x: 0, y: 0, xScale: width / text.width, yScale: height / text.height });
}

/** Whether a page's resources name any font, i.e. it has text of its own. */
function hasFonts(page: PDFPage): boolean {
  const fonts = page.node.Resources()?.lookup(PDFName.of('Font'));
  return fonts instanceof PDFDict && fonts.keys().length > 0;
}

/** One multi-page PDF for a dossier component, and its SHA-256. */
export async function buildComponentPdf(
  pages: readonly ComponentPage[],
  meta: ComponentPdfMeta = {},
): Promise<ComponentPdf> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const date = meta.createdAt ?? new Date(0);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setProducer('Một cửa kiosk');
  if (meta.title !== undefined) doc.setTitle(meta.title);
  for (const page of pages) {
    if (page.format !== 'pdf-page') {
      const added = await addImagePage(doc, page);
      if (page.textLayer !== undefined) await overlayTextLayer(doc, added, page.textLayer);
      continue;
    }
    const source = await PDFDocument.load(page.bytes, { updateMetadata: false });
    for (const copied of await doc.copyPages(source, source.getPageIndices())) {
      doc.addPage(copied);
      // A page that already carries text (a born-digital PDF) keeps only its own.
      if (page.textLayer !== undefined && !hasFonts(copied))
        await overlayTextLayer(doc, copied, page.textLayer);
    }
  }
  const bytes = await doc.save({ useObjectStreams: true });
  return {
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    pageCount: pages.length,
  };
}
