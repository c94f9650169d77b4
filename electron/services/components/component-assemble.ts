import { readFile } from 'node:fs/promises';
import { KioskError } from '../../api/errors';
import {
  buildComponentPdf,
  type ComponentPage,
  type ComponentPdf,
  type ComponentPdfBuilder,
  type ComponentPdfMeta,
} from '../../../scanners/pipeline/component-pdf';
import { PageWorkerError } from '../../../scanners/pipeline/page-pool';
import type { ComponentJob, JobLog, PageOcr, PageSource } from './component-job';

/** A component as the dossier store takes it (NewComponentSchema without its code). */
export interface AssembledComponent {
  readonly fileName: string;
  readonly mime: 'application/pdf';
  readonly bytes: Uint8Array;
  readonly pages: readonly { readonly bytes: Uint8Array; readonly ocrText: string }[];
}

export interface AssembleOptions {
  readonly ocrWaitMs: number;
  readonly signal?: AbortSignal;
  readonly log?: JobLog;
  /** Where the PDF is built (the core's page worker pool); on this thread when absent. */
  readonly pdfBuilder?: ComponentPdfBuilder;
}

/**
 * Builds the job's one component PDF, with its pages in `pageOrder`
 * (ScanPage indices): each cleaned scan embedded as encoded by the
 * pipeline (never re-encoded), each imported PDF page copied, and over
 * each the page's invisible OCR text layer, so the PDF that reaches the
 * portal is searchable. Also collects each page's image and OCR text. OCR
 * is awaited until one shared deadline; a late or failed page is saved
 * with '' and no text layer, so the dossier is never held up by OCR.
 */
export async function assembleComponent(
  job: ComponentJob,
  pageOrder: readonly number[],
  options: AssembleOptions,
): Promise<AssembledComponent> {
  if (!job.finished) throw new KioskError('COMPONENT_NOT_FOUND', `job ${job.id} is not finished`);
  if (pageOrder.length === 0) throw new KioskError('FORM_INVALID', `job ${job.id}: no page kept`);
  const seen = new Set<number>();
  const chosen = pageOrder.map((index) => {
    const page = job.page(index);
    if (page?.source === undefined)
      throw new KioskError('FORM_INVALID', `job ${job.id} has no page ${String(index)}`, [
        { path: 'pageOrder', message: `page ${String(index)} is not in job ${job.id}` },
      ]);
    if (seen.has(index))
      throw new KioskError('FORM_INVALID', `page ${String(index)} is listed twice`, [
        { path: 'pageOrder', message: `page ${String(index)} is listed twice` },
      ]);
    seen.add(index);
    return { ...page, source: page.source };
  });
  throwIfAborted(options.signal);
  const deadline = Date.now() + options.ocrWaitMs;
  const pages = await Promise.all(
    chosen.map(async (page) => ({
      bytes: await page.picture(),
      ocr: await ocrBy(page.ocr, deadline, options, job.id, page.index),
      source: page.source,
    })),
  );
  throwIfAborted(options.signal);
  const pdf = await buildPdf(
    await Promise.all(pages.map((page) => pdfPageOf(page.source, page.ocr))),
    job.component === undefined ? {} : { title: job.component },
    options.pdfBuilder,
  );
  throwIfAborted(options.signal);
  return {
    fileName: fileNameOf(job.component),
    mime: 'application/pdf',
    bytes: pdf.bytes,
    pages: pages.map((page) => ({ bytes: page.bytes, ocrText: page.ocr.text })),
  };
}

/**
 * A worker build's time limit: generous (760 ms measured for 6 text pages on
 * a loaded 2-core machine), so only a hung worker reaches it.
 */
function pdfTimeoutMs(pages: number): number {
  return 30_000 + 2_000 * pages;
}

/**
 * The component PDF, built by {@link buildComponentPdf} on the builder's
 * thread when there is one. A worker that died or hung while building
 * fails the save with COMPONENT_PDF_FAILED before anything is written (the
 * dossier commits only after every component is built), and the job keeps
 * its pages for the clerk's next try; an error thrown by the builder
 * itself reaches the caller as it would from this thread.
 */
async function buildPdf(
  pages: readonly ComponentPage[],
  meta: ComponentPdfMeta,
  builder: ComponentPdfBuilder | undefined,
): Promise<ComponentPdf> {
  if (builder === undefined) return buildComponentPdf(pages, meta);
  try {
    return await builder.buildPdf(pages, meta, { timeoutMs: pdfTimeoutMs(pages.length) });
  } catch (error) {
    if (error instanceof PageWorkerError && error.reason !== 'failed')
      throw new KioskError('COMPONENT_PDF_FAILED', `component PDF not built: ${error.message}`);
    throw error;
  }
}

async function pdfPageOf(source: PageSource, ocr: PageOcr): Promise<ComponentPage> {
  const layer = ocr.layer === undefined ? {} : { textLayer: ocr.layer };
  if (source.kind === 'image') return { ...source.image, ...layer };
  return { format: 'pdf-page', bytes: new Uint8Array(await readFile(source.path)), ...layer };
}

async function ocrBy(
  ocr: Promise<PageOcr>,
  deadline: number,
  options: AssembleOptions,
  jobId: string,
  pageIndex: number,
): Promise<PageOcr> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(
      () => {
        resolve(undefined);
      },
      Math.max(0, deadline - Date.now()),
    );
    onAbort = () => {
      resolve(undefined);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const result = await Promise.race([ocr, late]);
    if (result === undefined && options.signal?.aborted !== true)
      options.log?.warn(
        { jobId, pageIndex },
        'OCR not done in time; the page is saved without text',
      );
    return result ?? { text: '' };
  } finally {
    clearTimeout(timer);
    if (onAbort !== undefined) options.signal?.removeEventListener('abort', onAbort);
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true)
    throw new KioskError('CANCELLED', 'assembling the component was cancelled');
}

/** The component's name as a file name: letters (Vietnamese kept), digits, spaces, dashes. */
export function fileNameOf(component: string | undefined): string {
  const stem = (component ?? '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 120);
  return `${stem === '' ? 'thanh-phan' : stem}.pdf`;
}
