import type { ApiResult } from '../../electron/api/errors';
import { ApiErrorSchema } from '../../electron/api/errors';
import { UPLOAD_PATH } from '../../electron/api/wire';

/**
 * POSTs a file to the browser shell's upload route (streamed, at most 30 MB,
 * TOO_LARGE over it); its upload id, or the shell's typed refusal.
 */
export async function uploadFile(
  file: Blob,
  mime: string,
  token: string,
): Promise<ApiResult<{ uploadId: string }>> {
  try {
    const response = await fetch(UPLOAD_PATH, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': mime },
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
