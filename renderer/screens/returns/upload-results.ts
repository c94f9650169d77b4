import type { ApiResult } from '../../../electron/api/errors';
import { uploadFile } from '../../api/upload-file';
import type { ReturnRequest } from './return-draft';

type ResultFile = ReturnRequest['results'][number];

const bytesOf = (base64: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/**
 * The browser shell's part of `return.record`: each result PDF goes over
 * the HTTP upload first (streamed, 30 MB, TOO_LARGE over it) and the call
 * names its id, because the WebSocket refuses a frame over 2 MiB. Uploaded
 * again on every attempt: the core takes an upload once, even when the
 * return is then refused (a wrong PIN).
 */
export async function uploadResults(
  request: ReturnRequest,
  token: string,
): Promise<ApiResult<ReturnRequest>> {
  const results: ResultFile[] = [];
  for (const result of request.results) {
    if (!('pdfBase64' in result)) {
      results.push(result);
      continue;
    }
    const { pdfBase64, ...named } = result;
    const pdf = new Blob([bytesOf(pdfBase64)], { type: 'application/pdf' });
    const uploaded = await uploadFile(pdf, 'application/pdf', token);
    if (!uploaded.ok) return uploaded;
    results.push({ ...named, uploadId: uploaded.value.uploadId });
  }
  return { ok: true, value: { ...request, results } };
}
