import { describe, expect, it } from 'vitest';
import { OcrStatusSchema } from '../../api/contract/ocr';
import { createOcrHandlers, createOcrHealthProbe } from './ocr-handlers';
import { OcrPool } from './ocr-pool';

describe('ocr.status and the OCR health line', () => {
  it('an idle pool reports its size, languages and zero work, inside the contract', async () => {
    const pool = new OcrPool({ languages: ['vie', 'eng'], size: 2, recycleAfterPages: 10 });
    const status = await createOcrHandlers(pool)['ocr.status']({}, { transport: 'local' });
    expect(OcrStatusSchema.parse(status)).toEqual({
      size: 2,
      busy: 0,
      queued: 0,
      pagesDone: 0,
      workersStarted: 0,
      recycleAfterPages: 10,
      languages: ['vie', 'eng'],
      dpi: 200,
      modelDir: '',
    });
    await pool.close();
  });

  it('the health line is ok when the bundled worker script and language data are on disk', async () => {
    const pool = new OcrPool({ languages: ['vie', 'eng'] });
    const check = await createOcrHealthProbe(pool).check();
    expect(check).toMatchObject({ id: 'ocr', kind: 'service', status: 'ok' });
    expect(check.detail).toContain('vie+eng');
    await pool.close();
  });
});
