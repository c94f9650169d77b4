import { describe, expect, it } from 'vitest';
import { LaunchCodes } from './launch-codes';

describe('one-time launch codes', () => {
  it('open the page once, and never after the first use or after they expire', () => {
    let now = 0;
    const codes = new LaunchCodes({ ttlMs: 1000, now: () => now });
    const code = codes.issue();
    expect(codes.redeem('forged')).toBe(false);
    expect(codes.redeem(code)).toBe(true);
    expect(codes.redeem(code)).toBe(false);
    const late = codes.issue();
    now = 1000;
    expect(codes.redeem(late)).toBe(false);
  });
});
