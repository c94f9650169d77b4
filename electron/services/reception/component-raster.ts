import { execFile } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { KioskError } from '../../api/errors';

/** Renders pages at OCR's resolution: the pool would bring anything finer down to it. */
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
  /** Kills pdftoppm after this long; default 10 minutes (a 500-page file). */
  readonly timeoutMs?: number;
}

/**
 * Renders every page of a PDF to a grey PNG with poppler's
 * pdftoppm, for thumbnails and OCR; the PDF itself is not changed. Returns
 * the PNG paths in page order.
 *
 * pdftoppm rather than pdfjs-dist: an imported PDF is untrusted input, and a
 * separate process can be killed on a timeout and cannot take the main
 * process down with it; poppler also renders fonts and JPX/JBIG2 images
 * natively without a canvas module in the main process.
 */
export async function rasterisePdf(
  pdfPath: string,
  outDir: string,
  options: RasterOptions = {},
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const prefix = join(outDir, 'r');
  const args = ['-r', String(options.dpi ?? rasterDpi), '-gray', '-png', pdfPath, prefix];
  await new Promise<void>((resolve, reject) => {
    execFile(
      'pdftoppm',
      args,
      {
        timeout: options.timeoutMs ?? 600_000,
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
  // pdftoppm names pages r-1.png … or r-01.png … depending on the page count.
  const numbered = (await readdir(outDir))
    .map((name) => ({ name, page: /^r-(\d+)\.png$/.exec(name)?.[1] }))
    .filter((entry): entry is { name: string; page: string } => entry.page !== undefined)
    .sort((a, b) => Number(a.page) - Number(b.page));
  return numbered.map((entry) => join(outDir, entry.name));
}
