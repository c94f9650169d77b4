import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ScannedPage } from '../scanner';
import type {
  ComponentPage,
  ComponentPdf,
  ComponentPdfBuilder,
  ComponentPdfMeta,
} from './component-pdf';
import type { PageCleaner, PipelineOptions, ProcessedPage } from './page-pipeline';
import type { PageWorkerAnswer, PageWorkerRequest } from './page-worker-protocol';

export type { PageWorkerAnswer } from './page-worker-protocol';

/**
 * Why a job could not be done by the pool: `failed` — the worker's code
 * threw (the message is the thrown error's, as if run here); `ended` — the
 * worker thread ended or overran its time while holding the job (it is
 * replaced); `closed` — the pool was closed.
 */
export class PageWorkerError extends Error {
  override readonly name = 'PageWorkerError';
  readonly reason: 'failed' | 'ended' | 'closed';

  constructor(message: string, reason: 'failed' | 'ended' | 'closed' = 'failed') {
    super(message);
    this.reason = reason;
  }
}

/**
 * One thread fewer than the cores, at least one: the core's own event loop
 * (and on a 2-core kiosk the OCR pool's threads) keep the rest. A feeder
 * delivers pages one by one, so more workers would only wait.
 */
export function defaultPagePoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * The worker's entry beside this module: the bundled page-worker.mjs when
 * running from the bundle; from source (tests, the e2e harness) the
 * TypeScript file, loaded through tsx's loader registered inside the worker
 * (Node 20 does not pass `--import tsx` on to worker threads).
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(fileURLToPath(new URL('./page-worker.mjs', import.meta.url)));
  }
  // The ESM build of tsx/esm/api (require.resolve would name its CommonJS one).
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./page-worker.ts', import.meta.url).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true },
  );
}

interface Job {
  readonly request: PageWorkerRequest;
  /** Buffers made for this job alone, handed to the worker rather than copied. */
  readonly transfer: ArrayBuffer[];
  /** How long the worker may hold it; past that the worker is ended and replaced. */
  readonly timeoutMs: number | undefined;
  /** Takes the worker's answer; false when it is not the kind of answer this job wants. */
  readonly settle: (answer: PageWorkerAnswer & { ok: true }) => boolean;
  readonly reject: (error: PageWorkerError) => void;
}

export interface PdfJobOptions {
  /** Past this the worker is ended, replaced, and the build fails (`ended`); none when absent. */
  readonly timeoutMs?: number;
}

/**
 * A component page with only the fields the builder reads, its bytes copied
 * once into buffers of their own (the caller keeps its pages: a save that
 * fails is tried again with them), which are then transferred, not cloned.
 */
function pageForWorker(page: ComponentPage, transfer: ArrayBuffer[]): ComponentPage {
  const own = (bytes: Uint8Array) => {
    const copy = bytes.slice();
    transfer.push(copy.buffer);
    return copy;
  };
  const layer = page.textLayer === undefined ? {} : { textLayer: own(page.textLayer) };
  if (page.format === 'pdf-page') return { format: 'pdf-page', bytes: own(page.bytes), ...layer };
  const { format, dpi, width, height } = page;
  return { format, bytes: own(page.bytes), dpi, width, height, ...layer };
}

/**
 * The core's worker threads for CPU-heavy page work — cleaning scanned
 * pages and building component PDFs — so neither holds the core's event
 * loop (a status lookup or the heartbeat is answered while a feeder batch
 * is processed or a dossier saved). At most `size` workers, started when
 * first needed and kept; jobs beyond them wait in order. A worker that dies
 * (or overruns a job's time) fails only the job it held and is replaced on
 * demand.
 */
export class PagePool implements PageCleaner, ComponentPdfBuilder {
  readonly size: number;
  readonly #idle: Worker[] = [];
  readonly #running = new Map<Worker, Job>();
  readonly #queue: Job[] = [];
  #workers = 0;
  #nextId = 0;
  #closed = false;

  constructor(size = defaultPagePoolSize()) {
    this.size = Math.max(1, Math.floor(size));
  }

  /** Jobs waiting for a worker, and jobs being done. */
  get load(): { readonly queued: number; readonly running: number } {
    return { queued: this.#queue.length, running: this.#running.size };
  }

  clean(page: ScannedPage, options: PipelineOptions): Promise<ProcessedPage> {
    return new Promise((resolve, reject) => {
      this.#submit({
        request: { id: this.#nextId++, kind: 'clean', page, options },
        transfer: [],
        timeoutMs: undefined,
        settle: (answer) => 'page' in answer && (resolve(answer.page), true),
        reject,
      });
    });
  }

  /** {@link buildComponentPdf} on a worker: the same bytes, the same SHA-256. */
  buildPdf(
    pages: readonly ComponentPage[],
    meta: ComponentPdfMeta = {},
    options: PdfJobOptions = {},
  ): Promise<ComponentPdf> {
    return new Promise((resolve, reject) => {
      const transfer: ArrayBuffer[] = [];
      const sent = pages.map((page) => pageForWorker(page, transfer));
      const { title, createdAt } = meta;
      this.#submit({
        request: {
          id: this.#nextId++,
          kind: 'pdf',
          pages: sent,
          meta: {
            ...(title === undefined ? {} : { title }),
            ...(createdAt === undefined ? {} : { createdAt }),
          },
        },
        transfer,
        timeoutMs: options.timeoutMs,
        settle: (answer) => 'pdf' in answer && (resolve(answer.pdf), true),
        reject,
      });
    });
  }

  /** Ends every worker; jobs not yet done are failed. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) {
      job.reject(new PageWorkerError('the page pool closed before this job was done', 'closed'));
    }
    const workers = [...this.#idle, ...this.#running.keys()];
    this.#idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #submit(job: Job): void {
    if (this.#closed) {
      job.reject(new PageWorkerError('the page pool is closed', 'closed'));
      return;
    }
    this.#queue.push(job);
    this.#pump();
  }

  #pump(): void {
    while (this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? (this.#workers < this.size ? this.#spawn() : undefined);
      if (!worker) return;
      const job = this.#queue.shift();
      if (!job) return;
      this.#running.set(worker, job);
      // Held only while it works: an idle pool never keeps a process alive.
      worker.ref();
      worker.postMessage(job.request, job.transfer);
      if (job.timeoutMs !== undefined) this.#watch(worker, job, job.timeoutMs);
    }
  }

  /** A job still held after `ms` ends its worker: a hang must fail the job, not wait forever. */
  #watch(worker: Worker, job: Job, ms: number): void {
    const timer = setTimeout(() => {
      if (this.#running.get(worker) !== job) return;
      this.#running.delete(worker);
      job.reject(
        new PageWorkerError(`the page worker took longer than ${String(ms)} ms; ended`, 'ended'),
      );
      void worker.terminate();
    }, ms);
    timer.unref();
  }

  #spawn(): Worker {
    this.#workers++;
    const worker = startWorker();
    let failure = '';
    worker.on('message', (answer: PageWorkerAnswer) => {
      const job = this.#running.get(worker);
      if (job?.request.id !== answer.id) return;
      this.#running.delete(worker);
      worker.unref();
      this.#idle.push(worker);
      if (!answer.ok) job.reject(new PageWorkerError(answer.message, 'failed'));
      else if (!job.settle(answer))
        job.reject(new PageWorkerError('the page worker answered another kind of job', 'failed'));
      this.#pump();
    });
    worker.on('error', (error) => {
      failure = error.message;
    });
    worker.once('exit', (code) => {
      this.#workers--;
      const idle = this.#idle.indexOf(worker);
      if (idle >= 0) this.#idle.splice(idle, 1);
      const job = this.#running.get(worker);
      this.#running.delete(worker);
      job?.reject(
        new PageWorkerError(
          `the page worker ended (${failure || `exit code ${String(code)}`})`,
          'ended',
        ),
      );
      if (!this.#closed) this.#pump();
    });
    return worker;
  }
}
