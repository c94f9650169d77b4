/**
 * A page worker's entry (worker_threads): does the jobs its pool sends, one
 * at a time — cleaning a scanned page with {@link cleanPage}, or building a
 * component PDF with {@link buildComponentPdf} — and posts each result or
 * error back. Bundled to page-worker.mjs beside the core's entry.
 */
import { parentPort } from 'node:worker_threads';
import { buildComponentPdf, type ComponentPdf } from './component-pdf';
import { cleanPage, plainPipelineOptions } from './page-pipeline';
import type { z } from 'zod';
import { PageWorkerRequestSchema, type PageWorkerAnswer } from './page-worker-protocol';

const port = parentPort;
if (!port) throw new Error('page-worker.ts runs only as a worker thread (page-pool.ts)');

/** The PDF's bytes go back by transfer: this thread never touches them again. */
function answerPdf(id: number, pdf: ComponentPdf): void {
  const whole =
    pdf.bytes.byteOffset === 0 && pdf.bytes.byteLength === pdf.bytes.buffer.byteLength
      ? pdf.bytes
      : pdf.bytes.slice();
  const answer: PageWorkerAnswer = { id, ok: true, pdf: { ...pdf, bytes: whole } };
  port?.postMessage(answer, [whole.buffer as ArrayBuffer]);
}

async function run(request: z.output<typeof PageWorkerRequestSchema>): Promise<void> {
  if (request.kind === 'clean') {
    const page = await cleanPage(request.page, plainPipelineOptions(request.options));
    port?.postMessage({ id: request.id, ok: true, page } satisfies PageWorkerAnswer);
    return;
  }
  answerPdf(request.id, await buildComponentPdf(request.pages, request.meta));
}

port.on('message', (raw: unknown) => {
  const parsed = PageWorkerRequestSchema.safeParse(raw);
  const id = (raw as { id?: unknown } | null)?.id;
  if (!parsed.success) {
    if (typeof id === 'number')
      port.postMessage({
        id,
        ok: false,
        message: 'page worker: request outside the protocol',
      } satisfies PageWorkerAnswer);
    return;
  }
  run(parsed.data).catch((error: unknown) => {
    port.postMessage({
      id: parsed.data.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    } satisfies PageWorkerAnswer);
  });
});
