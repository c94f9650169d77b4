import { describe, expect, it } from 'vitest';
import { componentsForSave, jobFromResult, withOcrEvent, type ScanResult } from './component-draft';

const page = (index: number, blank = false) => ({
  jobId: 'job-1',
  index,
  blank,
  skewDegrees: 0,
  width: 100,
  height: 140,
  dpi: 300,
  bytes: blank ? 0 : 1000,
  thumbnail: null,
});

describe('component jobs on the screen', () => {
  it('a scan keeps its non-blank pages in device order, and only rows with pages are saved', () => {
    const result: ScanResult = {
      jobId: 'job-1',
      pages: [page(0), page(1, true), page(2)],
      pdf: null,
      stopped: null,
    };
    const job = jobFromResult(result);
    expect(job.order).toEqual([0, 2]);
    expect(
      componentsForSave({
        TO_KHAI: { ...job, order: [2, 0] },
        EMPTY: { ...job, jobId: 'job-2', order: [] },
      }),
    ).toEqual([{ code: 'TO_KHAI', jobId: 'job-1', pageOrder: [2, 0] }]);
  });

  it('OCR events update one page of one job and its progress', () => {
    let states = withOcrEvent(
      {},
      { jobId: 'a', pageIndex: 0, state: 'running', pagesDone: 0, pagesTotal: 2 },
    );
    states = withOcrEvent(states, {
      jobId: 'a',
      pageIndex: 0,
      state: 'done',
      pagesDone: 1,
      pagesTotal: 2,
    });
    states = withOcrEvent(states, {
      jobId: 'b',
      pageIndex: 0,
      state: 'failed',
      pagesDone: 1,
      pagesTotal: 1,
    });
    expect(states).toEqual({
      a: { pages: { 0: 'done' }, done: 1, total: 2 },
      b: { pages: { 0: 'failed' }, done: 1, total: 1 },
    });
  });
});
