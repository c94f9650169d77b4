import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import type { ComponentOcrSchema } from '../../api/contract/reception';
import type { OcrPool } from '../ocr/ocr-pool';

/** pino's shape, so the app's logger fits without an adapter. */
export interface JobLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

export type OcrState = 'queued' | 'running' | 'done' | 'failed';

/** One page the screen saw, by its ScanPage `index`. */
export interface JobPage {
  readonly index: number;
  /** 0-based page of the job's PDF; undefined for a blank page the pipeline removed. */
  readonly pdfPage: number | undefined;
  /** The page image (cleaned scan, or the rendering of a PDF page): stored bytes and OCR input. */
  readonly imagePath: string | undefined;
  state: OcrState;
  /** Resolves with the page's text, '' when OCR failed or was cancelled; never rejects. */
  readonly text: Promise<string>;
}

export interface ComponentJobDeps {
  readonly ocr: Pick<OcrPool, 'recognize'>;
  readonly emit: (event: z.infer<typeof ComponentOcrSchema>) => void;
  readonly now: () => number;
  readonly log?: JobLog;
}

/**
 * One scan or import job: its pages in arrival order, the mapping from the
 * indices the screen saw to the pages of its PDF (blank pages removed by the
 * pipeline are not in the PDF, so the two differ), and the OCR of each page.
 */
export class ComponentJob {
  readonly id: string;
  readonly dir: string;
  readonly #deps: ComponentJobDeps;
  readonly #pages = new Map<number, JobPage>();
  readonly #abort = new AbortController();
  #pdfPages = 0;
  #expected = 0;
  #pdfPageCount: number | undefined;
  #pdfPath: string | undefined;
  #component: string | undefined;
  #touchedAt: number;

  constructor(id: string, dir: string, deps: ComponentJobDeps) {
    this.id = id;
    this.dir = dir;
    this.#deps = deps;
    this.#touchedAt = deps.now();
  }

  get pdfPath(): string | undefined {
    return this.#pdfPath;
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

  /**
   * Records a page in arrival order (the order the PDF is built in). A page
   * in the PDF with an image starts OCR at once.
   */
  addPage(index: number, inPdf: boolean, imagePath: string | undefined): void {
    if (this.#pages.has(index)) return;
    const pdfPage = inPdf ? this.#pdfPages++ : undefined;
    const ocrable = inPdf && imagePath !== undefined;
    const page: JobPage = {
      index,
      pdfPage,
      imagePath,
      state: ocrable ? 'queued' : 'done',
      text: ocrable ? this.#recognise(index, imagePath) : Promise.resolve(''),
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

  /** The job's PDF exists (written and fsynced). */
  finish(pdfPath: string, pageCount: number, component: string | undefined): void {
    if (pageCount !== this.#pdfPages)
      this.#deps.log?.warn(
        { jobId: this.id, pageCount, pagesSeen: this.#pdfPages },
        'component PDF page count differs from the pages seen',
      );
    this.#pdfPath = pdfPath;
    this.#pdfPageCount = pageCount;
    this.#component = component;
  }

  /**
   * Whether the PDF has exactly the pages this job mapped. If the pipeline
   * ever kept a page this job did not count (or the reverse), every index
   * after it would point at the wrong sheet: such a job is not assembled.
   */
  get pageMapSound(): boolean {
    return this.#pdfPageCount === this.#pdfPages;
  }

  /** Stops OCR still queued for this job; its events stop. */
  discard(): void {
    this.#abort.abort();
  }

  async #recognise(index: number, imagePath: string): Promise<string> {
    // Let the page be recorded before its first event counts it.
    await Promise.resolve();
    const page = this.#pages.get(index);
    try {
      const image = new Uint8Array(await readFile(imagePath));
      if (page !== undefined) page.state = 'running';
      this.#publish(index, 'running');
      const result = await this.#deps.ocr.recognize(
        { id: `${this.id}:${String(index)}`, image },
        { signal: this.#abort.signal },
      );
      if (page !== undefined) page.state = 'done';
      this.#publish(index, 'done');
      return result.text;
    } catch (error) {
      if (page !== undefined) page.state = 'failed';
      if (!this.discarded) {
        this.#deps.log?.warn(
          { jobId: this.id, pageIndex: index, error: String(error) },
          'OCR of a component page failed; it is saved without text',
        );
        this.#publish(index, 'failed');
      }
      return '';
    }
  }

  #publish(pageIndex: number, state: 'running' | 'done' | 'failed'): void {
    if (this.discarded) return;
    let pagesDone = 0;
    let pagesTotal = 0;
    for (const page of this.#pages.values()) {
      if (page.pdfPage === undefined || page.imagePath === undefined) continue;
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
