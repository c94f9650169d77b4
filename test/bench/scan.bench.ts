/**
 * `npm run bench -- scan`: the page pipeline on generated A4 300 dpi
 * Vietnamese text pages (TIFF, as scanimage writes them). Figures, each beside
 * an anchor from the same run:
 *  - ms per page for the whole pipeline (crop, blank check, deskew, despeckle,
 *    G4) vs the bare minimum any bitonal save costs: sharp decode + threshold
 *    + 1-bit PNG encode of the same page;
 *  - PDF bytes per page as G4 vs the same page as 1-bit PNG/Flate and as grey
 *    JPEG q40 (the two encodings pdf-lib can embed without our G4 encoder).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { buildComponentPdf, type PdfPageImage } from '../../scanners/pipeline/component-pdf';
import { processPage } from '../../scanners/pipeline/page-pipeline';
import type { ScannedPage } from '../../scanners/scanner';
import { renderTextPage } from '../fixtures/scanners/render-page';

const PAGES = 6;
const work = mkdtempSync(join(tmpdir(), 'bench-scan-'));
const pages: ScannedPage[] = [];
for (let i = 0; i < PAGES; i++) {
  const path = join(work, `p${i}.tif`);
  const png = await renderTextPage({ seed: 60 + i, skew: (i % 3) - 1, noise: 12 });
  writeFileSync(path, await sharp(png).toColourspace('b-w').withDensity(300).tiff().toBuffer());
  pages.push({ index: i, path, format: 'tiff', width: 2480, height: 3508, dpi: 300, mode: 'gray' });
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

const pipelineMs: number[] = [];
const anchorMs: number[] = [];
const g4: PdfPageImage[] = [];
const png: PdfPageImage[] = [];
const jpeg: PdfPageImage[] = [];
for (const page of pages) {
  let started = performance.now();
  const result = await processPage(page, { outDir: join(work, 'clean') });
  pipelineMs.push(performance.now() - started);
  if (result.image) g4.push(result.image);

  started = performance.now();
  const bitonal = await sharp(page.path)
    .threshold(128)
    .png({ palette: true, colours: 2, dither: 0, compressionLevel: 9 })
    .toBuffer();
  anchorMs.push(performance.now() - started);
  png.push({ format: 'png', bytes: bitonal, dpi: 300, width: page.width, height: page.height });
  const grey = await sharp(page.path)
    .toColourspace('b-w')
    .jpeg({ quality: 40, mozjpeg: true })
    .toBuffer();
  jpeg.push({ format: 'jpeg', bytes: grey, dpi: 300, width: page.width, height: page.height });
}

const perPage = async (images: readonly PdfPageImage[], name: string): Promise<number> => {
  const pdf = await buildComponentPdf(images);
  const path = join(work, `${name}.pdf`);
  writeFileSync(path, pdf.bytes);
  return statSync(path).size / images.length;
};
const g4Bytes = await perPage(g4, 'g4');
const pngBytes = await perPage(png, 'png');
const jpegBytes = await perPage(jpeg, 'jpeg');

const pipeline = median(pipelineMs);
const anchor = median(anchorMs);
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
console.log(`pages: ${PAGES} A4 300 dpi text pages, skew -1..1°, noise 12`);
console.log(
  `pipeline: ${pipeline.toFixed(0)} ms/page (${(60_000 / pipeline).toFixed(1)} pages/min on one core)`,
);
console.log(
  `anchor (sharp threshold + 1-bit PNG): ${anchor.toFixed(0)} ms/page; ratio pipeline/anchor ${(pipeline / anchor).toFixed(2)}x`,
);
console.log(
  `PDF bytes/page: G4 ${kb(g4Bytes)} | 1-bit PNG ${kb(pngBytes)} (G4/PNG ${(g4Bytes / pngBytes).toFixed(2)}) | grey JPEG q40 ${kb(jpegBytes)} (G4/JPEG ${(g4Bytes / jpegBytes).toFixed(2)})`,
);
console.log(`target ≤ 100 KB/page: ${g4Bytes <= 100 * 1024 ? 'met' : 'MISSED'}`);
rmSync(work, { recursive: true, force: true });
if (g4Bytes > 100 * 1024) process.exit(1);
