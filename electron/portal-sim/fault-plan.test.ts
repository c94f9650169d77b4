import { describe, expect, it } from 'vitest';
import { FaultPlan, faultKinds, seededRandom } from './fault-plan';

describe('fault plan', () => {
  it('injects faults at about the requested rate, every kind among them', () => {
    const plan = new FaultPlan(0.3, seededRandom(7));
    const seen = new Map<string, number>();
    let faults = 0;
    const calls = 20_000;
    for (let i = 0; i < calls; i++) {
      const fault = plan.next();
      if (fault === null) continue;
      faults++;
      seen.set(fault, (seen.get(fault) ?? 0) + 1);
    }
    expect(faults / calls).toBeGreaterThan(0.28);
    expect(faults / calls).toBeLessThan(0.32);
    expect([...seen.keys()].sort()).toEqual([...faultKinds].sort());
  });

  it('replays the same faults from the same seed', () => {
    const a = new FaultPlan(0.5, seededRandom(42));
    const b = new FaultPlan(0.5, seededRandom(42));
    const run = (p: FaultPlan): (string | null)[] => Array.from({ length: 100 }, () => p.next());
    expect(run(a)).toEqual(run(b));
  });

  it('never injects at rate 0 and only the chosen kinds when restricted', () => {
    const none = new FaultPlan(0, seededRandom(1));
    expect(Array.from({ length: 1000 }, () => none.next()).every((f) => f === null)).toBe(true);
    const only = new FaultPlan(1, seededRandom(1), ['rate-limit']);
    expect(new Set(Array.from({ length: 100 }, () => only.next()))).toEqual(
      new Set(['rate-limit']),
    );
  });

  it('refuses a rate outside 0..1', () => {
    expect(() => new FaultPlan(1.5, Math.random)).toThrow(RangeError);
  });
});
