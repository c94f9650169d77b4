import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { renderTextPage } from '../../test/fixtures/scanners/render-page';
import { scanComponent } from '../pipeline/scan-component';
import { collectScan } from '../scanner';
import { importFiles } from './import-files';

const work = mkdtempSync(join(tmpdir(), 'kiosk-import-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('file import', () => {
  it('a JPEG, a two-page TIFF and a two-page PDF become five pages in order, and one component PDF', async () => {
    const page = await renderTextPage({ dpi: 150, lines: 10, seed: 31 });
    writeFileSync(join(work, 'a.jpg'), await sharp(page).jpeg().toBuffer());
    const second = await renderTextPage({ dpi: 150, lines: 12, seed: 32 });
    writeFileSync(
      join(work, 'b.tif'),
      await sharp([page, second], { join: { animated: true } })
        .tiff()
        .toBuffer(),
    );
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (const text of ['Page one of the e-mailed form', 'Page two']) {
      pdf.addPage([595, 842]).drawText(text, { x: 72, y: 760, size: 14, font });
    }
    writeFileSync(join(work, 'c.pdf'), await pdf.save());

    const batch = await collectScan(
      importFiles([join(work, 'a.jpg'), join(work, 'b.tif'), join(work, 'c.pdf')], {
        outDir: join(work, 'pages'),
      }),
    );
    expect(batch.error).toBeUndefined();
    expect(batch.pages.map((p) => p.format)).toEqual(['jpeg', 'png', 'png', 'pdf', 'pdf']);
    expect(batch.pages.map((p) => p.index)).toEqual([0, 1, 2, 3, 4]);
    expect(batch.pages[0]).toMatchObject({ width: 1240, height: 1754, dpi: 150 });

    const again = importFiles([join(work, 'a.jpg'), join(work, 'b.tif'), join(work, 'c.pdf')], {
      outDir: join(work, 'pages2'),
    });
    const component = await scanComponent(again, { pdfPath: join(work, 'component.pdf') });
    expect(component.pdf?.pageCount).toBe(5);
    // The PDF pages were copied, not rasterised: their text is still text.
    const text = execFileSync(
      'pdftotext',
      ['-f', '4', '-l', '5', join(work, 'component.pdf'), '-'],
      { encoding: 'utf8' },
    );
    expect(text).toContain('Page one of the e-mailed form');
  });

  it('a phone photo that claims 72 dpi is sized as one A4 page wide', async () => {
    writeFileSync(
      join(work, 'photo.jpg'),
      await sharp({ create: { width: 1654, height: 2339, channels: 3, background: '#f0f0f0' } })
        .withDensity(72)
        .jpeg()
        .toBuffer(),
    );
    const batch = await collectScan(
      importFiles([join(work, 'photo.jpg')], { outDir: join(work, 'photo') }),
    );
    expect(batch.pages[0]?.dpi).toBe(200);
  });

  it('a file that is not a page is BAD_FILE, and the pages before it are kept', async () => {
    writeFileSync(join(work, 'ok.png'), await renderTextPage({ dpi: 100, lines: 2 }));
    writeFileSync(join(work, 'broken.pdf'), 'not a pdf at all');
    const batch = await collectScan(
      importFiles([join(work, 'ok.png'), join(work, 'broken.pdf')], { outDir: join(work, 'bad') }),
    );
    expect(batch.error?.code).toBe('BAD_FILE');
    expect(batch.pages).toHaveLength(1);
    const other = await collectScan(
      importFiles([join(work, 'notes.docx')], { outDir: join(work, 'bad2') }),
    );
    expect(other.error?.code).toBe('BAD_FILE');
  });
});
