/**
 * `npm run bench -- components`: receiving a component from a file and
 * assembling it, on a generated 6-page PDF of full A4 Vietnamese text pages
 * (grey JPEG page images, as a scanned PDF sent by e-mail is). Figures, each beside an
 * anchor from the same run:
 *  - `component.import` ms (split, PDF, pdftoppm rendering, thumbnails) vs
 *    pdftoppm alone rendering the same pages at the same resolution, one
 *    process per page as the import does (one process for the whole file is
 *    printed too);
 *  - import start to the last `component.ocr` done vs the same pool
 *    recognising the same renderings handed to it directly;
 *  - `assemble` of the 6 pages reversed, with their OCR already done, vs
 *    pdf-lib loading and saving the same PDF unchanged.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { OcrPool } from '../../electron/services/ocr/ocr-pool';
import {
  ComponentJobs,
  type ComponentOcrEvent,
} from '../../electron/services/components/component-jobs';
import { rasterDpi } from '../../electron/services/components/component-raster';
import { renderPage, truthTexts } from '../fixtures/ocr/vietnamese-pages';

const PAGES = 6;
const work = mkdtempSync(join(tmpdir(), 'bench-components-'));
const pool = new OcrPool({ languages: ['vie'] });
try {
  const texts = truthTexts();
  const source = await PDFDocument.create();
  for (let i = 0; i < PAGES; i++) {
    const text = texts[i % texts.length]?.text ?? '';
    // A scanned PDF as offices send them: one grey JPEG per page.
    const jpeg = await sharp(await renderPage(text, { noisy: i % 2 === 1, seed: i + 1 }))
      .jpeg({ quality: 60 })
      .toBuffer();
    source
      .addPage([595.28, 841.89])
      .drawImage(await source.embedJpg(jpeg), { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  const pdf = await source.save();
  const pdfPath = join(work, 'source.pdf');
  writeFileSync(pdfPath, pdf);
  await pool.warmUp();

  // Anchor 1: pdftoppm alone, same file, same resolution, one process per page as import runs it.
  const rasterDir = join(work, 'anchor');
  mkdirSync(rasterDir);
  const options = ['-r', String(rasterDpi), '-gray', '-jpeg', '-jpegopt', 'quality=75'];
  let t = performance.now();
  for (let page = 1; page <= PAGES; page++) {
    const stem = join(rasterDir, `r${String(page).padStart(4, '0')}`);
    execFileSync('pdftoppm', [
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      ...options,
      pdfPath,
      stem,
    ]);
  }
  const pdftoppmMs = performance.now() - t;
  // For information: one process for the whole file.
  t = performance.now();
  execFileSync('pdftoppm', [...options, pdfPath, join(work, 'whole')]);
  const wholeMs = performance.now() - t;

  // Anchor 2: the pool recognising those renderings directly.
  const renderings = readdirSync(rasterDir)
    .sort()
    .map((f) => new Uint8Array(readFileSync(join(rasterDir, f))));
  t = performance.now();
  await Promise.all(renderings.map((image, i) => pool.recognize({ id: `a${String(i)}`, image })));
  const ocrDirectMs = performance.now() - t;

  // The component path.
  let allDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allDone = resolve));
  const jobs = new ComponentJobs({
    ocr: pool,
    workDir: work,
    emit: (event: ComponentOcrEvent) => {
      if (event.pagesDone === PAGES && event.pagesTotal === PAGES) allDone();
    },
  });
  t = performance.now();
  const result = await jobs.import({
    component: 'Hồ sơ gửi qua thư điện tử',
    fileName: 'ho-so.pdf',
    mime: 'application/pdf',
    dataBase64: Buffer.from(pdf).toString('base64'),
  });
  const importMs = performance.now() - t;
  await done;
  const ocrMs = performance.now() - t;

  const order = Array.from({ length: PAGES }, (_, i) => PAGES - 1 - i);
  t = performance.now();
  const assembled = await jobs.assemble(result.jobId, order);
  const assembleMs = performance.now() - t;
  t = performance.now();
  await (await PDFDocument.load(pdf)).save();
  const roundTripMs = performance.now() - t;
  await jobs.discardAll();

  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  console.log(
    `${String(PAGES)} A4 pages, PDF ${String(pdf.length)} B, rendering at ${String(rasterDpi)} dpi, OCR pool of ${String(pool.status().size)}`,
  );
  console.log(
    `import            ${ms(importMs)}  vs pdftoppm alone, a process per page ${ms(pdftoppmMs)}  ratio ${ratio(importMs, pdftoppmMs)}  (one process for the file: ${ms(wholeMs)})`,
  );
  console.log(
    `import → OCR done ${ms(ocrMs)}  vs pool on the renderings ${ms(ocrDirectMs)}  ratio ${ratio(ocrMs, ocrDirectMs)}`,
  );
  console.log(
    `assemble reversed ${ms(assembleMs)}  vs pdf-lib load+save ${ms(roundTripMs)}  ratio ${ratio(assembleMs, roundTripMs)}  (${String(assembled.bytes.length)} B, ${String(assembled.pages.reduce((n, p) => n + p.bytes.length, 0))} B of page images)`,
  );
} finally {
  await pool.close();
  rmSync(work, { recursive: true, force: true });
}
