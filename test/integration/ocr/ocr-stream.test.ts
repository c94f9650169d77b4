import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrError } from '../../../electron/services/ocr/ocr-error';
import { OcrPool } from '../../../electron/services/ocr/ocr-pool';
import type { OcrInput, OcrPageResult } from '../../../electron/services/ocr/ocr-result';
import { renderPage, truthTexts } from '../../fixtures/ocr/vietnamese-pages';

/** Waits for `ready()` with a bounded number of polls; false when it never came. */
async function until(ready: () => boolean, polls = 600, everyMs = 100): Promise<boolean> {
  for (let i = 0; i < polls; i++) {
    if (ready()) return true;
    await sleep(everyMs);
  }
  return ready();
}

describe('OCR overlapping a scanner that delivers pages one by one', () => {
  let page: Uint8Array;
  beforeAll(async () => {
    // A short page keeps the test quick; the structure, not the speed, is checked.
    page = await renderPage(truthTexts()[0]!.text.split('\n').slice(0, 6).join('\n'));
  });

  it('results come out while the source is still scanning, in source order', async () => {
    const pool = new OcrPool({ size: 2 });
    const log: string[] = [];
    let firstResult = false;
    let sawResultBeforeLastPage = false;
    async function* adf(): AsyncGenerator<OcrInput> {
      for (let i = 1; i <= 5; i++) {
        if (i === 5) {
          // The feeder holds its last sheet until OCR has answered for an
          // earlier one: a pool that waited for the end of the batch would
          // never answer and this wait would time out.
          sawResultBeforeLastPage = await until(() => firstResult);
        }
        await sleep(200);
        log.push(`scanned ${i}`);
        yield { id: `page-${i}`, image: page };
      }
      log.push('source done');
    }
    const results: OcrPageResult[] = [];
    for await (const result of pool.recognizeStream(adf())) {
      firstResult = true;
      log.push(`ocr ${result.id}`);
      results.push(result);
    }
    await pool.close();
    expect(sawResultBeforeLastPage).toBe(true);
    expect(log.indexOf('ocr page-1')).toBeLessThan(log.indexOf('scanned 5'));
    expect(log.indexOf('ocr page-1')).toBeLessThan(log.indexOf('source done'));
    expect(results.map((r) => r.id)).toEqual(['page-1', 'page-2', 'page-3', 'page-4', 'page-5']);
    for (const r of results) expect(r.text).toContain('BẢNG KIỂM TRA DẤU');
  }, 180_000);

  it('cancel in the middle keeps the pages already done and stops the rest', async () => {
    const pool = new OcrPool({ size: 1 });
    const controller = new AbortController();
    const done: string[] = [];
    async function* adf(): AsyncGenerator<OcrInput> {
      for (let i = 1; i <= 6; i++) {
        await sleep(1);
        yield { id: `page-${i}`, image: page };
      }
    }
    let caught: unknown;
    try {
      for await (const result of pool.recognizeStream(adf(), { signal: controller.signal })) {
        done.push(result.id);
        if (done.length === 2) controller.abort();
      }
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(OcrError);
    expect((caught as OcrError).code).toBe('OCR_CANCELLED');
    expect(done).toEqual(['page-1', 'page-2']);
    expect(pool.status().busy).toBe(0);
    expect(pool.status().queued).toBe(0);
    // The pool still works after a cancel.
    const after = await pool.recognize({ id: 'after', image: page });
    expect(after.text).toContain('BẢNG KIỂM TRA DẤU');
    await pool.close();
  }, 180_000);

  it('a cancel while a page is inside the engine drops that worker and a fresh one carries on', async () => {
    const pool = new OcrPool({ size: 1 });
    await pool.warmUp();
    const controller = new AbortController();
    const running = pool.recognize(
      { id: 'busy', image: page },
      {
        signal: controller.signal,
        onProgress: () => {
          controller.abort();
        },
      },
    );
    await expect(running).rejects.toMatchObject({ code: 'OCR_CANCELLED' });
    const next = await pool.recognize({ id: 'next', image: page });
    expect(next.text).toContain('BẢNG KIỂM TRA DẤU');
    expect(pool.status().workersStarted).toBe(2);
    await pool.close();
  }, 120_000);
});

describe('worker recycling', () => {
  const pool = new OcrPool({ size: 1, recycleAfterPages: 2 });
  afterAll(() => pool.close());

  it('a worker is replaced after its page budget, and reports progress and status', async () => {
    const image = await renderPage('Phiếu tiếp nhận hồ sơ và hẹn trả kết quả');
    const progress: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await pool.recognize(
        { id: `p${i}`, image },
        { onProgress: (p) => progress.push(p.progress) },
      );
      expect(r.text).toContain('Phiếu tiếp nhận hồ sơ');
    }
    expect(pool.status()).toMatchObject({
      size: 1,
      busy: 0,
      queued: 0,
      pagesDone: 5,
      workersStarted: 3,
    });
    expect(progress.length).toBeGreaterThan(0);
    expect(Math.max(...progress)).toBe(1);
  }, 120_000);

  it('a file that is not an image fails with a typed error telling what to do', async () => {
    await expect(
      pool.recognize({ id: 'junk', image: new TextEncoder().encode('not an image') }),
    ).rejects.toMatchObject({
      code: 'OCR_BAD_IMAGE',
    });
  });
});
