import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { KioskError } from '../../api/errors';
import type { ComponentJob, JobLog } from './component-job';

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
}

/**
 * Rebuilds the job's PDF with its pages in `pageOrder` (ScanPage indices;
 * pages copied, never re-rendered) and collects each page's image and OCR
 * text. OCR is awaited until one shared deadline; a late or failed page is
 * saved with '' so the dossier is never held up by OCR.
 */
export async function assembleComponent(
  job: ComponentJob,
  pageOrder: readonly number[],
  options: AssembleOptions,
): Promise<AssembledComponent> {
  const pdfPath = job.pdfPath;
  if (pdfPath === undefined)
    throw new KioskError('COMPONENT_NOT_FOUND', `job ${job.id} has no PDF`);
  if (!job.pageMapSound)
    throw new KioskError(
      'COMPONENT_NOT_FOUND',
      `job ${job.id}: its PDF's pages do not match the pages seen; scan it again`,
    );
  if (pageOrder.length === 0) throw new KioskError('FORM_INVALID', `job ${job.id}: no page kept`);
  const seen = new Set<number>();
  const chosen = pageOrder.map((index) => {
    const page = job.page(index);
    if (page?.pdfPage === undefined)
      throw new KioskError('FORM_INVALID', `job ${job.id} has no page ${String(index)}`, [
        { path: 'pageOrder', message: `page ${String(index)} is not in job ${job.id}` },
      ]);
    if (seen.has(index))
      throw new KioskError('FORM_INVALID', `page ${String(index)} is listed twice`, [
        { path: 'pageOrder', message: `page ${String(index)} is listed twice` },
      ]);
    seen.add(index);
    return { ...page, pdfPage: page.pdfPage };
  });
  throwIfAborted(options.signal);
  const source = await PDFDocument.load(await readFile(pdfPath), { updateMetadata: false });
  const target = await PDFDocument.create({ updateMetadata: false });
  const title = source.getTitle();
  if (title !== undefined) target.setTitle(title);
  target.setCreationDate(new Date(0));
  target.setModificationDate(new Date(0));
  const copied = await target.copyPages(
    source,
    chosen.map((page) => page.pdfPage),
  );
  for (const page of copied) target.addPage(page);
  const bytes = await target.save();
  const deadline = Date.now() + options.ocrWaitMs;
  const pages = await Promise.all(
    chosen.map(async (page) => ({
      bytes:
        page.imagePath === undefined
          ? new Uint8Array()
          : new Uint8Array(await readFile(page.imagePath)),
      ocrText: await textBy(page.text, deadline, options, job.id, page.index),
    })),
  );
  throwIfAborted(options.signal);
  return { fileName: fileNameOf(job.component), mime: 'application/pdf', bytes, pages };
}

async function textBy(
  text: Promise<string>,
  deadline: number,
  options: AssembleOptions,
  jobId: string,
  pageIndex: number,
): Promise<string> {
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
    const result = await Promise.race([text, late]);
    if (result === undefined && options.signal?.aborted !== true)
      options.log?.warn(
        { jobId, pageIndex },
        'OCR not done in time; the page is saved without text',
      );
    return result ?? '';
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
