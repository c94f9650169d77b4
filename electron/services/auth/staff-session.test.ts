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

  it('sign-out ends the sign-in of its own connection only', () => {
    const session = new StaffSession();
    session.signIn(tab('a'), clerk);
    session.signIn(tab('b'), clerk);
    session.signOut(tab('a'));
    expect(session.current(tab('a'))).toBeUndefined();
    expect(session.current(tab('b'))).toEqual(clerk);
    expect(session.anySignedIn()).toBe(true);
  });

  it('a call made exactly at the idle limit is too late', () => {
    let now = 0;
    const session = new StaffSession({ idleMs: 1000, now: () => now });
    session.signIn(tab('a'), clerk);
    now = 999;
    expect(session.current(tab('a'))).toEqual(clerk);
    now = 1999;
    expect(session.current(tab('a'))).toBeUndefined();
  });

  it('by default a sign-in ends after 15 minutes without a call, silently when no one listens', () => {
    let now = 0;
    const session = new StaffSession({ now: () => now });
    session.signIn(tab('a'), clerk);
    now = 15 * 60_000 - 1;
    expect(session.anySignedIn()).toBe(true);
    now += 15 * 60_000 - 1; // anySignedIn is not a call on the connection
    expect(session.current(tab('a'))).toBeUndefined();
    expect(session.anySignedIn()).toBe(false);
  });

  it('an idle sign-in found by anySignedIn is ended and reported once', () => {
    let now = 0;
    const ended: string[] = [];
    const session = new StaffSession({
      idleMs: 1000,
      now: () => now,
      onIdle: (a) => ended.push(a.username),
    });
    session.signIn(tab('a'), clerk);
    now = 1000;
    expect(session.anySignedIn()).toBe(false);
    expect(session.anySignedIn()).toBe(false);
    expect(ended).toEqual(['canbo1']);
  });

  it('without the asked role it is forbidden; with any one of them it passes', () => {
    const session = new StaffSession();
    session.signIn(tab('a'), clerk);
    expect(() => session.require(tab('a'), 'admin', 'it')).toThrow(
      expect.objectContaining({ code: 'AUTH_FORBIDDEN' }),
    );
    expect(session.require(tab('a'), 'admin', 'clerk')).toEqual(clerk);
    expect(session.require(tab('a'))).toEqual(clerk);
    expect(() => session.require(tab('b'), 'clerk')).toThrow(
      expect.objectContaining({ code: 'AUTH_REQUIRED' }),
    );
  });
});
