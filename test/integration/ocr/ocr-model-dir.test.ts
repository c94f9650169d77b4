import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { characterErrorRate } from '../../../electron/services/ocr/cer';
import { createOcrHealthProbe } from '../../../electron/services/ocr/ocr-handlers';
import { languageDataFile } from '../../../electron/services/ocr/ocr-language-data';
import { OcrPool } from '../../../electron/services/ocr/ocr-pool';
import { renderPage, truthTexts } from '../../fixtures/ocr/vietnamese-pages';

/**
 * `ocr.modelDir`: the pool reads plain `<dir>/<code>.traineddata` models
 * (the OS's tesseract data on a Debian kiosk) instead of the bundled npm
 * ones. The folder here holds the bundled model unpacked, so the test needs
 * nothing outside the repository; a folder without the model is a typed
 * error and a failing Diagnostics line, never a page that waits for ever.
 */
const dir = mkdtempSync(join(tmpdir(), 'kiosk-ocr-models-'));
const models = join(dir, 'tessdata');
const empty = join(dir, 'empty');

describe('OCR models from a folder (ocr.modelDir)', () => {
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('recognises a Vietnamese page with the model read from the folder', async () => {
    mkdirSync(models);
    writeFileSync(
      join(models, 'vie.traineddata'),
      gunzipSync(readFileSync(languageDataFile('vie'))),
    );
    const pool = new OcrPool({ size: 1, modelDir: models });
    try {
      expect(pool.modelFiles()).toEqual([join(models, 'vie.traineddata')]);
      const text = truthTexts()[1]!.text;
      const result = await pool.recognize({ id: 'p', image: await renderPage(text) });
      expect(characterErrorRate(result.text, text)).toBeLessThan(0.04);
      expect(pool.status().modelDir).toBe(models);
      await expect(createOcrHealthProbe(pool).check()).resolves.toMatchObject({ status: 'ok' });
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('a folder without the model fails the page with OCR_ENGINE_FAILED and Diagnostics names the folder', async () => {
    mkdirSync(empty);
    const pool = new OcrPool({ size: 1, modelDir: empty });
    try {
      const text = truthTexts()[0]!.text;
      await expect(
        pool.recognize({ id: 'p', image: await renderPage(text) }),
      ).rejects.toMatchObject({ code: 'OCR_ENGINE_FAILED' });
      const line = await createOcrHealthProbe(pool).check();
      expect(line.status).toBe('fail');
      expect(line.fix?.vi).toContain(`Thiếu mô hình nhận dạng chữ trong ${empty}`);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
