import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildComponentPdf, type ComponentPage } from './component-pdf';
import { PagePool, PageWorkerError } from './page-pool';

const work = mkdtempSync(join(tmpdir(), 'kiosk-page-pool-pdf-'));
// One worker: the failures below must hit the very thread the next job runs on.
const pool = new PagePool(1);
let pages: ComponentPage[] = [];

/** A text-only page as tesseract makes it (no image): the words a viewer's search finds. */
async function textLayer(words: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([297.6, 421]).drawText(words, { x: 30, y: 210, size: 10 });
  return doc.save();
}

beforeAll(async () => {
  const jpeg = await sharp({
    create: { width: 1240, height: 1754, channels: 3, background: '#f4f4f0' },
  })
    .jpeg()
    .toBuffer();
  const scanned = await PDFDocument.create();
  scanned.addPage([595, 842]);
  pages = [
    { format: 'jpeg', bytes: jpeg, dpi: 150, width: 1240, height: 1754 },
    {
      format: 'jpeg',
      bytes: jpeg,
      dpi: 150,
      width: 1240,
      height: 1754,
      textLayer: await textLayer('Nguyen Thi Huong'),
    },
    { format: 'pdf-page', bytes: await scanned.save(), textLayer: await textLayer('Quang Ngai') },
  ];
});

afterAll(async () => {
  await pool.close();
  rmSync(work, { recursive: true, force: true });
});

/** A PNG with an alpha channel: buildComponentPdf refuses it (a thrown Error, not a crash). */
async function alphaPng(): Promise<ComponentPage> {
  const bytes = await sharp({
    create: { width: 8, height: 8, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } },
  })
    .png()
    .toBuffer();
  return { format: 'png', bytes, dpi: 72, width: 8, height: 8 };
}

describe('component PDFs built on the page worker pool', () => {
  it('are the bytes this thread builds, searchable, and leave the caller its pages', async () => {
    const meta = { title: 'Giấy chứng sinh', createdAt: new Date('2026-12-07T05:00:00Z') };
    const here = await buildComponentPdf(pages, meta);
    const sizes = pages.map((page) => page.bytes.byteLength);
    const pooled = await pool.buildPdf(pages, meta);
    expect(pooled.sha256).toBe(here.sha256);
    expect(Buffer.from(pooled.bytes).equals(Buffer.from(here.bytes))).toBe(true);
    expect(pooled.pageCount).toBe(3);
    // Copied once and transferred: the caller's buffers are not detached (a failed save is tried again with them).
    expect(pages.map((page) => page.bytes.byteLength)).toEqual(sizes);
    const file = join(work, 'pooled.pdf');
    writeFileSync(file, pooled.bytes);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+3\b/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Nguyen Thi Huong');
    expect(text).toContain('Quang Ngai');
  });

  it('report a build that throws with the error this thread would throw, and go on with the next', async () => {
    const bad = [await alphaPng()];
    const thrownHere = await buildComponentPdf(bad).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(thrownHere).toBeInstanceOf(Error);
    const failed = pool.buildPdf(bad);
    await expect(failed).rejects.toBeInstanceOf(PageWorkerError);
    await expect(failed).rejects.toMatchObject({
      reason: 'failed',
      message: (thrownHere as Error).message,
    });
    expect((await pool.buildPdf(pages)).pageCount).toBe(3);
  });

  it('report a worker that ends while it holds a build, replace it, and go on with the next', async () => {
    // 1 ms: the worker is still starting or building when its time is up, and is ended.
    const ended = pool.buildPdf(pages, {}, { timeoutMs: 1 });
    await expect(ended).rejects.toBeInstanceOf(PageWorkerError);
    await expect(ended).rejects.toMatchObject({ reason: 'ended' });
    const started = performance.now();
    const next = await pool.buildPdf(pages, {}, { timeoutMs: 60_000 });
    expect(next.pageCount).toBe(3);
    expect(pool.load).toEqual({ queued: 0, running: 0 });
    console.log(
      `page pool: a build after an ended worker took ${(performance.now() - started).toFixed(0)} ms (a new worker started)`,
    );
  });

  it('fail a build with `closed` once the pool is closed', async () => {
    const closing = new PagePool(1);
    await closing.close();
    await expect(closing.buildPdf(pages)).rejects.toMatchObject({ reason: 'closed' });
  });
});
