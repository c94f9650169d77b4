import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanComponent } from '../../../scanners/pipeline/scan-component';
import { SaneBackend } from '../../../scanners/sane/sane-backend';
import { createSaneTestEnv, type SaneTestEnv } from './sane-test-env';

let sane: SaneTestEnv;
let work: string;
beforeAll(() => {
  sane = createSaneTestEnv();
  work = mkdtempSync(join(tmpdir(), 'kiosk-component-'));
});
afterAll(() => {
  sane.dispose();
  rmSync(work, { recursive: true, force: true });
});

const adf = {
  source: 'adf',
  mode: 'gray',
  resolution: 300,
  area: { widthMm: 200, heightMm: 200 },
  maxPages: 5,
} as const;

describe('SANE ADF batch to component PDF', () => {
  it('5 pages from the test device through the ADF become a 5-page PDF under 100 KB a page, with its SHA-256', async () => {
    const backend = new SaneBackend({ env: sane.env, extraArgs: ['--test-picture', 'Grid'] });
    const pdfPath = join(work, 'grid.pdf');
    const result = await scanComponent(
      backend.scan('sane:test:0', { ...adf, outDir: join(work, 'grid') }),
      {
        pdfPath,
        title: 'Giấy tờ kèm theo',
      },
    );
    expect(result.error).toBeUndefined();
    expect(result.pages).toHaveLength(5);
    expect(result.pdf?.pageCount).toBe(5);
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+5/);
    expect(info).toMatch(/Title:\s+Giấy tờ kèm theo/);
    expect(statSync(pdfPath).size / 5).toBeLessThan(100 * 1024);
    expect(createHash('sha256').update(readFileSync(pdfPath)).digest('hex')).toBe(
      result.pdf?.sha256,
    );
    // Poppler renders the grid back: half the page is black squares.
    const images = execFileSync('pdfimages', ['-list', pdfPath], { encoding: 'utf8' });
    expect(images.match(/ccitt/g)).toHaveLength(5);
  });

  it('white sheets from the feeder are removed as blank and no PDF is made', async () => {
    const backend = new SaneBackend({
      env: sane.env,
      extraArgs: ['--test-picture', 'Solid white'],
    });
    const result = await scanComponent(
      backend.scan('sane:test:0', { ...adf, maxPages: 2, outDir: join(work, 'white') }),
    );
    expect(result.pages.map((p) => p.blank)).toEqual([true, true]);
    expect(result.pdf).toBeUndefined();
  });

  it('cancel in the middle of a batch still gives a PDF of the pages already done', async () => {
    const backend = new SaneBackend({
      env: sane.env,
      extraArgs: ['--test-picture', 'Grid', '--read-delay=yes', '--read-delay-duration', '20000'],
    });
    const controller = new AbortController();
    const result = await scanComponent(
      backend.scan('sane:test:0', {
        ...adf,
        outDir: join(work, 'cancel'),
        signal: controller.signal,
      }),
      {
        pdfPath: join(work, 'cancel.pdf'),
        onPage: (page) => {
          if (page.index === 1) controller.abort();
        },
      },
    );
    expect(result.error?.code).toBe('CANCELLED');
    expect(result.pdf?.pageCount).toBeGreaterThanOrEqual(2);
    expect(result.pdf?.pageCount).toBeLessThan(5);
    expect(execFileSync('pdfinfo', [join(work, 'cancel.pdf')], { encoding: 'utf8' })).toMatch(
      new RegExp(`Pages:\\s+${result.pdf?.pageCount ?? 0}`),
    );
  });
});
