import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { readPageInfo } from '../page-info';
import { ScanError, type ScannedPage, type ScanProgress } from '../scanner';

export interface ImportOptions {
  /** Folder the page files are copied to (the originals are never modified). */
  readonly outDir: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ScanProgress) => void;
}

/** A4 width in inches: an image without a usable dpi is assumed to be a whole A4 page wide. */
const a4WidthInches = 210 / 25.4;

const kinds: Readonly<Record<string, 'image' | 'pdf'>> = {
  '.jpg': 'image',
  '.jpeg': 'image',
  '.png': 'image',
  '.tif': 'image',
  '.tiff': 'image',
  '.pdf': 'pdf',
};

/**
 * Imports files that arrived by e-mail or USB stick as pages, in the order
 * given: each image page (every page of a multi-page TIFF) becomes a page file
 * for the pipeline; each PDF page is split out as a one-page PDF and later
 * copied into the component PDF as is (no re-rendering, text kept).
 * Yields like a scanner, so the same component builder takes both.
 */
export async function* importFiles(
  files: readonly string[],
  options: ImportOptions,
): AsyncGenerator<ScannedPage, void, undefined> {
  await mkdir(options.outDir, { recursive: true });
  const pages: ScannedPage[] = [];
  const progress = (p: ScanProgress): void => options.onProgress?.(p);
  progress({ phase: 'starting', pagesDone: 0 });
  try {
    for (const file of files) {
      const kind = kinds[extname(file).toLowerCase()];
      if (kind === undefined)
        throw new ScanError('BAD_FILE', `${file}: not PDF, JPEG, PNG or TIFF`);
      const produced =
        kind === 'pdf'
          ? splitPdf(file, options.outDir, pages.length)
          : splitImage(file, options.outDir, pages.length);
      for await (const page of produced) {
        if (options.signal?.aborted === true) throw new ScanError('CANCELLED', 'import cancelled');
        pages.push(page);
        progress({ phase: 'page-done', pagesDone: pages.length });
        yield page;
      }
    }
    progress({ phase: 'finished', pagesDone: pages.length });
  } catch (error) {
    if (error instanceof ScanError) throw error.withPages(pages);
    throw new ScanError('BAD_FILE', error instanceof Error ? error.message : String(error), pages);
  }
}

const name = (index: number, ext: string): string =>
  `p${String(index + 1).padStart(4, '0')}.${ext}`;

async function* splitImage(
  file: string,
  outDir: string,
  first: number,
): AsyncGenerator<ScannedPage, void, undefined> {
  let meta;
  try {
    meta = await sharp(file).metadata();
  } catch (error) {
    throw new ScanError(
      'BAD_FILE',
      `${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const count = meta.pages ?? 1;
  for (let page = 0; page < count; page++) {
    const index = first + page;
    const dpi = usableDpi(meta.density, meta.width);
    let path: string;
    if (count === 1 && meta.format !== 'tiff') {
      path = join(outDir, name(index, meta.format === 'png' ? 'png' : 'jpg'));
      await copyFile(file, path);
    } else {
      path = join(outDir, name(index, 'png'));
      await sharp(file, { page }).withDensity(dpi).png().toFile(path);
    }
    const info = await readPageInfo(path, index, {});
    yield { ...info, dpi };
  }
}

/** A phone photo says 72 dpi; treat anything implausible for a page scan as "one A4 width". */
function usableDpi(density: number | undefined, width: number): number {
  if (density !== undefined && density >= 100 && density <= 1200) return Math.round(density);
  return Math.max(50, Math.round(width / a4WidthInches));
}

async function* splitPdf(
  file: string,
  outDir: string,
  first: number,
): AsyncGenerator<ScannedPage, void, undefined> {
  let source: PDFDocument;
  try {
    source = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  } catch (error) {
    throw new ScanError(
      'BAD_FILE',
      `${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  for (let i = 0; i < source.getPageCount(); i++) {
    const single = await PDFDocument.create({ updateMetadata: false });
    const [copied] = await single.copyPages(source, [i]);
    if (copied === undefined) continue;
    single.addPage(copied);
    const { width, height } = copied.getSize();
    const path = join(outDir, name(first + i, 'pdf'));
    await writeFile(path, await single.save());
    // PDF pages are measured in points (1/72 inch); no pixels until something renders them.
    yield {
      index: first + i,
      path,
      format: 'pdf',
      width: Math.round(width),
      height: Math.round(height),
      dpi: 72,
      mode: 'color',
    };
  }
}
