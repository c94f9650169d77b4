import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ScannedPage } from '../scanner';
import type { PageCleaner, PipelineOptions, ProcessedPage } from './page-pipeline';

/** A worker's answer to one page (page-worker.ts). */
export type PageWorkerAnswer =
  | { readonly id: number; readonly ok: true; readonly page: ProcessedPage }
  | { readonly id: number; readonly ok: false; readonly message: string };

/** Why a page could not be cleaned by the pool (the worker's error, or the worker died). */
export class PageWorkerError extends Error {
  override readonly name = 'PageWorkerError';
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
 * The worker's entry beside this module: the bundled dist/node/page-worker.mjs
 * when running from the bundle; from source (tests, the e2e harness) the
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
  readonly id: number;
  readonly page: ScannedPage;
  readonly options: PipelineOptions;
  readonly resolve: (page: ProcessedPage) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Cleans pages on worker threads, so the page pipeline's synchronous steps
 * never hold the core's event loop (a status lookup or the heartbeat is
 * answered while a feeder batch is processed). At most `size` workers,
 * started when first needed and kept; pages beyond them wait in order. A
 * worker that dies fails only the page it held and is replaced on demand.
 */
export class PagePool implements PageCleaner {
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

  /** Pages waiting for a worker, and pages being cleaned. */
  get load(): { readonly queued: number; readonly running: number } {
    return { queued: this.#queue.length, running: this.#running.size };
  }

  clean(page: ScannedPage, options: PipelineOptions): Promise<ProcessedPage> {
    if (this.#closed) return Promise.reject(new PageWorkerError('the page pool is closed'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, page, options, resolve, reject });
      this.#pump();
    });
  }

  /** Ends every worker; pages not yet cleaned are failed. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) {
      job.reject(new PageWorkerError('the page pool closed before this page was cleaned'));
    }
    const workers = [...this.#idle, ...this.#running.keys()];
    this.#idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
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
      worker.postMessage({ id: job.id, page: job.page, options: job.options });
    }
  }

  #spawn(): Worker {
    this.#workers++;
    const worker = startWorker();
    let failure = '';
    worker.on('message', (answer: PageWorkerAnswer) => {
      const job = this.#running.get(worker);
      if (job?.id !== answer.id) return;
      this.#running.delete(worker);
      worker.unref();
      this.#idle.push(worker);
      if (answer.ok) job.resolve(answer.page);
      else job.reject(new PageWorkerError(answer.message));
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
        new PageWorkerError(`the page worker ended (${failure || `exit code ${String(code)}`})`),
      );
      if (!this.#closed) this.#pump();
    });
    return worker;
  }
}
