import type { KioskApi } from '../../electron/api/client';
import type { Result } from '../../electron/api/contract';
import type { ApiResult } from '../../electron/api/errors';
import { TOKEN_KEY } from './kiosk-client';
import { readBase64 } from './read-base64';
import { uploadFile } from './upload-file';

export type ImportMime = 'application/pdf' | 'image/jpeg' | 'image/png';

/**
 * Imports a file as a component. Under Electron the bytes go over IPC; in
 * the browser shell they are streamed over HTTP first (a WebSocket message
 * is kept small), then the import names the upload.
 */
export async function importComponentFile(
  api: KioskApi,
  file: File,
  component: string,
  mime: ImportMime,
): Promise<ApiResult<Result<'component.import'>>> {
  const token = window.kiosk ? null : sessionStorage.getItem(TOKEN_KEY);
  if (token === null) {
    return api.component.import({
      component,
      fileName: file.name,
      mime,
      dataBase64: await readBase64(file),
    });
  }
  const uploaded = await uploadFile(file, file.type, token);
  if (!uploaded.ok) return uploaded;
  return api.component.importUpload({
    component,
    fileName: file.name,
    mime,
    uploadId: uploaded.value.uploadId,
  });
}
