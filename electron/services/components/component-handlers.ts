import type { HandlerGroup } from '../../api/dispatcher';
import type { ComponentJobs } from './component-jobs';
import { UploadStore } from '../uploads/upload-store';

export type ComponentMethods = 'component.import' | 'component.importUpload' | 'component.discard';

/** The `component.*` methods of the API contract. */
export function createComponentHandlers(
  jobs: ComponentJobs,
  /** Where the browser shell's HTTP uploads wait (none by default: IPC and tests send bytes). */
  uploads: UploadStore = new UploadStore(),
): HandlerGroup<ComponentMethods> {
  return {
    'component.import': (params) => jobs.import(params),
    'component.importUpload': ({ uploadId, ...file }) =>
      jobs.import({ ...file, dataBase64: uploads.take(uploadId, file.mime).toString('base64') }),
    'component.discard': async (params) => ({ discarded: await jobs.discard(params.jobId) }),
  };
}
