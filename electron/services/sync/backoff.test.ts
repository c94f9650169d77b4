import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff, nextAttemptAt } from './backoff';

const policy = { baseMs: 500, maxMs: 8_000 };

describe('backoff', () => {
  it('doubles with each failed attempt and stays between half and all of the cap', () => {
    for (const [attempts, cap] of [
      [0, 500],
      [1, 1_000],
      [2, 2_000],
      [3, 4_000],
    ] as const) {
      expect(backoffDelay(attempts, policy, () => 0)).toBe(cap / 2);
      expect(backoffDelay(attempts, policy, () => 0.999_999)).toBeCloseTo(cap, -1);
    }
  });

  it('never waits longer than the maximum, however many attempts failed', () => {
    expect(backoffDelay(50, policy, () => 0.999_999)).toBeLessThanOrEqual(8_000);
    expect(backoffDelay(10_000, policy, () => 0)).toBe(4_000);
  });

  it('spreads kiosks that failed together over the jitter half', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3, policy, Math.random)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('honours a Retry-After longer than the backoff', () => {
    expect(nextAttemptAt(1_000, 0, 30_000, policy, () => 0)).toBe(31_000);
    expect(nextAttemptAt(1_000, 3, 100, policy, () => 0)).toBe(3_000);
    expect(nextAttemptAt(1_000, 0, null, policy, () => 0)).toBe(1_250);
  });

  it('by default starts at half a second and waits two minutes at most', () => {
    expect(backoffDelay(0, defaultBackoff, () => 1)).toBe(500);
    expect(backoffDelay(30, defaultBackoff, () => 1)).toBe(120_000);
    expect(backoffDelay(30, defaultBackoff, () => 0)).toBe(60_000);
  });
});
