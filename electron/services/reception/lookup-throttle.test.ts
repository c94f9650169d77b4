import { describe, expect, it } from 'vitest';
import { KioskError } from '../../api/errors';
import { LookupThrottle } from './lookup-throttle';

const limited = expect.objectContaining({ code: 'LOOKUP_RATE_LIMITED' }) as KioskError;

describe('status lookups are bounded per connection', () => {
  it('allows the limit in a window, refuses the next with LOOKUP_RATE_LIMITED, and allows again once the window has passed', () => {
    let now = 0;
    const throttle = new LookupThrottle({ limit: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i += 1) throttle.take('a');
    expect(() => {
      throttle.take('a');
    }).toThrow(limited);
    now = 59_999;
    expect(() => {
      throttle.take('a');
    }).toThrow(KioskError);
    now = 60_000;
    expect(() => {
      throttle.take('a');
    }).not.toThrow();
  });

  it('one connection using up its lookups leaves another connection its own', () => {
    const throttle = new LookupThrottle({ limit: 2, now: () => 0 });
    throttle.take('script');
    throttle.take('script');
    expect(() => {
      throttle.take('script');
    }).toThrow(limited);
    expect(() => {
      throttle.take('citizen');
    }).not.toThrow();
  });

  it('bounds staff too, at their own higher limit', () => {
    const throttle = new LookupThrottle({ limit: 1, staffLimit: 3, now: () => 0 });
    for (let i = 0; i < 3; i += 1) throttle.take('clerk', true);
    expect(() => {
      throttle.take('clerk', true);
    }).toThrow(limited);
  });
});
