import { letterMime } from '../../../electron/api/contract/letter-type';
import type { ApiResult } from '../../../electron/api/errors';
import { uploadFile } from '../../api/upload-file';
import type { ReturnRequest } from './return-draft';

type ResultFile = ReturnRequest['results'][number];
type Receiver = ReturnRequest['receiver'];

const bytesOf = (base64: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** The authorisation letter uploaded and named by its id; other receivers pass as they are. */
async function uploadLetter(receiver: Receiver, token: string): Promise<ApiResult<Receiver>> {
  if (receiver.kind !== 'authorised' || !('letterBase64' in receiver)) {
    return { ok: true, value: receiver };
  }
  const bytes = bytesOf(receiver.letterBase64);
  // The upload route takes only the letter types; anything else is refused there with its reason.
  const mime = letterMime(bytes) ?? 'application/octet-stream';
  const uploaded = await uploadFile(new Blob([bytes], { type: mime }), mime, token);
  if (!uploaded.ok) return uploaded;
  return { ok: true, value: { kind: 'authorised', letterUploadId: uploaded.value.uploadId } };
}

/**
 * The browser shell's part of `return.record`: each result PDF and the
 * authorisation letter go over the HTTP upload first (streamed, 30 MB,
 * TOO_LARGE over it) and the call names their ids, because the WebSocket
 * refuses a frame over 2 MiB. Uploaded again on every attempt: the core
 * takes an upload once, even when the return is then refused (a wrong PIN).
 */
export async function uploadReturnFiles(
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
  const receiver = await uploadLetter(request.receiver, token);
  if (!receiver.ok) return receiver;
  return { ok: true, value: { ...request, results, receiver: receiver.value } };
}
