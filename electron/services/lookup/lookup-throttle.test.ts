import { describe, expect, it } from 'vitest';
import { KioskError } from '../../api/errors';
import { LookupThrottle } from './lookup-throttle';

const limited = expect.objectContaining({ code: 'LOOKUP_RATE_LIMITED' }) as KioskError;

describe('status lookups are bounded per client and for all anonymous clients together', () => {
  it('allows the limit in a window, refuses the next with LOOKUP_RATE_LIMITED, and allows again once the window has passed', () => {
    let now = 0;
    const throttle = new LookupThrottle({ limit: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i += 1) throttle.take({ connection: 'a' });
    expect(() => {
      throttle.take({ connection: 'a' });
    }).toThrow(limited);
    now = 59_999;
    expect(() => {
      throttle.take({ connection: 'a' });
    }).toThrow(KioskError);
    now = 60_000;
    expect(() => {
      throttle.take({ connection: 'a' });
    }).not.toThrow();
  });

  it('one connection using up its own lookups leaves another connection some', () => {
    const throttle = new LookupThrottle({ limit: 2, anonymousLimit: 3, now: () => 0 });
    throttle.take({ connection: 'script' });
    throttle.take({ connection: 'script' });
    expect(() => {
      throttle.take({ connection: 'script' });
    }).toThrow(limited);
    expect(() => {
      throttle.take({ connection: 'citizen' });
    }).not.toThrow();
  });

  it('reconnecting does not reset the limit: every anonymous connection shares one window', () => {
    const throttle = new LookupThrottle({ limit: 2, anonymousLimit: 5, now: () => 0 });
    let allowed = 0;
    for (let socket = 0; socket < 50; socket += 1) {
      for (let i = 0; i < 3; i += 1) {
        try {
          throttle.take({ connection: `socket-${String(socket)}` });
          allowed += 1;
        } catch (error) {
          expect(error).toEqual(limited);
        }
      }
    }
    expect(allowed).toBe(5);
  });

  it('bounds staff per account, at their own higher limit, across connections', () => {
    const throttle = new LookupThrottle({
      limit: 1,
      anonymousLimit: 1,
      staffLimit: 3,
      now: () => 0,
    });
    for (let i = 0; i < 3; i += 1)
      throttle.take({ connection: `tab-${String(i)}`, staff: 'canbo1' });
    expect(() => {
      throttle.take({ connection: 'tab-new', staff: 'canbo1' });
    }).toThrow(limited);
    // The anonymous window is the citizens', apart from the clerk's.
    expect(() => {
      throttle.take({ connection: 'kiosk' });
    }).not.toThrow();
    expect(() => {
      throttle.take({ connection: 'tab-1', staff: 'canbo2' });
    }).not.toThrow();
  });
});
