import { execFile } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { KioskError } from '../../api/errors';

/**
 * Renders pages at OCR's resolution: the pool would bring anything finer
 * down to it. The rendering is also the page image the store keeps, so it is
 * a grey JPEG: a 200 dpi PNG of a scanned page is megabytes.
 */
export const rasterDpi = 200;

/** The longest side a rendering may have: an A3 page at 200 dpi. */
const maxRasterSide = 3400;

/**
 * The resolution to render a PDF at, from its pages' sizes in points
 * (1/72 inch): `rasterDpi`, lowered so that a poster-sized page cannot
 * become a rendering of hundreds of megapixels.
 */
export function rasterDpiFor(pages: readonly { width: number; height: number }[]): number {
  const longest = Math.max(1, ...pages.map((page) => Math.max(page.width, page.height)));
  return Math.max(36, Math.min(rasterDpi, Math.floor((maxRasterSide * 72) / longest)));
}

export interface RasterOptions {
  /** Default `rasterDpi`. */
  readonly dpi?: number;
  readonly signal?: AbortSignal;
  /** Kills pdftoppm when one page takes longer; default 60 s. */
  readonly pageTimeoutMs?: number;
  /** Told about each page as soon as its rendering exists, so OCR can start on it. */
  readonly onPage?: (pageIndex: number, path: string) => void;
}

/**
 * Renders each page of a PDF to a grey JPEG with poppler's pdftoppm, one
 * process per page, for thumbnails and OCR; the PDF itself is not changed.
 * Returns the JPEG paths in page order.
 *
 * pdftoppm rather than pdfjs-dist: an imported PDF is untrusted input, and a
 * separate process can be killed on a timeout and cannot take the main
 * process down with it; poppler also renders fonts and JPX/JBIG2 images
 * natively without a canvas module in the main process. One process per
 * page lets OCR of page 1 run while page 2 renders.
 */
export async function rasterisePdf(
  pdfPath: string,
  outDir: string,
  pageCount: number,
  options: RasterOptions = {},
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const paths: string[] = [];
  for (let page = 1; page <= pageCount; page++) {
    const stem = join(outDir, `r${String(page).padStart(4, '0')}`);
    const args = [
      ...['-f', String(page), '-l', String(page), '-singlefile'],
      ...['-r', String(options.dpi ?? rasterDpi), '-gray', '-jpeg', '-jpegopt', 'quality=75'],
      ...[pdfPath, stem],
    ];
    await pdftoppm(args, options);
    const path = `${stem}.jpg`;
    const made = await stat(path).then(
      (info) => info.size > 0,
      () => false,
    );
    if (!made)
      throw new KioskError('SCAN_BAD_FILE', `page ${String(page)} of the PDF did not render`);
    paths.push(path);
    options.onPage?.(page - 1, path);
  }
  return paths;
}

function pdftoppm(args: readonly string[], options: RasterOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    execFile(
      'pdftoppm',
      args,
      {
        timeout: options.pageTimeoutMs ?? 60_000,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        maxBuffer: 1024 * 1024,
      },
      (error, _stdout, stderr) => {
        if (error === null) {
          resolve();
          return;
        }
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          reject(
            new KioskError(
              'SCAN_BACKEND_MISSING',
              'pdftoppm is missing: install poppler-utils to import PDF files',
            ),
          );
        else if (options.signal?.aborted === true)
          reject(new KioskError('CANCELLED', 'rendering the PDF was cancelled'));
        else
          reject(
            new KioskError(
              'SCAN_BAD_FILE',
              `the PDF could not be rendered: ${stderr.trim().slice(0, 300) || error.message}`,
            ),
          );
      },
    );
  });
}
