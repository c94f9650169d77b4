import { z } from 'zod';
import { ApiErrorSchema } from './errors';

/**
 * Messages of the loopback WebSocket transport (browser shell).
 * The first client message must be `hello` with the per-launch token;
 * until then every other message is refused with BAD_TOKEN.
 */
export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), token: z.string().max(256) }).strict(),
  z
    .object({
      type: z.literal('call'),
      id: z.number().int().nonnegative(),
      method: z.string().max(100),
      params: z.unknown(),
    })
    .strict(),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

const ApiResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorSchema }),
]);

export const ServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome') }),
  z.object({ type: z.literal('result'), id: z.number(), result: ApiResultSchema }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
  /** A connection-level refusal (bad token, unparseable message); may be followed by close. */
  z.object({ type: z.literal('error'), id: z.number().optional(), error: ApiErrorSchema }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;

/** WebSocket close code sent after a bad token (4000-4999 are for applications). */
export const CLOSE_BAD_TOKEN = 4401;
export const API_PATH = '/api';
/**
 * The browser shell's file upload: POST the bytes with `Authorization: Bearer
 * <token>` and the file's Content-Type; the answer is an ApiResult of
 * `{ uploadId }` for `component.importUpload`, or TOO_LARGE over the limit.
 */
export const UPLOAD_PATH = '/api/upload';
