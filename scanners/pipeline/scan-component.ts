import { open, readFile, rename } from 'node:fs/promises';
import { ScanError, type ScannedPage } from '../scanner';
import {
  buildComponentPdf,
  type ComponentPage,
  type ComponentPdf,
  type ComponentPdfMeta,
} from './component-pdf';
import { processPage, type PipelineOptions, type ProcessedPage } from './page-pipeline';

export interface ScannedComponent {
  /** Every page that went through the pipeline, blank ones included (marked). */
  readonly pages: readonly ProcessedPage[];
  /** How many pages a PDF of this batch has (non-blank pages and imported PDF pages). */
  readonly keptPages: number;
  /** The PDF of the non-blank pages; absent when no page was kept or none was asked for. */
  readonly pdf?: ComponentPdf;
  /** Where the PDF was written, when asked. */
  readonly pdfPath?: string;
  /** The error that ended the scan early; the pages before it are in the PDF. */
  readonly error?: ScanError;
}

export interface ScanComponentOptions extends PipelineOptions, ComponentPdfMeta {
  /** Write the PDF here (atomically, fsynced before it is named). */
  readonly pdfPath?: string;
  /**
   * Default true. The kiosk passes false: it builds each component's PDF
   * once, at save, in the clerk's order and with the OCR text layer.
   */
  readonly buildPdf?: boolean;
  readonly onPage?: (page: ProcessedPage) => void;
}

/**
 * Runs each page through the pipeline as soon as the scanner delivers it, so
 * cleaning overlaps scanning, and (unless told not to) builds the component
 * PDF when the batch ends. A scan that ends in a ScanError still yields a
 * PDF of the pages done.
 */
export async function scanComponent(
  pages: AsyncIterable<ScannedPage>,
  options: ScanComponentOptions = {},
): Promise<ScannedComponent> {
  const processed: ProcessedPage[] = [];
  const kept: ComponentPage[] = [];
  let keptPages = 0;
  const building = options.buildPdf !== false;
  let error: ScanError | undefined;
  try {
    for await (const page of pages) {
      const result = page.format === 'pdf' ? copiedPage(page) : await processPage(page, options);
      if (page.format === 'pdf' || (result.image && !result.blank)) keptPages++;
      if (building && page.format === 'pdf')
        kept.push({ format: 'pdf-page', bytes: await readFile(page.path) });
      else if (building && result.image && !result.blank) kept.push(result.image);
      processed.push(result);
      options.onPage?.(result);
    }
  } catch (caught) {
    if (!(caught instanceof ScanError)) throw caught;
    error = caught;
  }
  const base = { pages: processed, keptPages, ...(error ? { error } : {}) };
  if (kept.length === 0) return base;
  const pdf = await buildComponentPdf(kept, options);
  if (options.pdfPath === undefined) return { ...base, pdf };
  await writeDurably(options.pdfPath, pdf.bytes);
  return { ...base, pdf, pdfPath: options.pdfPath };
}

/** An imported PDF page skips the pipeline: it is copied into the component as it is. */
function copiedPage(page: ScannedPage): ProcessedPage {
  return {
    index: page.index,
    source: page.path,
    blank: false,
    inkRatio: 1,
    skewDegrees: 0,
    crop: { left: 0, top: 0, width: page.width, height: page.height },
  };
}

/** Writes to a temporary name, fsyncs, then renames: a power cut leaves either nothing or the whole file. */
export async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${path}.part`;
  const file = await open(temporary, 'w');
  try {
    await file.writeFile(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
}
