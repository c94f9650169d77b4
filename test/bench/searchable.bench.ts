/**
 * `npm run bench -- searchable`: the component PDF as the kiosk now saves
 * it (built once at save, clerk's order, invisible OCR text layer) on 6
 * generated A4 300 dpi Vietnamese text pages fed through the scan path,
 * beside the PDF the scan-time build made before (the same pipeline pages,
 * image only) in the same run: size per page, build time, and the share of
 * the truth's words `pdftotext` finds.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OcrPool } from '../../electron/services/ocr/ocr-pool';
import { ComponentJobs } from '../../electron/services/components/component-jobs';
import { ScanService } from '../../electron/services/scan/scan-service';
import { buildComponentPdf, type PdfPageImage } from '../../scanners/pipeline/component-pdf';
import { ScannerRegistry } from '../../scanners/scanner-registry';
import { renderPage, truthTexts } from '../fixtures/ocr/vietnamese-pages';
import { SHEET_FEEDER_DEVICE, sheetFeeder } from '../support/sheet-feeder';

const PAGES = 6;
const work = mkdtempSync(join(tmpdir(), 'bench-searchable-'));
const pool = new OcrPool({ languages: ['vie'] });
try {
  const texts = truthTexts();
  const sheets = join(work, 'sheets');
  mkdirSync(sheets);
  const files: string[] = [];
  const truths: string[] = [];
  for (let i = 0; i < PAGES; i++) {
    const text = texts[i % texts.length]?.text ?? '';
    const file = join(sheets, `${String(i).padStart(2, '0')}.png`);
    writeFileSync(file, await renderPage(text, { noisy: i % 2 === 1, seed: i + 1 }));
    files.push(file);
    truths.push(text);
  }
  await pool.warmUp();
  let allDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allDone = resolve));
  const jobs = new ComponentJobs({
    ocr: pool,
    workDir: work,
    emit: (event) => {
      if (event.pagesDone === PAGES && event.pagesTotal === PAGES) allDone();
    },
  });
  const images = new Map<number, PdfPageImage>();
  const scan = new ScanService({
    registry: new ScannerRegistry([sheetFeeder(files)]),
    workDir: work,
    events: { page: () => undefined, progress: () => undefined },
    onPage: (jobId, page) => {
      if (page.image !== undefined) images.set(page.index, page.image);
      jobs.onScanPage(jobId, page);
    },
    onComponent: jobs.onScanComponent,
  });
  const result = await scan.start({ device: SHEET_FEEDER_DEVICE, component: 'Hồ sơ' });
  await done;
  const order = Array.from({ length: PAGES }, (_, i) => PAGES - 1 - i);

  let t = performance.now();
  const assembled = await jobs.assemble(result.jobId, order);
  const searchableMs = performance.now() - t;
  // Anchor: what the scan-time build produced before, the same pages without text.
  t = performance.now();
  const imageOnly = await buildComponentPdf(
    order.map((i) => images.get(i)!),
    { title: 'Hồ sơ' },
  );
  const imageOnlyMs = performance.now() - t;

  const path = join(work, 'component.pdf');
  writeFileSync(path, assembled.bytes);
  let found = 0;
  let total = 0;
  for (const [position, index] of order.entries()) {
    const page = String(position + 1);
    const text = execFileSync('pdftotext', ['-f', page, '-l', page, path, '-'], {
      encoding: 'utf8',
    }).normalize('NFC');
    const words = new Set(text.split(/\s+/));
    for (const word of (truths[index] ?? '').normalize('NFC').split(/\s+/)) {
      if (word === '') continue;
      total++;
      if (words.has(word)) found++;
    }
  }
  await jobs.discardAll();
  const kb = (bytes: number) => `${(bytes / PAGES / 1024).toFixed(1)} KB/page`;
  console.log(`${String(PAGES)} A4 300 dpi text pages through the scan path, saved reversed`);
  console.log(
    `searchable (built once at save) ${kb(assembled.bytes.length)} vs image only (the old scan-time build) ${kb(imageOnly.bytes.length)}  ratio ${(assembled.bytes.length / imageOnly.bytes.length).toFixed(2)}  (goal <= 100 KB/page)`,
  );
  console.log(
    `build at save ${searchableMs.toFixed(0)} ms vs image-only build ${imageOnlyMs.toFixed(0)} ms  ratio ${(searchableMs / imageOnlyMs).toFixed(2)}`,
  );
  console.log(
    `pdftotext finds ${String(found)} of ${String(total)} truth words (${((found / total) * 100).toFixed(1)} %); the image-only PDF: 0`,
  );
} finally {
  await pool.close();
  rmSync(work, { recursive: true, force: true });
}
