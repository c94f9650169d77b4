import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../api/dispatcher';
import type { StaffAccount } from './staff-accounts';
import { StaffSession } from './staff-session';

const clerk: StaffAccount = { id: '1', username: 'canbo1', role: 'clerk' };
const tab = (connection: string): CallContext => ({ transport: 'ws', connection });

describe('a staff sign-in', () => {
  it('ends after the idle limit with no call on its connection, and calls keep it alive', () => {
    let now = 0;
    const ended: string[] = [];
    const session = new StaffSession({
      idleMs: 1000,
      now: () => now,
      onIdle: (account) => ended.push(account.username),
    });
    session.signIn(tab('a'), clerk);
    for (now = 900; now <= 4500; now += 900) expect(session.current(tab('a'))).toEqual(clerk);
    now += 1000;
    expect(session.anySignedIn()).toBe(false);
    expect(session.current(tab('a'))).toBeUndefined();
    expect(() => session.require(tab('a'))).toThrow(
      expect.objectContaining({ code: 'AUTH_REQUIRED' }),
    );
    expect(ended).toEqual(['canbo1']);
  });

  it('ends with its connection and belongs to no other', () => {
    const session = new StaffSession();
    session.signIn(tab('a'), clerk);
    expect(session.current(tab('b'))).toBeUndefined();
    session.endConnection('a');
    expect(session.current(tab('a'))).toBeUndefined();
  });
});
