import { describe, expect, it } from 'vitest';
import type { CallContext, HandlerGroup } from '../../api/dispatcher';
import type { StaffAccount } from './staff-accounts';
import { requireStaff } from './require-staff';
import { StaffSession } from './staff-session';

const admin: StaffAccount = { id: '2', username: 'quantri', role: 'admin' };
const clerk: StaffAccount = { id: '1', username: 'canbo1', role: 'clerk' };
const tab = (connection: string): CallContext => ({ transport: 'ws', connection });

/** Two handlers that record what reached them (the wrapped domain). */
function domain(): { handlers: HandlerGroup<'dossier.list' | 'dossier.get'>; seen: unknown[] } {
  const seen: unknown[] = [];
  const record = (name: string) => (params: unknown, context: CallContext) => {
    seen.push([name, params, context.connection]);
    return { answered: name };
  };
  return {
    seen,
    handlers: {
      'dossier.list': record('dossier.list'),
      'dossier.get': record('dossier.get'),
    } as unknown as HandlerGroup<'dossier.list' | 'dossier.get'>,
  };
}

type Call = (params: unknown, context: CallContext) => unknown;
const call = (h: unknown, params: unknown, context: CallContext): unknown =>
  (h as Call)(params, context);

describe('requireStaff', () => {
  it('refuses every wrapped method to an anonymous connection before the handler runs', () => {
    const session = new StaffSession();
    const { handlers, seen } = domain();
    const guarded = requireStaff(session, handlers);
    expect(Object.keys(guarded).sort()).toEqual(['dossier.get', 'dossier.list']);
    for (const h of Object.values(guarded)) {
      expect(() => call(h, {}, tab('a'))).toThrow(
        expect.objectContaining({ code: 'AUTH_REQUIRED' }),
      );
    }
    expect(seen).toEqual([]);
  });

  it('passes params and context to the handler of a signed-in connection and returns its answer', () => {
    const session = new StaffSession();
    session.signIn(tab('a'), clerk);
    const { handlers, seen } = domain();
    const guarded = requireStaff(session, handlers);
    expect(call(guarded['dossier.get'], { idOrCode: 'd1' }, tab('a'))).toEqual({
      answered: 'dossier.get',
    });
    expect(seen).toEqual([['dossier.get', { idOrCode: 'd1' }, 'a']]);
    expect(() => call(guarded['dossier.list'], {}, tab('b'))).toThrow(
      expect.objectContaining({ code: 'AUTH_REQUIRED' }),
    );
  });

  it('with roles, a signed-in staff member without one of them is forbidden', () => {
    const session = new StaffSession();
    session.signIn(tab('clerk'), clerk);
    session.signIn(tab('admin'), admin);
    const { handlers, seen } = domain();
    const guarded = requireStaff(session, handlers, 'admin', 'it');
    expect(() => call(guarded['dossier.list'], {}, tab('clerk'))).toThrow(
      expect.objectContaining({ code: 'AUTH_FORBIDDEN' }),
    );
    expect(call(guarded['dossier.list'], {}, tab('admin'))).toEqual({ answered: 'dossier.list' });
    expect(seen).toEqual([['dossier.list', {}, 'admin']]);
  });
});
