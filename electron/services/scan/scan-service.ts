import { join } from 'node:path';
import sharp from 'sharp';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { ScanPageSchema, ScanResultSchema, scanEvents } from '../../api/contract/scan';
import { KioskError } from '../../api/errors';
import type {
  OutputProfile,
  PageCleaner,
  ProcessedPage,
} from '../../../scanners/pipeline/page-pipeline';
import { scanComponent } from '../../../scanners/pipeline/scan-component';
import type { DeviceList, ScannerRegistry } from '../../../scanners/scanner-registry';
import type { ColourMode, ScanProgress, ScanSource } from '../../../scanners/scanner';
import { toKioskError } from './scan-errors';

export type ScanPageEvent = z.infer<typeof ScanPageSchema>;
export type ScanProgressEvent = z.infer<(typeof scanEvents)['scan.progress']>;
export type ScanResult = z.infer<typeof ScanResultSchema>;

/** Where the service publishes `scan.page` and `scan.progress` (the EventHub in the app). */
export interface ScanEvents {
  page(page: ScanPageEvent): void;
  progress(progress: ScanProgressEvent): void;
}

/**
 * A batch that ended with pages kept. Its PDF is not built here: the
 * component jobs build it once, at save, in the clerk's order with OCR text.
 */
export interface ScannedComponentFile {
  readonly jobId: string;
  /** Pages a PDF of this batch would have (blank pages removed). */
  readonly pageCount: number;
  readonly component?: string;
}

export interface ScanServiceDeps {
  readonly registry: ScannerRegistry;
  /** Job folders (page files, cleaned pages) are made under here. */
  readonly workDir: string;
  readonly events: ScanEvents;
  /** Told when a batch ends with pages kept. */
  readonly onComponent?: (file: ScannedComponentFile) => void;
  /**
   * Told about each cleaned page as soon as it exists (`page.image.path` is a
   * PNG/JPEG file), so OCR can start while the feeder is still running.
   */
  readonly onPage?: (jobId: string, page: ProcessedPage) => void;
  /** Where pages are cleaned (the core's page worker pool); on this thread when absent. */
  readonly pageCleaner?: PageCleaner;
}

export interface StartScan {
  readonly device: string;
  readonly source?: ScanSource | undefined;
  readonly resolution?: number | undefined;
  readonly mode?: ColourMode | undefined;
  readonly maxPages?: number | undefined;
  readonly profile?: OutputProfile | undefined;
  readonly removeBlank?: boolean | undefined;
  readonly component?: string | undefined;
}

/**
 * The scanning service behind `scan.*`: device list (cached; one offline
 * scanner never hides the others), one batch at a time through the page
 * pipeline, progress and page events, cancel.
 */
export class ScanService {
  readonly #registry: ScannerRegistry;
  readonly #workDir: string;
  readonly #events: ScanEvents;
  readonly #onComponent: ((file: ScannedComponentFile) => void) | undefined;
  readonly #onPage: ((jobId: string, page: ProcessedPage) => void) | undefined;
  readonly #pageCleaner: PageCleaner | undefined;
  #devices: DeviceList | null = null;
  #current: AbortController | null = null;

  constructor(deps: ScanServiceDeps) {
    this.#registry = deps.registry;
    this.#workDir = deps.workDir;
    this.#events = deps.events;
    this.#onComponent = deps.onComponent;
    this.#onPage = deps.onPage;
    this.#pageCleaner = deps.pageCleaner;
  }

  async devices(refresh = false): Promise<DeviceList> {
    if (refresh || this.#devices === null) this.#devices = await this.#registry.listDevices();
    return this.#devices;
  }

  cancel(): boolean {
    if (!this.#current) return false;
    this.#current.abort();
    return true;
  }

  async start(request: StartScan): Promise<ScanResult> {
    if (this.#current) throw new KioskError('SCAN_BUSY', 'a scan is already running');
    const controller = new AbortController();
    this.#current = controller;
    const jobId = uuidv7();
    const dir = join(this.#workDir, 'scan-jobs', jobId);
    const pages = new Map<number, ScanPageEvent>();
    try {
      const scan = this.#registry.scan(request.device, {
        outDir: join(dir, 'pages'),
        signal: controller.signal,
        onProgress: (p: ScanProgress) => {
          this.#events.progress({ jobId, ...p });
        },
        ...(request.source === undefined ? {} : { source: request.source }),
        ...(request.resolution === undefined ? {} : { resolution: request.resolution }),
        ...(request.mode === undefined ? {} : { mode: request.mode }),
        ...(request.maxPages === undefined ? {} : { maxPages: request.maxPages }),
      });
      const pending: Promise<void>[] = [];
      const component = await scanComponent(scan, {
        outDir: join(dir, 'clean'),
        buildPdf: false,
        ...(this.#pageCleaner ? { cleaner: this.#pageCleaner } : {}),
        ...(request.profile === undefined ? {} : { profile: request.profile }),
        ...(request.removeBlank === undefined ? {} : { removeBlank: request.removeBlank }),
        ...(request.component === undefined ? {} : { title: request.component }),
        onPage: (page) => {
          this.#onPage?.(jobId, page);
          pending.push(
            pageEvent(jobId, page).then((event) => {
              pages.set(page.index, event);
              this.#events.page(event);
            }),
          );
        },
      });
      await Promise.all(pending);
      if (component.error && component.pages.length === 0) throw toKioskError(component.error);
      if (component.keptPages > 0) {
        this.#onComponent?.({
          jobId,
          pageCount: component.keptPages,
          ...(request.component === undefined ? {} : { component: request.component }),
        });
      }
      const stop = component.error;
      const sorted = [...pages.values()].sort((a, b) => a.index - b.index);
      return {
        jobId,
        pages: sorted,
        pdf: keptSummary(component.keptPages, sorted),
        stopped: stop ? { code: stop.code, vi: stop.text('vi'), en: stop.text('en') } : null,
      };
    } catch (error) {
      // The page pipeline (sharp) can fail on a page it cannot analyse, e.g. a
      // tiny 50 dpi test image: the clerk gets SCAN_FAILED with what to do,
      // not an INTERNAL error.
      if (error instanceof KioskError) throw error;
      const typed = toKioskError(error);
      if (typed instanceof KioskError) throw typed;
      throw new KioskError(
        'SCAN_FAILED',
        `page pipeline: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      this.#current = null;
    }
  }
}

/** The pages the component PDF will hold, and the bytes their images add; null when none. */
export function keptSummary(pageCount: number, pages: readonly ScanPageEvent[]): ScanResult['pdf'] {
  if (pageCount === 0) return null;
  return {
    pageCount,
    bytes: Math.max(
      1,
      pages.reduce((sum, page) => sum + page.bytes, 0),
    ),
  };
}

async function pageEvent(jobId: string, page: ProcessedPage): Promise<ScanPageEvent> {
  let thumbnail: string | null = null;
  try {
    const jpeg = await sharp(page.image?.file ?? page.source)
      .resize({ width: 160 })
      .jpeg({ quality: 60 })
      .toBuffer();
    thumbnail = `data:image/jpeg;base64,${jpeg.toString('base64')}`;
  } catch {
    // A PDF page copied as is has no raster preview here; the screen shows a placeholder.
  }
  return {
    jobId,
    index: page.index,
    blank: page.blank,
    skewDegrees: page.skewDegrees,
    width: page.image?.width ?? page.crop.width,
    height: page.image?.height ?? page.crop.height,
    dpi: page.image?.dpi ?? 72,
    bytes: page.blank ? 0 : (page.image?.bytes.length ?? 0),
    thumbnail,
  };
}
