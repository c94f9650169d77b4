import type { EventPayload, Result } from '../../../electron/api/contract';
import { initialOrder, type PageOrder } from './page-order';

export type ScanPage = EventPayload<'scan.page'>;
export type ScanResult = Result<'scan.start'>;
export type OcrEvent = EventPayload<'component.ocr'>;

/** One received component: the core's job, every page it reported, and the pages kept in order. */
export interface ComponentJob {
  readonly jobId: string;
  readonly pages: readonly ScanPage[];
  readonly order: PageOrder;
  readonly stopped: ScanResult['stopped'];
}

/** Components by their procedure component code. */
export type ComponentJobs = Readonly<Record<string, ComponentJob>>;

export function jobFromResult(result: ScanResult): ComponentJob {
  return {
    jobId: result.jobId,
    pages: result.pages,
    order: initialOrder(result.pages),
    stopped: result.stopped,
  };
}

/** OCR per job: each page's state and the job's progress, from `component.ocr` events. */
export interface JobOcr {
  readonly pages: Readonly<Record<number, OcrEvent['state']>>;
  readonly done: number;
  readonly total: number;
}
export type OcrStates = Readonly<Record<string, JobOcr>>;

export function withOcrEvent(states: OcrStates, event: OcrEvent): OcrStates {
  const job = states[event.jobId];
  return {
    ...states,
    [event.jobId]: {
      pages: { ...job?.pages, [event.pageIndex]: event.state },
      done: event.pagesDone,
      total: event.pagesTotal,
    },
  };
}

/** dossier.create's `components`: only those with at least one kept page. */
export function componentsForSave(
  jobs: ComponentJobs,
): { code: string; jobId: string; pageOrder: number[] }[] {
  return Object.entries(jobs)
    .filter(([, job]) => job.order.length > 0)
    .map(([code, job]) => ({ code, jobId: job.jobId, pageOrder: [...job.order] }));
}
