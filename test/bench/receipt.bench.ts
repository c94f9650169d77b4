/**
 * `npm run bench -- receipt`: the receipt PDF (Mẫu 01, two copies). Figures,
 * each beside an anchor from the same run:
 *  - ms per receipt (2 and 40 components, warm) vs pdf-lib drawing the same
 *    lines (as pdftotext reads them back, diacritics folded to ASCII) with a
 *    standard font on the same number of pages;
 *  - the first receipt of a process (font files read and parsed) vs warm;
 *  - PDF bytes vs the anchor's.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { ReceiptData } from '../../electron/services/receipt';
import { renderReceipt } from '../../electron/services/receipt';
import { sampleReceipt } from '../fixtures/receipt/sample-receipt';

const RUNS = 20;
const work = mkdtempSync(join(tmpdir(), 'bench-receipt-'));

const base = sampleReceipt;
const long: ReceiptData = {
  ...base,
  components: Array.from({ length: 40 }, (_, i) => ({
    name: `Thành phần hồ sơ số ${String(i + 1)}: bản sao có chứng thực giấy tờ chứng minh quan hệ nhân thân`,
    originals: 1,
    copies: 1,
  })),
};

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '-');

/** pdf-lib with Times-Roman drawing the given pages of lines, as our receipt lays them out. */
async function anchor(pages: readonly (readonly string[])[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (const lines of pages) {
    const page = doc.addPage([595.28, 841.89]);
    let y = 790;
    for (const line of lines) {
      page.drawText(fold(line).trim(), { x: 71, y, size: 11, font });
      y -= 15;
    }
  }
  return doc.save();
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

try {
  const cold = await time(() => renderReceipt(base));
  for (const [label, data] of [
    ['2 components', base],
    ['40 components', long],
  ] as const) {
    const sample = await renderReceipt(data);
    const file = join(work, 'r.pdf');
    writeFileSync(file, sample);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = text
      .split('\f')
      .filter((p) => p.trim() !== '')
      .map((p) => p.split('\n').filter((l) => l.trim() !== ''));
    let ours = 0;
    let theirs = 0;
    let anchorBytes = 0;
    for (let i = 0; i < RUNS; i += 1) {
      ours += (await time(() => renderReceipt(data))).ms;
      const a = await time(() => anchor(pages));
      theirs += a.ms;
      anchorBytes = a.value.length;
    }
    const msOurs = ours / RUNS;
    const msAnchor = theirs / RUNS;
    console.log(
      `${label}: ${String(pages.length)} pages, ${msOurs.toFixed(1)} ms/receipt vs anchor ${msAnchor.toFixed(1)} ms` +
        ` (standard font, same lines) = ${(msOurs / msAnchor).toFixed(1)}x;` +
        ` ${String(sample.length)} B vs ${String(anchorBytes)} B = ${(sample.length / anchorBytes).toFixed(1)}x`,
    );
    if (label === '2 components') {
      console.log(
        `first receipt of the process: ${cold.ms.toFixed(0)} ms vs warm ${msOurs.toFixed(1)} ms = ${(cold.ms / msOurs).toFixed(1)}x`,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
