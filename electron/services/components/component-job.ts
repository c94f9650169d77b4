import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import type { ComponentOcrSchema } from '../../api/contract/reception';
import type { PdfPageImage } from '../../../scanners/pipeline/component-pdf';
import type { ProcessedPage } from '../../../scanners/pipeline/page-pipeline';
import type { OcrPool } from '../ocr/ocr-pool';

/** pino's shape, so the app's logger fits without an adapter. */
export interface JobLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

export type OcrState = 'queued' | 'running' | 'done' | 'failed';

/**
 * What a page contributes to the component PDF built at save: the cleaned
 * scan as the pipeline encoded it (G4 or JPEG, kept in memory until then),
 * or a page of an imported PDF (a one-page PDF file, copied unchanged).
 */
export type PageSource =
  | { readonly kind: 'image'; readonly image: PdfPageImage }
  | { readonly kind: 'pdf'; readonly path: string };

/** A page's OCR: its text ('' when OCR failed or was cancelled) and tesseract's invisible text layer. */
export interface PageOcr {
  readonly text: string;
  /** One-page text-only PDF (glyphless font, render mode 3); absent when OCR gave none. */
  readonly layer?: Uint8Array;
}

/**
 * A page image file (cleaned scan, or the rendering of a PDF page): its
 * path, and its bytes when the pipeline still holds them.
 */
export type PagePicture = string | { readonly path: string; readonly file: Uint8Array };

/** One page the screen saw, by its ScanPage `index`. */
export interface JobPage {
  readonly index: number;
  /** Undefined for a blank page the pipeline removed: such a page cannot be kept. */
  readonly source: PageSource | undefined;
  /** The page image (cleaned scan, or the rendering of a PDF page): stored bytes and OCR input. */
  readonly imagePath: string | undefined;
  /** The page image's bytes, for OCR and the save: not read back when the pipeline handed them over. */
  readonly picture: () => Promise<Uint8Array>;
  state: OcrState;
  /** Resolves when the page's OCR ends; never rejects. */
  readonly ocr: Promise<PageOcr>;
}

export interface ComponentJobDeps {
  readonly ocr: Pick<OcrPool, 'recognize'>;
  readonly emit: (event: z.infer<typeof ComponentOcrSchema>) => void;
  readonly now: () => number;
  readonly log?: JobLog;
}

/**
 * One scan or import job: its pages by the indices the screen saw, what
 * each contributes to the component PDF, and the OCR of each page. The PDF
 * is built once, at save, from these pages in the clerk's order.
 */
export class ComponentJob {
  readonly id: string;
  readonly dir: string;
  readonly #deps: ComponentJobDeps;
  readonly #pages = new Map<number, JobPage>();
  readonly #abort = new AbortController();
  #expected = 0;
  #finished = false;
  #component: string | undefined;
  #touchedAt: number;

  constructor(id: string, dir: string, deps: ComponentJobDeps) {
    this.id = id;
    this.dir = dir;
    this.#deps = deps;
    this.#touchedAt = deps.now();
  }

  /** The scan or import ended with at least one page kept: the job can be saved. */
  get finished(): boolean {
    return this.#finished;
  }

  get component(): string | undefined {
    return this.#component;
  }

  get touchedAt(): number {
    return this.#touchedAt;
  }

  get discarded(): boolean {
    return this.#abort.signal.aborted;
  }

  touch(now: number): void {
    this.#touchedAt = Math.max(this.#touchedAt, now);
  }

  page(index: number): JobPage | undefined {
    return this.#pages.get(index);
  }

  pages(): JobPage[] {
    return [...this.#pages.values()];
  }

  /** Records a page; a kept page with an image starts OCR at once. */
  addPage(index: number, source: PageSource | undefined, image: PagePicture | undefined): void {
    if (this.#pages.has(index)) return;
    const imagePath = typeof image === 'object' ? image.path : image;
    const ocrable = source !== undefined && imagePath !== undefined;
    const page: JobPage = {
      index,
      source,
      imagePath,
      picture: pictureOf(image),
      state: ocrable ? 'queued' : 'done',
      ocr: ocrable ? this.#recognise(index) : Promise.resolve({ text: '' }),
    };
    this.#pages.set(index, page);
  }

  /**
   * How many pages will be recognised, when known before they all exist (an
   * imported PDF renders page by page), so `pagesTotal` does not grow.
   */
  expectPages(count: number): void {
    this.#expected = count;
  }

  /** The scan or import ended; its pages can be saved. */
  finish(component: string | undefined): void {
    this.#finished = true;
    this.#component = component;
  }

  /** Stops OCR still queued for this job; its events stop. */
  discard(): void {
    this.#abort.abort();
  }

  async #recognise(index: number): Promise<PageOcr> {
    // Let the page be recorded before its first event counts it.
    await Promise.resolve();
    const page = this.#pages.get(index);
    try {
      const image = page === undefined ? new Uint8Array() : await page.picture();
      if (page !== undefined) page.state = 'running';
      this.#publish(index, 'running');
      const result = await this.#deps.ocr.recognize(
        { id: `${this.id}:${String(index)}`, image },
        { signal: this.#abort.signal, textLayerPdf: true },
      );
      if (page !== undefined) page.state = 'done';
      this.#publish(index, 'done');
      return result.textLayerPdf === undefined
        ? { text: result.text }
        : { text: result.text, layer: result.textLayerPdf };
    } catch (error) {
      if (page !== undefined) page.state = 'failed';
      if (!this.discarded) {
        this.#deps.log?.warn(
          { jobId: this.id, pageIndex: index, error: String(error) },
          'OCR of a component page failed; it is saved without text',
        );
        this.#publish(index, 'failed');
      }
      return { text: '' };
    }
  }

  #publish(pageIndex: number, state: 'running' | 'done' | 'failed'): void {
    if (this.discarded) return;
    let pagesDone = 0;
    let pagesTotal = 0;
    for (const page of this.#pages.values()) {
      if (page.source === undefined || page.imagePath === undefined) continue;
      pagesTotal++;
      if (page.state === 'done' || page.state === 'failed') pagesDone++;
    }
    this.#deps.emit({
      jobId: this.id,
      pageIndex,
      state,
      pagesDone,
      pagesTotal: Math.max(pagesTotal, this.#expected),
    });
  }
}

/**
 * The page image's bytes: from memory for a pipeline page; read from its
 * file each time for the rendering of an imported PDF page, as a 500-page
 * PDF's renderings are not worth holding in memory until the save.
 */
function pictureOf(image: PagePicture | undefined): () => Promise<Uint8Array> {
  if (image === undefined) return () => Promise.resolve(new Uint8Array());
  if (typeof image === 'object') return () => Promise.resolve(image.file);
  return async () => new Uint8Array(await readFile(image));
}

/**
 * What a pipeline page puts in the component PDF: its encoded image, or an
 * imported PDF page as it is; nothing for a removed blank page.
 */
export function pageSourceOf(page: ProcessedPage): PageSource | undefined {
  if (page.blank) return undefined;
  if (page.image !== undefined) return { kind: 'image', image: page.image };
  if (page.source.toLowerCase().endsWith('.pdf')) return { kind: 'pdf', path: page.source };
  return undefined;
}
