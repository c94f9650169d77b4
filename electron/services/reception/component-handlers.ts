import type { HandlerGroup } from '../../api/dispatcher';
import type { ComponentJobs } from './component-jobs';

/** The `component.*` methods of the API contract. */
export function createComponentHandlers(
  jobs: ComponentJobs,
): HandlerGroup<'component.import' | 'component.discard'> {
  return {
    'component.import': (params) => jobs.import(params),
    'component.discard': async (params) => ({ discarded: await jobs.discard(params.jobId) }),
  };
}
