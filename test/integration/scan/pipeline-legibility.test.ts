import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { processPage } from '../../../scanners/pipeline/page-pipeline';
import { pageLines, renderTextPage } from '../../fixtures/scanners/render-page';

const work = mkdtempSync(join(tmpdir(), 'kiosk-legibility-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Character error rate: edit distance over the reference length, on NFC text without whitespace. */
function cer(reference: string, hypothesis: string): number {
  const norm = (s: string): string[] => Array.from(s.normalize('NFC').replace(/\s+/g, ''));
  const a = norm(reference);
  const b = norm(hypothesis);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]! / a.length;
}

/** Debian's tesseract (one thread), the same engine family the OCR service runs. */
function ocr(path: string): string {
  return execFileSync('tesseract', [path, '-', '-l', 'vie', '--psm', '6'], {
    encoding: 'utf8',
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
}

describe('pipeline legibility', () => {
  it('a skewed, noisy Vietnamese page stored as G4 under 100 KB reads as well as the grey original', async () => {
    const spec = { lines: 14, seed: 41, skew: 2, noise: 16 } as const;
    const truth = pageLines(spec.lines, spec.seed).join('\n');
    const original = join(work, 'original.png');
    writeFileSync(original, await renderTextPage(spec));
    const meta = await sharp(original).metadata();
    const page = await processPage({
      index: 0,
      path: original,
      format: 'png',
      width: meta.width,
      height: meta.height,
      dpi: 300,
      mode: 'gray',
    });
    expect(page.image!.bytes.length).toBeLessThan(100 * 1024);
    const before = cer(truth, ocr(original));
    const after = cer(truth, ocr(page.image!.path));
    console.log(
      `CER grey original ${before.toFixed(4)}, cleaned G4 page ${after.toFixed(4)}, ${page.image!.bytes.length} bytes`,
    );
    expect(after).toBeLessThanOrEqual(before + 0.01);
    expect(after).toBeLessThan(0.05);
  });
});
