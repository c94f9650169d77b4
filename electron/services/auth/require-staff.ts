import type { CallContext, HandlerGroup } from '../../api/dispatcher';
import type { MethodName } from '../../api/contract';
import type { StaffRole } from './staff-accounts';
import type { StaffSession } from './staff-session';

/**
 * Wraps a domain's handlers so each first requires a staff member signed in
 * on the calling connection
 * (with one of `roles` when given): dossier lists and records hold citizens'
 * personal data and are never served to an anonymous kiosk page.
 */
export function requireStaff<M extends MethodName>(
  session: StaffSession,
  handlers: HandlerGroup<M>,
  ...roles: StaffRole[]
): HandlerGroup<M> {
  const guarded: Partial<Record<M, unknown>> = {};
  for (const name of Object.keys(handlers) as M[]) {
    const handler = handlers[name] as (params: unknown, context: CallContext) => unknown;
    guarded[name] = (params: unknown, context: CallContext) => {
      session.require(context, ...roles);
      return handler(params, context);
    };
  }
  return guarded as HandlerGroup<M>;
}
