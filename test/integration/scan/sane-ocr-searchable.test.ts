import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characterErrorRate } from '../../../electron/services/ocr/cer';
import type { OcrPageResult } from '../../../electron/services/ocr/ocr-result';
import { OcrPool } from '../../../electron/services/ocr/ocr-pool';
import { buildSearchablePdf } from '../../../electron/services/ocr/searchable-pdf';
import { scanComponent } from '../../../scanners/pipeline/scan-component';
import { SaneBackend } from '../../../scanners/sane/sane-backend';
import { renderPage, truthTexts } from '../../fixtures/ocr/vietnamese-pages';
import { createSaneTestEnv, type SaneTestEnv } from './sane-test-env';

let sane: SaneTestEnv;
let work: string;
let pool: OcrPool;
beforeAll(() => {
  sane = createSaneTestEnv();
  work = mkdtempSync(join(tmpdir(), 'kiosk-sane-ocr-'));
  pool = new OcrPool({ languages: ['vie'] });
});
afterAll(async () => {
  await pool.close();
  sane.dispose();
  rmSync(work, { recursive: true, force: true });
});

const words = (text: string) => text.normalize('NFC').split(/\s+/).filter(Boolean);

describe('SANE ADF batch → pipeline → OCR → searchable PDF', () => {
  it('5 feeder pages are cleaned and recognised while the feeder runs, and the PDF carries each page text layer', async () => {
    const backend = new SaneBackend({ env: sane.env, extraArgs: ['--test-picture', 'Grid'] });
    const ocr: Promise<OcrPageResult>[] = [];
    const cleaned: Uint8Array[] = [];
    const result = await scanComponent(
      backend.scan('sane:test:0', {
        source: 'adf',
        mode: 'gray',
        resolution: 300,
        area: { widthMm: 200, heightMm: 200 },
        maxPages: 5,
        outDir: join(work, 'pages'),
      }),
      {
        // OCR starts on each cleaned page as it comes out of the pipeline, not after the batch.
        onPage: (page) => {
          if (!page.image) return;
          const image = new Uint8Array(readFileSync(page.image.path));
          cleaned.push(image);
          ocr.push(pool.recognize({ id: `p${page.index}`, image }, { textLayerPdf: true }));
        },
      },
    );
    expect(result.error).toBeUndefined();
    expect(cleaned).toHaveLength(5);
    const recognised = await Promise.all(ocr);
    // SANE's test backend can only draw a grid, which holds no words: OCR must
    // not invent any there. A printed Vietnamese page is added to the same
    // PDF so the text-layer check below compares real words, not [] with [].
    expect(recognised.flatMap((page) => words(page.text))).toEqual([]);
    const truth = truthTexts()[0]!;
    const printed = await renderPage(truth.text);
    const printedOcr = await pool.recognize(
      { id: 'printed', image: printed },
      { textLayerPdf: true },
    );
    const pdf = await buildSearchablePdf(
      [
        ...recognised.map((page, i) => ({ image: cleaned[i]!, ocr: page })),
        { image: printed, ocr: printedOcr },
      ],
      { title: 'Giấy tờ kèm theo' },
    );
    const pdfPath = join(work, 'searchable.pdf');
    writeFileSync(pdfPath, pdf);
    expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Pages:\s+6/);
    // The text layer is there (an invisible font on every page) and holds what OCR read.
    expect(execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' })).toMatch(
      /GlyphLess|Type 3|TrueType|CID/,
    );
    const extracted = words(
      execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }),
    );
    const expected = [...recognised, printedOcr].flatMap((page) => words(page.text));
    expect(expected.length).toBeGreaterThan(20);
    expect(extracted).toEqual(expected);
    // What OCR read is the printed text, diacritics included.
    expect(characterErrorRate(printedOcr.text, truth.text)).toBeLessThan(0.04);
  });
});
