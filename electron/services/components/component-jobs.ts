import { chmodSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { ComponentImportSchema, ComponentOcrSchema } from '../../api/contract/reception';
import { KioskError } from '../../api/errors';
import type { ComponentPdfBuilder } from '../../../scanners/pipeline/component-pdf';
import type { PageCleaner, ProcessedPage } from '../../../scanners/pipeline/page-pipeline';
import type { OcrPool } from '../ocr/ocr-pool';
import type { ScannedComponentFile, ScanResult } from '../scan/scan-service';
import { assembleComponent, type AssembledComponent } from './component-assemble';
import { importComponent } from './component-import';
import { ComponentJob, pageSourceOf, type JobLog } from './component-job';

export type ComponentOcrEvent = z.infer<typeof ComponentOcrSchema>;
export type ComponentImportRequest = z.output<typeof ComponentImportSchema>;
export type { AssembledComponent } from './component-assemble';

export interface ComponentJobsDeps {
  readonly ocr: Pick<OcrPool, 'recognize'>;
  /** The same folder the ScanService was given: jobs are `<workDir>/scan-jobs/<jobId>/`. */
  readonly workDir: string;
  /** Publishes `component.ocr` (the EventHub in the app). */
  readonly emit: (event: ComponentOcrEvent) => void;
  /**
   * Milliseconds for job ages; default a monotonic clock, so a wall-clock
   * correction (a kiosk's RTC set by NTP) neither sweeps live jobs nor keeps old ones.
   */
  readonly now?: () => number;
  /** A job untouched this long is removed with its files; default 12 hours. */
  readonly maxAgeMs?: number;
  /** The longest `assemble` waits for a page's OCR before saving it with ''; default 120 s. */
  readonly ocrWaitMs?: number;
  readonly log?: JobLog;
  /** Where imported images are cleaned (the core's page worker pool); here when absent. */
  readonly pageCleaner?: PageCleaner;
  /** Where component PDFs are built at save (the same pool); here when absent. */
  readonly pdfBuilder?: ComponentPdfBuilder;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const defaultMaxAgeMs = 12 * 60 * 60 * 1000;
const defaultOcrWaitMs = 120_000;

/**
 * The core's memory of the dossier components being received: each scan or
 * import job's pages (the indices the screen saw), what each page puts in
 * the component PDF, and the OCR of each page, started the moment the page
 * exists. `dossier.create` takes a
 * job's pages in the order the clerk kept with `assemble`; a job is removed
 * by `discard`, at session end by `discardAll`, or by the age sweep.
 */
export class ComponentJobs {
  readonly #ocr: Pick<OcrPool, 'recognize'>;
  readonly #jobsDir: string;
  readonly #emit: (event: ComponentOcrEvent) => void;
  readonly #now: () => number;
  readonly #maxAgeMs: number;
  readonly #ocrWaitMs: number;
  readonly #log: JobLog | undefined;
  readonly #jobs = new Map<string, ComponentJob>();
  /** Imports still being built: their folders exist before their jobs do. */
  readonly #importing = new Set<string>();
  #lastSweep = 0;
  #sweeping: Promise<unknown> = Promise.resolve();

  readonly #pageCleaner: PageCleaner | undefined;
  readonly #pdfBuilder: ComponentPdfBuilder | undefined;

  constructor(deps: ComponentJobsDeps) {
    this.#ocr = deps.ocr;
    this.#jobsDir = join(deps.workDir, 'scan-jobs');
    this.#emit = deps.emit;
    this.#now = deps.now ?? (() => performance.timeOrigin + performance.now());
    this.#maxAgeMs = Math.max(60_000, deps.maxAgeMs ?? defaultMaxAgeMs);
    this.#ocrWaitMs = Math.max(0, deps.ocrWaitMs ?? defaultOcrWaitMs);
    this.#log = deps.log;
    this.#pageCleaner = deps.pageCleaner;
    this.#pdfBuilder = deps.pdfBuilder;
  }

  /**
   * Start-up, before any scan: jobs live in memory, so every job folder on
   * disk is a crashed run's plaintext scan or upload; it is removed, and the
   * jobs folder (and the work folder above it) made owner-only, so files
   * written inside by scanimage, pdftoppm or the pipeline are unreadable by
   * other users whatever their own mode. Returns how many folders went.
   */
  recoverAtStartup(): number {
    for (const dir of [join(this.#jobsDir, '..'), this.#jobsDir]) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      chmodSync(dir, 0o700);
    }
    const names = readdirSync(this.#jobsDir);
    for (const name of names) rmSync(join(this.#jobsDir, name), { recursive: true, force: true });
    return names.length;
  }

  /** ScanService's `onPage`: records the page and starts its OCR at once. */
  readonly onScanPage = (jobId: string, page: ProcessedPage): void => {
    this.#jobOf(jobId).addPage(page.index, pageSourceOf(page), page.image);
  };

  /** ScanService's `onComponent`: the batch ended with pages kept. */
  readonly onScanComponent = (file: ScannedComponentFile): void => {
    this.#jobOf(file.jobId).finish(file.component);
  };

  /** `component.import`: a PDF, JPEG or PNG becomes a job like a scan; OCR of its pages starts. */
  async import(request: ComponentImportRequest): Promise<ScanResult> {
    this.#sweepSometimes();
    return importComponent(request, {
      jobsDir: this.#jobsDir,
      started: (jobId) => this.#importing.add(jobId),
      register: (jobId) => this.#jobOf(jobId),
      forget: (jobId) => {
        this.#jobs.get(jobId)?.discard();
        this.#jobs.delete(jobId);
      },
      ended: (jobId) => this.#importing.delete(jobId),
      ...(this.#pageCleaner ? { cleaner: this.#pageCleaner } : {}),
    });
  }

  /** Whether the job's files exist to be assembled (scan finished or import done). */
  has(jobId: string): boolean {
    return this.#jobs.get(jobId)?.finished === true;
  }

  /**
   * Removes the job and its files. A job this instance never heard of (a
   * scan that failed before its first page) still has its folder removed
   * when the id is one the scan service makes. False when nothing was there.
   */
  async discard(jobId: string): Promise<boolean> {
    const job = this.#jobs.get(jobId);
    if (job === undefined) {
      // Only a UUID names a folder: a renderer's '../x' never reaches the file system.
      if (!uuid.test(jobId) || this.#importing.has(jobId)) return false;
      const dir = join(this.#jobsDir, jobId);
      const there = await stat(dir).then(
        (info) => info.isDirectory(),
        () => false,
      );
      if (there) await rm(dir, { recursive: true, force: true });
      return there;
    }
    this.#jobs.delete(jobId);
    job.discard();
    await rm(job.dir, { recursive: true, force: true });
    return true;
  }

  /**
   * Session end: every job is forgotten and every job folder removed,
   * including any left on disk by an earlier run. Returns how many folders went.
   */
  async discardAll(): Promise<number> {
    for (const job of this.#jobs.values()) job.discard();
    this.#jobs.clear();
    const names = await this.#folders();
    await Promise.all(
      names.map((name) => rm(join(this.#jobsDir, name), { recursive: true, force: true })),
    );
    return names.length;
  }

  /**
   * Removes jobs older than the configured age, and job folders on disk no
   * job of this run knows whose last change is that old by the file
   * system's clock (a crash, a previous run). Returns the ids removed.
   */
  sweep(): Promise<string[]> {
    // One sweep at a time: a later one starts when the running one is done.
    const run = this.#sweeping.then(() => this.#sweepNow());
    this.#sweeping = run.catch(() => []);
    return run;
  }

  async #sweepNow(): Promise<string[]> {
    const now = this.#now();
    this.#lastSweep = now;
    const removed: string[] = [];
    for (const [jobId, job] of [...this.#jobs]) {
      if (job.touchedAt >= now - this.#maxAgeMs) continue;
      await this.discard(jobId);
      removed.push(jobId);
    }
    // mtimes are wall-clock times: compared with the wall clock, not the injected one.
    const cutoff = Date.now() - this.#maxAgeMs;
    for (const name of await this.#folders()) {
      if (this.#jobs.has(name) || this.#importing.has(name)) continue;
      const path = join(this.#jobsDir, name);
      const info = await stat(path).catch(() => undefined);
      if (info === undefined || info.mtimeMs >= cutoff) continue;
      await rm(path, { recursive: true, force: true });
      removed.push(name);
    }
    return removed;
  }

  /**
   * The component as the store takes it: its PDF built with the pages in
   * `pageOrder` (indices as the screen saw them; a page left out is
   * deleted), each page's image and OCR text. Waits for OCR at most the
   * configured time; a page whose OCR failed or is late gets ''.
   */
  async assemble(
    jobId: string,
    pageOrder: readonly number[],
    signal?: AbortSignal,
  ): Promise<AssembledComponent> {
    const job = this.#jobs.get(jobId);
    if (job?.finished !== true)
      throw new KioskError('COMPONENT_NOT_FOUND', `no finished scan or import job ${jobId}`);
    job.touch(this.#now());
    return assembleComponent(job, pageOrder, {
      ocrWaitMs: this.#ocrWaitMs,
      ...(signal === undefined ? {} : { signal }),
      ...(this.#log === undefined ? {} : { log: this.#log }),
      ...(this.#pdfBuilder === undefined ? {} : { pdfBuilder: this.#pdfBuilder }),
    });
  }

  #jobOf(jobId: string): ComponentJob {
    let job = this.#jobs.get(jobId);
    if (job === undefined) {
      this.#sweepSometimes();
      job = new ComponentJob(jobId, join(this.#jobsDir, jobId), {
        ocr: this.#ocr,
        emit: this.#emit,
        now: this.#now,
        ...(this.#log === undefined ? {} : { log: this.#log }),
      });
      this.#jobs.set(jobId, job);
    }
    job.touch(this.#now());
    return job;
  }

  #sweepSometimes(): void {
    if (this.#now() - this.#lastSweep < this.#maxAgeMs / 4) return;
    this.sweep().catch((error: unknown) => {
      this.#log?.warn({ error: String(error) }, 'component job sweep failed');
    });
  }

  async #folders(): Promise<string[]> {
    try {
      return (await readdir(this.#jobsDir, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
    } catch {
      return [];
    }
  }
}
