/**
 * A page worker's entry (worker_threads): cleans the pages its pool sends
 * with {@link cleanPage}, one at a time, and posts each result or error
 * back. Bundled to dist/node/page-worker.mjs beside the core's entry.
 */
import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import { cleanPage, plainPipelineOptions } from './page-pipeline';
import type { PageWorkerAnswer } from './page-pool';

/** What the pool sends; checked here like any message that crosses a thread. */
const RequestSchema = z
  .object({
    id: z.number().int().nonnegative(),
    page: z
      .object({
        index: z.number().int().nonnegative(),
        path: z.string().min(1).max(4096),
        format: z.enum(['pnm', 'tiff', 'png', 'jpeg', 'pdf']),
        width: z.number().int().positive(),
        height: z.number().int().positive(),
        dpi: z.number().positive(),
        mode: z.enum(['color', 'gray', 'bitonal']),
      })
      .strict(),
    options: z
      .object({
        profile: z.enum(['bitonal', 'gray', 'color']).optional(),
        jpegQuality: z.number().int().min(1).max(100).optional(),
        removeBlank: z.boolean().optional(),
        deskew: z.boolean().optional(),
        crop: z.boolean().optional(),
        outDir: z.string().max(4096).optional(),
        despeckle: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();

const port = parentPort;
if (!port) throw new Error('page-worker.ts runs only as a worker thread (page-pool.ts)');

port.on('message', (raw: unknown) => {
  const parsed = RequestSchema.safeParse(raw);
  const id = (raw as { id?: unknown } | null)?.id;
  const answer = (message: PageWorkerAnswer) => {
    port.postMessage(message);
  };
  if (!parsed.success) {
    if (typeof id === 'number')
      answer({ id, ok: false, message: 'page worker: request outside the protocol' });
    return;
  }
  const { page, options } = parsed.data;
  cleanPage(page, plainPipelineOptions(options)).then(
    (cleaned) => {
      answer({ id: parsed.data.id, ok: true, page: cleaned });
    },
    (error: unknown) => {
      answer({
        id: parsed.data.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      });
    },
  );
});
