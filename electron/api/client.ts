import {
  events,
  isEventName,
  methods,
  type EventName,
  type EventPayload,
  type MethodName,
  type Params,
  type Result,
} from './contract';
import type { ApiResult } from './errors';

/** What a transport must do for the client: one call, and a stream of events. */
export interface ApiTransport {
  call(method: string, params: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}

type Namespace = MethodName extends `${infer N}.${string}` ? N : never;
/** A method whose params are all optional can be called with no argument. */
type NoRequiredParams<P> =
  P extends Record<string, never> ? true : Partial<P> extends P ? true : false;
type Verb<M extends MethodName> =
  NoRequiredParams<Params<M>> extends true
    ? (params?: Params<M>) => Promise<ApiResult<Result<M>>>
    : (params: Params<M>) => Promise<ApiResult<Result<M>>>;

/**
 * The contract's client: one verb per method (`kiosk.system.health()`),
 * grouped by namespace, each resolving to `{ ok, value } | { ok, error }`,
 * and `on(event, listener)`. This is what the preload exposes as
 * `window.kiosk`, and what the browser shell's page builds over WebSocket.
 */
export type KioskApi = {
  readonly [N in Namespace]: {
    readonly [M in MethodName as M extends `${N}.${infer V}` ? V : never]: Verb<M>;
  };
} & {
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export function createKioskApi(transport: ApiTransport): KioskApi {
  const api: Record<string, unknown> = {};
  for (const name of Object.keys(methods) as MethodName[]) {
    const [namespace = '', verb = ''] = name.split('.');
    const group = (api[namespace] ??= {}) as Record<string, unknown>;
    group[verb] = async (params?: unknown): Promise<ApiResult<unknown>> => {
      const result = await transport.call(name, params ?? {});
      if (!result.ok) return result;
      // The main process is trusted more than the page, but a mismatch here
      // means the two sides were built from different contracts.
      const checked = methods[name].result.safeParse(result.value);
      return checked.success
        ? { ok: true, value: checked.data }
        : {
            ok: false,
            error: {
              code: 'INVALID_RESULT',
              message: `Answer of ${name} does not match the contract`,
            },
          };
    };
  }
  api.on = (eventName: EventName, listener: (payload: unknown) => void) =>
    transport.subscribe((name, payload) => {
      if (name !== eventName || !isEventName(name)) return;
      const checked = events[name].safeParse(payload);
      if (checked.success) listener(checked.data);
    });
  return api as KioskApi;
}
