import { describe, expect, it } from 'vitest';
import { KioskError } from '../../api/errors';
import { LookupThrottle } from './lookup-throttle';

describe('anonymous status lookups are bounded', () => {
  it('allows the limit in a window, refuses the next with LOOKUP_RATE_LIMITED, and allows again once the window has passed', () => {
    let now = 0;
    const throttle = new LookupThrottle({ limit: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i += 1) throttle.take();
    expect(() => {
      throttle.take();
    }).toThrow(expect.objectContaining({ code: 'LOOKUP_RATE_LIMITED' }) as KioskError);
    now = 59_999;
    expect(() => {
      throttle.take();
    }).toThrow(KioskError);
    now = 60_000;
    expect(() => {
      throttle.take();
    }).not.toThrow();
  });
});
