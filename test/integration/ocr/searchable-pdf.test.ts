import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { characterErrorRate } from '../../../electron/services/ocr/cer';
import { OcrPool } from '../../../electron/services/ocr/ocr-pool';
import { buildSearchablePdf } from '../../../electron/services/ocr/searchable-pdf';
import { renderPage, truthTexts } from '../../fixtures/ocr/vietnamese-pages';

const dir = mkdtempSync(join(tmpdir(), 'kiosk-ocr-pdf-'));
const pool = new OcrPool();

function run(command: string, args: readonly string[]): string {
  const out = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  if (out.status !== 0) throw new Error(`${command} failed: ${out.stderr}`);
  return out.stdout;
}

describe('searchable PDF (page image + invisible tesseract text layer)', () => {
  afterAll(async () => {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pdftotext extracts the recognised Vietnamese text of every page with its diacritics', async () => {
    const [first, second] = truthTexts();
    const images = [
      await renderPage(first!.text),
      await renderPage(second!.text, { noisy: true, seed: 7 }),
    ];
    const ocr = await Promise.all(
      images.map((image, i) => pool.recognize({ id: `p${i + 1}`, image }, { textLayerPdf: true })),
    );
    const pdf = await buildSearchablePdf(
      images.map((image, i) => ({ image, ocr: ocr[i]! })),
      { title: 'Hồ sơ thử nghiệm' },
    );
    const file = join(dir, 'dossier.pdf');
    writeFileSync(file, pdf);

    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/^Pages:\s+2$/m);
    // A4: 8.27 x 11.69 in at 72 pt/in, from the 300 dpi the page image records.
    expect(info).toMatch(/Page size:\s+595\.\d+ x 84[12]\.\d+ pts \(A4\)/);

    for (const [i, truth] of [first!, second!].entries()) {
      const text = run('pdftotext', [
        '-f',
        String(i + 1),
        '-l',
        String(i + 1),
        '-enc',
        'UTF-8',
        file,
        '-',
      ]);
      expect(characterErrorRate(text, truth.text)).toBeLessThan(0.04);
      expect(characterErrorRate(text, ocr[i]!.text)).toBeLessThan(0.01);
    }
    const all = run('pdftotext', ['-enc', 'UTF-8', file, '-']).normalize('NFC');
    expect(all).toContain('Phạm Thị Hường');
    expect(all).toContain('ĐẦU TƯ');
  }, 120_000);

  it('a page recognised without a text layer is refused, not silently left unsearchable', async () => {
    const image = await renderPage('Số hóa hồ sơ');
    const ocr = await pool.recognize({ id: 'no-layer', image });
    await expect(buildSearchablePdf([{ image, ocr }])).rejects.toThrow(/textLayerPdf/);
  }, 60_000);
});
