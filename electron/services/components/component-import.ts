import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { ComponentImportSchema } from '../../api/contract/reception';
import type { ScanPageSchema } from '../../api/contract/scan';
import { KioskError } from '../../api/errors';
import { importFiles } from '../../../scanners/import/import-files';
import type {
  OutputProfile,
  PageCleaner,
  ProcessedPage,
} from '../../../scanners/pipeline/page-pipeline';
import { scanComponent } from '../../../scanners/pipeline/scan-component';
import { keptSummary, type ScanResult } from '../scan/scan-service';
import { toKioskError } from '../scan/scan-errors';
import { checkImportFile, extensionOf } from './component-file-check';
import { pageSourceOf, type ComponentJob } from './component-job';
import { rasterDpiFor, rasterisePdf } from './component-raster';

type ScanPageEvent = z.infer<typeof ScanPageSchema>;

/** The most pages one component may have (what `dossier.create`'s pageOrder can list). */
export const maxImportPages = 500;

export interface ImportTarget {
  /** `<workDir>/scan-jobs`. */
  readonly jobsDir: string;
  /** The job's folder is about to exist (a sweep must leave it alone until `ended`). */
  readonly started: (jobId: string) => void;
  /** Makes the job known (its OCR starts as pages are added). */
  readonly register: (jobId: string) => ComponentJob;
  readonly forget: (jobId: string) => void;
  readonly ended: (jobId: string) => void;
  /** Where an image's page is cleaned (the core's page worker pool); here when absent. */
  readonly cleaner?: PageCleaner;
}

/**
 * Takes one file in as a component job, like a scan: an image goes through
 * the page pipeline (cleaned, blank check, deskew, compressed for the
 * PDF built at save); a PDF's pages are kept as they are and rendered only
 * for thumbnails and OCR. A bad file leaves nothing behind.
 */
export async function importComponent(
  request: z.output<typeof ComponentImportSchema>,
  target: ImportTarget,
): Promise<ScanResult> {
  const bytes = checkImportFile(request.dataBase64, request.mime);
  const profile =
    request.mime === 'application/pdf' ? await checkPdf(bytes) : await profileOf(bytes);
  const jobId = uuidv7();
  const dir = join(target.jobsDir, jobId);
  let registered = false;
  target.started(jobId);
  try {
    // Owner-only: the citizen's document in plaintext until the dossier is saved sealed.
    await mkdir(join(dir, 'upload'), { recursive: true, mode: 0o700 });
    const file = join(dir, 'upload', `source${extensionOf(request.mime)}`);
    await writeFile(file, bytes, { mode: 0o600 });
    const built = await scanComponent(importFiles([file], { outDir: join(dir, 'pages') }), {
      outDir: join(dir, 'clean'),
      buildPdf: false,
      ...(profile === 'pdf' ? {} : { profile }),
      ...(target.cleaner ? { cleaner: target.cleaner } : {}),
    });
    if (built.error) throw built.error;
    if (built.keptPages === 0)
      throw new KioskError('SCAN_BAD_FILE', 'the file has no page with content (every page blank)');
    const dpi = rasterDpiFor(built.pages.map((page) => page.crop));
    const job = target.register(jobId);
    registered = true;
    const pages = built.pages;
    let rasters: string[] | undefined;
    if (request.mime === 'application/pdf') {
      job.expectPages(built.keptPages);
      // Each page's OCR starts as soon as it is rendered, while the next one renders.
      rasters = await rasterisePdf(file, join(dir, 'raster'), built.keptPages, {
        dpi,
        onPage: (i, path) => {
          const page = pages[i];
          if (page !== undefined) job.addPage(page.index, pageSourceOf(page), path);
        },
      });
      if (rasters.length !== pages.length)
        throw new KioskError('SCAN_BAD_FILE', 'the PDF could not be split page by page');
    } else {
      for (const page of pages) job.addPage(page.index, pageSourceOf(page), page.image);
    }
    // One thumbnail per page, made here once; the screen keeps it.
    const events = await Promise.all(
      pages.map((page, i) => pageEvent(jobId, page, rasters?.[i], dpi)),
    );
    job.finish(request.component);
    return { jobId, pages: events, pdf: keptSummary(built.keptPages, events), stopped: null };
  } catch (error) {
    if (registered) target.forget(jobId);
    await rm(dir, { recursive: true, force: true });
    const typed = toKioskError(error);
    if (typed instanceof KioskError) throw typed;
    throw new KioskError(
      'SCAN_BAD_FILE',
      `the file could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    target.ended(jobId);
  }
}

/**
 * Parses a PDF in memory before anything is written: unreadable, encrypted
 * and over-long files are refused here, not after their pages were split.
 */
async function checkPdf(bytes: Uint8Array): Promise<'pdf'> {
  let pages: number;
  try {
    pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
  } catch (error) {
    throw new KioskError(
      'SCAN_BAD_FILE',
      `the PDF could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (pages === 0) throw new KioskError('SCAN_BAD_FILE', 'the PDF has no page');
  if (pages > maxImportPages)
    throw new KioskError(
      'SCAN_BAD_FILE',
      `the PDF has ${String(pages)} pages; at most ${String(maxImportPages)} fit one component`,
    );
  return 'pdf';
}

/** A pixel whose strongest and weakest channels differ this much is coloured ink, not a tint of the paper. */
const saturatedSpread = 60;
/** Share of coloured pixels from which a page is kept in colour (a seal is about 0.5% of A4). */
const colourShare = 0.001;

/**
 * How an imported image is kept: a page with coloured ink stays in colour
 * (a red seal, a portrait photo); any other page becomes a 1-bit text page
 * as a scan would, even when its file is RGB. Looks at a 300-pixel-wide
 * copy; a file sharp cannot read is SCAN_BAD_FILE before anything is written.
 */
async function profileOf(bytes: Uint8Array): Promise<OutputProfile> {
  try {
    const { data, info } = await sharp(bytes)
      .resize({ width: 300, withoutEnlargement: true })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels < 3) return 'bitonal';
    let coloured = 0;
    for (let i = 0; i + 2 < data.length; i += info.channels) {
      const r = data[i] ?? 0;
      const g = data[i + 1] ?? 0;
      const b = data[i + 2] ?? 0;
      if (Math.max(r, g, b) - Math.min(r, g, b) > saturatedSpread) coloured++;
    }
    return coloured > colourShare * info.width * info.height ? 'color' : 'bitonal';
  } catch (error) {
    throw new KioskError(
      'SCAN_BAD_FILE',
      `the image could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The page as `scan.page` describes it; a PDF page is described by its rendering. */
async function pageEvent(
  jobId: string,
  page: ProcessedPage,
  raster: string | undefined,
  rasterDpi: number,
): Promise<ScanPageEvent> {
  const picture = raster ?? page.image?.file ?? page.source;
  let thumbnail: string | null = null;
  let width = page.image?.width ?? page.crop.width;
  let height = page.image?.height ?? page.crop.height;
  try {
    const preview = sharp(picture);
    if (raster !== undefined) {
      const meta = await preview.metadata();
      width = meta.width;
      height = meta.height;
    }
    const jpeg = await preview.resize({ width: 160 }).jpeg({ quality: 60 }).toBuffer();
    thumbnail = `data:image/jpeg;base64,${jpeg.toString('base64')}`;
  } catch {
    // No preview: the screen shows a placeholder; the page itself is fine.
  }
  const bytes =
    raster !== undefined
      ? (await stat(page.source)).size
      : page.blank
        ? 0
        : (page.image?.bytes.length ?? 0);
  return {
    jobId,
    index: page.index,
    blank: page.blank,
    skewDegrees: page.skewDegrees,
    width,
    height,
    dpi: raster !== undefined ? rasterDpi : (page.image?.dpi ?? 72),
    bytes,
    thumbnail,
  };
}
