import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import {
  createWorker,
  OEM,
  type RecognizeOptions as TesseractRecognizeOptions,
  type Worker as TesseractWorker,
} from 'tesseract.js';
import { languageDataFile, tesseractPaths, type OcrLanguage } from './ocr-language-data';
import { OcrError } from './ocr-error';
import type { OcrInput, OcrPageResult, OcrProgress } from './ocr-result';
import { pageResultOf } from './page-result';
import { defaultOcrDpi, preparePage, type PreparedPage } from './prepare-page';

export interface OcrPoolOptions {
  /** Default `['vie']`. */
  readonly languages?: readonly OcrLanguage[];
  /** Workers (threads); default the number of CPU cores, at most 4. */
  readonly size?: number;
  /**
   * A worker is replaced after this many pages: tesseract's WASM heap only
   * grows and its adaptive classifier "learns" across documents
   * (naptha/tesseract.js#977, #1045). Default 25.
   */
  readonly recycleAfterPages?: number;
  /** Pages above this resolution are downscaled to it; default `defaultOcrDpi`. */
  readonly dpi?: number;
  /** Tesseract variables set on every worker (e.g. a character whitelist, a page segmentation mode). */
  readonly parameters?: Readonly<Record<string, string>>;
  /**
   * A folder of `<code>.traineddata` files to use instead of the bundled npm
   * models, e.g. the OS's tesseract data (Debian's tesseract-ocr-vie ships
   * the smaller tessdata_fast network, which runs faster at equal accuracy
   * on our page set: see the README's OCR figures). Empty or absent: bundled.
   */
  readonly modelDir?: string;
}

export interface RecognizeOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: OcrProgress) => void;
  /** Also return the page's invisible text layer as a one-page PDF. */
  readonly textLayerPdf?: boolean;
}

export interface OcrPoolStatus {
  readonly languages: readonly OcrLanguage[];
  readonly dpi: number;
  readonly recycleAfterPages: number;
  readonly size: number;
  readonly busy: number;
  readonly queued: number;
  readonly pagesDone: number;
  readonly workersStarted: number;
  /** The folder of the models in use; '' for the bundled npm models. */
  readonly modelDir: string;
}

/**
 * tesseract.js passes recognise options it does not know to tesseract as
 * variables for that one page; its typings list only its own options.
 */
function pageOptions(dpi: number, textLayer: boolean): Partial<TesseractRecognizeOptions> {
  const variables: Partial<TesseractRecognizeOptions> & Record<string, string | boolean> = {
    user_defined_dpi: String(dpi),
    // Only the invisible text: the page image is already in our PDF.
    ...(textLayer ? { pdfTextOnly: true } : {}),
  };
  return variables;
}

interface Job {
  readonly input: OcrInput;
  readonly page: Promise<PreparedPage>;
  readonly options: RecognizeOptions;
  readonly resolve: (result: OcrPageResult) => void;
  readonly reject: (error: unknown) => void;
}

interface Slot {
  worker: Promise<TesseractWorker> | undefined;
  pages: number;
  job: Job | undefined;
}

/**
 * A fixed set of tesseract.js workers (each a worker thread running the
 * WASM engine) fed from one FIFO queue. Page decoding and downscaling run
 * in sharp's native threads before a page reaches a worker.
 */
export class OcrPool {
  readonly #languages: readonly OcrLanguage[];
  readonly #recycleAfter: number;
  readonly #dpi: number;
  readonly #parameters: Readonly<Record<string, string>>;
  readonly #modelDir: string;
  readonly #slots: Slot[];
  readonly #queue: Job[] = [];
  #pagesDone = 0;
  #workersStarted = 0;
  #closed = false;
  /**
   * Pages are decoded one after another, in queue order: started all at once
   * (a 20-page batch), they would share sharp's threads and the first page
   * would reach a worker only when nearly all were done.
   */
  #preparing: Promise<unknown> = Promise.resolve();

  constructor(options: OcrPoolOptions = {}) {
    this.#languages = [...(options.languages ?? ['vie'])];
    this.#recycleAfter = Math.max(1, options.recycleAfterPages ?? 25);
    this.#dpi = Math.max(70, Math.min(options.dpi ?? defaultOcrDpi, 600));
    this.#parameters = { ...options.parameters };
    this.#modelDir = options.modelDir ?? '';
    const size = Math.max(1, Math.min(options.size ?? Math.min(availableParallelism(), 4), 16));
    this.#slots = Array.from({ length: size }, () => ({
      worker: undefined,
      pages: 0,
      job: undefined,
    }));
  }

  status(): OcrPoolStatus {
    return {
      languages: this.#languages,
      dpi: this.#dpi,
      recycleAfterPages: this.#recycleAfter,
      size: this.#slots.length,
      busy: this.#slots.filter((s) => s.job !== undefined).length,
      queued: this.#queue.length,
      pagesDone: this.#pagesDone,
      workersStarted: this.#workersStarted,
      modelDir: this.#modelDir,
    };
  }

  /** Starts every worker now, so the first page does not pay for loading the models. */
  async warmUp(): Promise<void> {
    await Promise.all(this.#slots.map((slot) => this.#workerOf(slot)));
  }

  /** Recognises one page. Rejects with OcrError('OCR_CANCELLED') when the signal aborts. */
  recognize(input: OcrInput, options: RecognizeOptions = {}): Promise<OcrPageResult> {
    if (this.#closed) return Promise.reject(new OcrError('OCR_CLOSED'));
    if (options.signal?.aborted === true) return Promise.reject(new OcrError('OCR_CANCELLED'));
    return new Promise<OcrPageResult>((resolve, reject) => {
      const page = this.#preparing.then(() => preparePage(input.image, this.#dpi));
      this.#preparing = page.catch(() => undefined);
      const job: Job = { input, page, options, resolve, reject };
      this.#queue.push(job);
      options.signal?.addEventListener(
        'abort',
        () => {
          this.#cancel(job);
        },
        { once: true },
      );
      this.#pump();
    });
  }

  /**
   * Recognises pages as a source yields them (a scanner's ADF batch), so OCR
   * of page n overlaps the scanning of page n+1. Results come out in source
   * order as soon as each is done; a page is queued the moment it arrives.
   */
  async *recognizeStream(
    source: AsyncIterable<OcrInput> | Iterable<OcrInput>,
    options: RecognizeOptions = {},
  ): AsyncGenerator<OcrPageResult> {
    const pending: Promise<OcrPageResult>[] = [];
    const source$ = { done: false, error: undefined as unknown };
    let wake: (() => void) | undefined;
    const notify = () => {
      wake?.();
      wake = undefined;
    };
    const feeding = (async () => {
      try {
        for await (const input of source) {
          if (options.signal?.aborted === true) break;
          const result = this.recognize(input, options);
          result.then(notify, notify);
          pending.push(result);
          notify();
        }
      } catch (error) {
        source$.error = error;
      } finally {
        source$.done = true;
        notify();
      }
    })();
    try {
      let next = 0;
      for (;;) {
        const head = pending[next];
        if (head !== undefined) {
          yield await head;
          next++;
          continue;
        }
        if (source$.done) break;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      await feeding;
      const failed = source$.error;
      if (failed !== undefined)
        throw failed instanceof Error
          ? failed
          : new Error('the page source failed', { cause: failed });
    } finally {
      // A consumer that stops early must not leave rejections unobserved.
      for (const p of pending) p.catch(() => undefined);
    }
  }

  /** Stops every worker; queued pages fail with OCR_CLOSED. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new OcrError('OCR_CLOSED'));
    await Promise.all(this.#slots.map((slot) => this.#retire(slot)));
  }

  #cancel(job: Job): void {
    const queuedAt = this.#queue.indexOf(job);
    if (queuedAt >= 0) {
      this.#queue.splice(queuedAt, 1);
      job.reject(new OcrError('OCR_CANCELLED'));
      return;
    }
    // tesseract cannot stop mid-page: drop the worker; a fresh one takes the next page.
    const slot = this.#slots.find((s) => s.job === job);
    if (slot === undefined) return;
    slot.job = undefined;
    job.reject(new OcrError('OCR_CANCELLED'));
    void this.#retire(slot).then(() => {
      this.#pump();
    });
  }

  #pump(): void {
    for (const slot of this.#slots) {
      if (this.#closed || this.#queue.length === 0) return;
      if (slot.job !== undefined) continue;
      const job = this.#queue.shift();
      if (job === undefined) return;
      slot.job = job;
      void this.#run(slot, job);
    }
  }

  async #run(slot: Slot, job: Job): Promise<void> {
    try {
      if (slot.pages >= this.#recycleAfter) await this.#retire(slot);
      const worker = await this.#workerOf(slot);
      const page = await job.page;
      if (slot.job !== job) return;
      const started = performance.now();
      const textLayer = job.options.textLayerPdf === true;
      const { data } = await worker.recognize(page.image, pageOptions(page.dpi, textLayer), {
        text: true,
        tsv: true,
        pdf: textLayer,
      });
      if (slot.job !== job) return;
      slot.pages++;
      this.#pagesDone++;
      job.resolve(pageResultOf(job.input.id, page, data, performance.now() - started));
    } catch (error) {
      if (slot.job !== job) return;
      job.reject(
        error instanceof OcrError ? error : new OcrError('OCR_ENGINE_FAILED', String(error)),
      );
      await this.#retire(slot);
    } finally {
      if (slot.job === job) slot.job = undefined;
      this.#pump();
    }
  }

  #workerOf(slot: Slot): Promise<TesseractWorker> {
    if (slot.worker === undefined) {
      const started = this.#startWorker(slot);
      slot.worker = started;
      slot.pages = 0;
      started.catch(() => {
        if (slot.worker === started) slot.worker = undefined;
      });
    }
    return slot.worker;
  }

  async #startWorker(slot: Slot): Promise<TesseractWorker> {
    this.#workersStarted++;
    // tesseract.js never settles when a model file cannot be read: say so here.
    const missing = this.modelFiles().filter((file) => !existsSync(file));
    if (missing.length > 0)
      throw new OcrError('OCR_ENGINE_FAILED', `missing OCR model ${missing.join(', ')}`);
    // With a model folder the worker reads `<modelDir>/<code>.traineddata`
    // (gzip off names the plain file); otherwise each npm package's .gz.
    const worker = await createWorker(this.#languages.join('+'), OEM.LSTM_ONLY, {
      ...tesseractPaths(),
      ...(this.#modelDir === '' ? { gzip: true } : { langPath: this.#modelDir, gzip: false }),
      cacheMethod: 'none',
      logger: (message) => {
        const job = slot.job;
        if (job !== undefined && message.status === 'recognizing text') {
          job.options.onProgress?.({ id: job.input.id, progress: message.progress });
        }
      },
      // Without a handler tesseract.js rethrows a failed job inside its message listener.
      errorHandler: () => undefined,
    });
    if (Object.keys(this.#parameters).length > 0) await worker.setParameters(this.#parameters);
    return worker;
  }

  /** The model file of each language: the bundled npm file, or `<modelDir>/<code>.traineddata`. */
  modelFiles(): string[] {
    return this.#languages.map((code) =>
      this.#modelDir === '' ? languageDataFile(code) : join(this.#modelDir, `${code}.traineddata`),
    );
  }

  async #retire(slot: Slot): Promise<void> {
    const worker = slot.worker;
    slot.worker = undefined;
    slot.pages = 0;
    if (worker === undefined) return;
    try {
      await (await worker).terminate();
    } catch {
      // A worker that never started has nothing to stop.
    }
  }
}
