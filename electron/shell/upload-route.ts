import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiResult } from '../api/errors';
import { tokenMatches } from '../api/transports/ws-server';
import { maxImportBytes } from '../services/components/component-file-check';

const MIMES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

export interface UploadRouteOptions {
  readonly token: string;
  readonly allowedOrigins: () => readonly string[];
  /** Keeps the file for `component.importUpload` (the core's UploadStore, here or in its process). */
  readonly store: (bytes: Buffer, mime: string) => Promise<ApiResult<{ uploadId: string }>>;
  readonly log: { warn(fields: Record<string, unknown>, message: string): void };
  /** Bytes one upload may have; the contract's 30 MB. */
  readonly maxBytes?: number;
}

function answer(response: ServerResponse, status: number, result: ApiResult<unknown>): void {
  if (response.headersSent) return;
  response
    .writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'close',
    })
    .end(JSON.stringify(result));
}

/**
 * POST UPLOAD_PATH: a file for `component.importUpload`, streamed into
 * memory and counted as it arrives, so a body over the limit is refused with
 * TOO_LARGE before it is held, whatever Content-Length claims. Only the
 * kiosk page's origin with the session token may upload.
 */
export function handleUpload(
  request: IncomingMessage,
  response: ServerResponse,
  options: UploadRouteOptions,
): void {
  const maxBytes = options.maxBytes ?? maxImportBytes;
  const refuse = (status: number, result: ApiResult<unknown>, reason: string) => {
    options.log.warn({ reason }, 'upload refused');
    answer(response, status, result);
    request.resume();
  };
  const origin = request.headers.origin;
  const auth = request.headers.authorization ?? '';
  if (origin === undefined || !options.allowedOrigins().includes(origin)) {
    refuse(
      403,
      { ok: false, error: { code: 'FORBIDDEN_ORIGIN', message: 'Foreign origin' } },
      'origin',
    );
    return;
  }
  if (!auth.startsWith('Bearer ') || !tokenMatches(options.token, auth.slice(7))) {
    refuse(
      401,
      { ok: false, error: { code: 'BAD_TOKEN', message: 'Missing or wrong session token' } },
      'token',
    );
    return;
  }
  const mime = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  if (!MIMES.has(mime)) {
    refuse(
      415,
      {
        ok: false,
        error: { code: 'SCAN_BAD_FILE', message: `Unsupported type ${mime.slice(0, 80)}` },
      },
      'type',
    );
    return;
  }
  const tooLarge: ApiResult<unknown> = {
    ok: false,
    error: { code: 'TOO_LARGE', message: `A file may have at most ${String(maxBytes)} bytes` },
  };
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) {
    refuse(413, tooLarge, 'declared too large');
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  request.on('data', (chunk: Buffer) => {
    if (done) return;
    size += chunk.length;
    if (size > maxBytes) {
      done = true;
      chunks.length = 0;
      options.log.warn({ size }, 'upload refused: too large');
      answer(response, 413, tooLarge);
      // Stop reading: the rest of the body is not wanted.
      request.socket.destroySoon();
      return;
    }
    chunks.push(chunk);
  });
  request.on('end', () => {
    if (done) return;
    done = true;
    if (size === 0) {
      answer(response, 400, {
        ok: false,
        error: { code: 'INVALID_PAYLOAD', message: 'Empty file' },
      });
      return;
    }
    options.store(Buffer.concat(chunks, size), mime).then(
      (result) => {
        answer(response, result.ok ? 200 : 503, result);
      },
      (error: unknown) => {
        options.log.warn({ err: error }, 'upload not handed to the core');
        answer(response, 500, {
          ok: false,
          error: { code: 'INTERNAL', message: 'Internal error' },
        });
      },
    );
  });
  request.on('error', (error) => {
    done = true;
    options.log.warn({ err: error }, 'upload aborted');
  });
}
