import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { renderTextPage, type PageSpec } from '../../test/fixtures/scanners/render-page';
import { encodeG4 } from './ccitt-g4';
import { buildComponentPdf } from './component-pdf';

const work = mkdtempSync(join(tmpdir(), 'kiosk-pdf-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

async function bitonalPage(
  spec: PageSpec,
): Promise<{ width: number; height: number; data: Uint8Array }> {
  const png = await renderTextPage(spec);
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const bits = new Uint8Array(info.width * info.height);
  for (let i = 0; i < bits.length; i++) bits[i] = data[i]! < 128 ? 1 : 0;
  return { width: info.width, height: info.height, data: bits };
}

describe('component PDF', () => {
  it('G4 pages decode in poppler to exactly the pixels encoded, and a text page stays under 100 KB', async () => {
    // One skewed page, one noisy page (many short runs: every code table gets used).
    const pages = await Promise.all([
      bitonalPage({ seed: 11, skew: 1 }),
      bitonalPage({ seed: 12, noise: 10 }),
    ]);
    const pdf = await buildComponentPdf(
      pages.map((p) => ({
        format: 'g4',
        bytes: encodeG4(p),
        dpi: 300,
        width: p.width,
        height: p.height,
      })),
      { title: 'Đơn đề nghị' },
    );
    const file = join(work, 'g4.pdf');
    writeFileSync(file, pdf.bytes);
    expect(pdf.pageCount).toBe(2);
    expect(pdf.bytes.length / 2).toBeLessThan(100 * 1024);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+2[\s\S]*A4/);
    execFileSync('pdfimages', ['-png', file, join(work, 'img')]);
    for (const [i, page] of pages.entries()) {
      const back = await sharp(join(work, `img-00${i}.png`))
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect([back.info.width, back.info.height]).toEqual([page.width, page.height]);
      let different = 0;
      for (let k = 0; k < page.data.length; k++)
        if ((back.data[k]! < 128 ? 1 : 0) !== page.data[k]) different++;
      expect(different).toBe(0);
    }
  });

  it('the SHA-256 is that of the bytes, and the same pages give the same bytes', async () => {
    const jpeg = await sharp({
      create: { width: 300, height: 300, channels: 3, background: '#c0d0e0' },
    })
      .jpeg()
      .toBuffer();
    const pages = [{ format: 'jpeg', bytes: jpeg, dpi: 150, width: 300, height: 300 }] as const;
    const a = await buildComponentPdf(pages);
    const b = await buildComponentPdf(pages);
    const file = join(work, 'j.pdf');
    writeFileSync(file, a.bytes);
    expect(execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0]).toBe(a.sha256);
    expect(b.sha256).toBe(a.sha256);
    expect(readFileSync(file).includes(Buffer.from('/DCTDecode'))).toBe(true);
  });

  it('a 1-bit PNG is copied with the PNG predictor and decodes to the same pixels', async () => {
    const png = await sharp(await renderTextPage({ seed: 5, lines: 8, dpi: 150 }))
      .threshold(128)
      .png({ palette: true, colours: 2, dither: 0 })
      .toBuffer();
    const pdf = await buildComponentPdf([
      { format: 'png', bytes: png, dpi: 150, width: 1240, height: 1754 },
    ]);
    const file = join(work, 'png.pdf');
    writeFileSync(file, pdf.bytes);
    execFileSync('pdfimages', ['-png', file, join(work, 'pimg')]);
    const back = await sharp(join(work, 'pimg-000.png')).greyscale().raw().toBuffer();
    const original = await sharp(png).greyscale().raw().toBuffer();
    expect(back.equals(original)).toBe(true);
  });
});

/**
 * A stand-in for tesseract's text-only page: text on a page of another size
 * than the sheet (tesseract sizes it from the OCR image), no image.
 */
async function textOnlyPage(words: string, width: number, height: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([width, height]).drawText(words, { x: width / 10, y: height / 2, size: 10 });
  return doc.save();
}

/** pdftotext -bbox of page 1: each word and its left edge in points. */
function wordBoxes(file: string): { word: string; xMin: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], {
    encoding: 'utf8',
  });
  return [...html.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
    word: m[2] ?? '',
    xMin: Number(m[1]),
  }));
}

describe('the text layer of a component page', () => {
  it('is laid over the page image scaled to the sheet, so pdftotext finds its words where the image has them', async () => {
    const jpeg = await sharp({
      create: { width: 2480, height: 3508, channels: 3, background: '#ffffff' },
    })
      .jpeg()
      .toBuffer();
    const pdf = await buildComponentPdf([
      {
        format: 'jpeg',
        bytes: jpeg,
        dpi: 300,
        width: 2480,
        height: 3508,
        textLayer: await textOnlyPage('Nguyen Thi Huong', 297.6, 421),
      },
    ]);
    const file = join(work, 'layer.pdf');
    writeFileSync(file, pdf.bytes);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1[\s\S]*A4/);
    const words = wordBoxes(file);
    expect(words.map((w) => w.word)).toEqual(['Nguyen', 'Thi', 'Huong']);
    // Drawn at a tenth of the half-size layer's width: a tenth of A4's 595 pt.
    expect(words[0]?.xMin).toBeCloseTo(59.5, 0);
  });

  it('is added to a copied PDF page without text, and not to one that has text of its own', async () => {
    const blankScan = await PDFDocument.create();
    blankScan.addPage([595, 842]);
    const typed = await PDFDocument.create();
    typed.addPage([595, 842]).drawText('Born digital', { x: 72, y: 720, size: 14 });
    const layer = await textOnlyPage('Recognised words', 595, 842);
    const pdf = await buildComponentPdf([
      { format: 'pdf-page', bytes: await blankScan.save(), textLayer: layer },
      { format: 'pdf-page', bytes: await typed.save(), textLayer: layer },
    ]);
    const file = join(work, 'copied.pdf');
    writeFileSync(file, pdf.bytes);
    const page = (n: number) =>
      execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], {
        encoding: 'utf8',
      }).trim();
    expect(page(1)).toBe('Recognised words');
    expect(page(2)).toBe('Born digital');
  });
});
