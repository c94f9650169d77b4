import type { KioskApi } from '../../electron/api/client';
import type { Result } from '../../electron/api/contract';
import type { ApiResult } from '../../electron/api/errors';
import { ApiErrorSchema } from '../../electron/api/errors';
import { UPLOAD_PATH } from '../../electron/api/wire';
import { TOKEN_KEY } from './kiosk-client';
import { readBase64 } from './read-base64';

export type ImportMime = 'application/pdf' | 'image/jpeg' | 'image/png';

/** POSTs the file to the browser shell; its upload id, or the shell's typed refusal. */
async function upload(file: File, token: string): Promise<ApiResult<{ uploadId: string }>> {
  try {
    const response = await fetch(UPLOAD_PATH, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': file.type },
      body: file,
    });
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null && 'ok' in body) {
      if (body.ok === true && 'value' in body) {
        const value = body.value as { uploadId?: unknown };
        if (typeof value.uploadId === 'string')
          return { ok: true, value: { uploadId: value.uploadId } };
      }
      if ('error' in body) {
        const error = ApiErrorSchema.safeParse(body.error);
        if (error.success) return { ok: false, error: error.data };
      }
    }
    return { ok: false, error: { code: 'INVALID_RESULT', message: 'Unexpected upload answer' } };
  } catch {
    return {
      ok: false,
      error: { code: 'NOT_AVAILABLE', message: 'Upload to the kiosk core failed' },
    };
  }
}

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
  const uploaded = await upload(file, token);
  if (!uploaded.ok) return uploaded;
  return api.component.importUpload({
    component,
    fileName: file.name,
    mime,
    uploadId: uploaded.value.uploadId,
  });
}
