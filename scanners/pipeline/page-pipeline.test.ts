import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  renderBlankPage,
  renderTextPage,
  type PageSpec,
} from '../../test/fixtures/scanners/render-page';
import type { ScannedPage } from '../scanner';
import { processPage } from './page-pipeline';

const work = mkdtempSync(join(tmpdir(), 'kiosk-pipeline-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

async function scanned(name: string, png: Buffer, dpi = 300): Promise<ScannedPage> {
  const path = join(work, `${name}.png`);
  writeFileSync(path, png);
  const meta = await sharp(path).metadata();
  return {
    index: 0,
    path,
    format: 'png',
    width: meta.width,
    height: meta.height,
    dpi,
    mode: 'gray',
  };
}

const text = async (name: string, spec: PageSpec): Promise<ScannedPage> =>
  scanned(name, await renderTextPage(spec));

describe('page pipeline', () => {
  it('a page skewed by 3° comes back within 0.5°, straightened and under 100 KB', async () => {
    const result = await processPage(await text('skew3', { skew: 3, seed: 21 }));
    expect(Math.abs(result.skewDegrees - 3)).toBeLessThan(0.5);
    expect(result.image?.format).toBe('g4');
    expect(result.image!.bytes.length).toBeLessThan(100 * 1024);
    // The straightened output has no measurable skew left.
    const again = await processPage(
      await scanned('skew3-again', await sharp(result.image!.path).png().toBuffer()),
    );
    expect(Math.abs(again.skewDegrees)).toBeLessThan(0.5);
  });

  it('a page skewed by −2.4° with scan noise is found within 0.5°', async () => {
    const result = await processPage(await text('skew-neg', { skew: -2.4, noise: 24, seed: 22 }));
    expect(Math.abs(result.skewDegrees + 2.4)).toBeLessThan(0.5);
  });

  it('a blank sheet with paper grain and dust specks is removed', async () => {
    const result = await processPage(await scanned('blank', await renderBlankPage()));
    expect(result.blank).toBe(true);
    expect(result.image).toBeUndefined();
  });

  it('a page with one short line of text is not blank', async () => {
    const result = await processPage(await text('one-line', { lines: 1, seed: 23 }));
    expect(result.blank).toBe(false);
    expect(result.image).toBeDefined();
  });

  it('a dark scanner background around the sheet is cropped away', async () => {
    const result = await processPage(await text('border', { darkBorderMm: 8, seed: 24 }));
    const border = Math.round((8 / 25.4) * 300);
    expect(Math.abs(result.crop.left - border)).toBeLessThanOrEqual(6);
    expect(Math.abs(result.crop.top - border)).toBeLessThanOrEqual(6);
    expect(Math.abs(result.crop.width - 2480)).toBeLessThanOrEqual(12);
    const { info } = await sharp(result.image!.path).raw().toBuffer({ resolveWithObject: true });
    expect(info.width).toBe(result.crop.width);
    // No dark band left along the left edge.
    const edge = await sharp(result.image!.path)
      .extract({ left: 0, top: 0, width: 4, height: info.height })
      .stats();
    expect(edge.channels[0]!.mean).toBeGreaterThan(200);
  });

  it('the grey profile stores a JPEG and keeps the dpi', async () => {
    const result = await processPage(await text('grey', { seed: 25 }), {
      profile: 'gray',
      outDir: join(work, 'grey'),
    });
    expect(result.image?.format).toBe('jpeg');
    expect((await sharp(result.image!.path).metadata()).density).toBe(300);
    expect(statSync(result.image!.path).size).toBe(result.image!.bytes.length);
  });
});

describe('blank-page rule', () => {
  it('a uniformly black sheet is kept, not removed as blank', async () => {
    const black = await sharp({
      create: { width: 827, height: 1169, channels: 3, background: '#050505' },
    })
      .withDensity(100)
      .png()
      .toBuffer();
    const result = await processPage(await scanned('black', black, 100));
    expect(result.blank).toBe(false);
  });
});
