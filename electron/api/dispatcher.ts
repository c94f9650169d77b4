import type { z } from 'zod';
import { isMethodName, methods, type MethodName, type Methods, type Result } from './contract';
import { KioskError, type ApiError, type ApiResult } from './errors';

export interface CallContext {
  /** Which transport the call came in on, for the audit log. */
  readonly transport: 'ipc' | 'ws' | 'local';
  /** The calling page's origin (already checked by the transport); WebAuthn binds to it. */
  readonly origin?: string;
  /**
   * The connection the call came in on (one socket, one Electron page); a
   * staff sign-in, the lookup limit and the log budget belong to it. Calls
   * without one (the CLI, tests) share the connection named by `transport`.
   */
  readonly connection?: string;
}

/** The connection a call belongs to. */
export function connectionOf(context: CallContext): string {
  return context.connection ?? context.transport;
}

export type Handler<M extends MethodName> = (
  params: z.output<Methods[M]['params']>,
  context: CallContext,
) => Promise<Result<M>> | Result<M>;

/** One handler per method of the contract; the composition root assembles them. */
export type Handlers = { readonly [M in MethodName]: Handler<M> };

/** A domain's share of the handlers, e.g. `HandlerGroup<'card.read' | 'card.readers'>`. */
export type HandlerGroup<M extends MethodName> = { readonly [K in M]: Handler<K> };

export interface DispatchLog {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export type Dispatch = (
  method: unknown,
  params: unknown,
  context: CallContext,
) => Promise<ApiResult<unknown>>;

function issuesOf(error: z.ZodError): NonNullable<ApiError['issues']> {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/**
 * Validates every incoming call against the contract before it reaches a
 * service: an unknown method or an invalid payload is answered with a typed
 * error and logged, and the handler never runs. A handler's answer is checked
 * against the contract too, so a service bug cannot leak unvalidated data.
 */
export function createDispatcher(handlers: Handlers, log: DispatchLog): Dispatch {
  return async (method, params, context) => {
    if (!isMethodName(method)) {
      log.warn(
        { method: String(method).slice(0, 80), transport: context.transport },
        'unknown API method',
      );
      return {
        ok: false,
        error: {
          code: 'UNKNOWN_METHOD',
          message: `Unknown method: ${String(method).slice(0, 80)}`,
        },
      };
    }
    const spec = methods[method];
    const parsed = spec.params.safeParse(params ?? {});
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      log.warn({ method, transport: context.transport, issues }, 'invalid API payload');
      return {
        ok: false,
        error: { code: 'INVALID_PAYLOAD', message: `Invalid parameters for ${method}`, issues },
      };
    }
    try {
      const handler = handlers[method] as (p: unknown, c: CallContext) => Promise<unknown>;
      const value: unknown = await handler(parsed.data, context);
      const checked = spec.result.safeParse(value);
      if (!checked.success) {
        log.error(
          { method, issues: issuesOf(checked.error) },
          'handler returned data outside the contract',
        );
        return {
          ok: false,
          error: { code: 'INVALID_RESULT', message: `The answer of ${method} broke the contract` },
        };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof KioskError) return { ok: false, error: error.toApiError() };
      log.error({ method, err: error }, 'API handler failed');
      return { ok: false, error: { code: 'INTERNAL', message: `Internal error in ${method}` } };
    }
  };
}
