import { describe, expect, it } from 'vitest';
import { RendererLogBudget } from './renderer-log-budget';

describe("a page's log budget", () => {
  it('lets a connection write its budget, drops the rest, and reports how many were dropped when the window turns', () => {
    let now = 0;
    const budget = new RendererLogBudget({ perWindow: 3, windowMs: 1000, now: () => now });
    const allowed = Array.from({ length: 10 }, () => budget.take('page').allowed);
    expect(allowed.filter(Boolean)).toHaveLength(3);
    expect(budget.take('other').allowed).toBe(true);
    now = 1000;
    expect(budget.take('page')).toEqual({ allowed: true, droppedBefore: 7 });
  });
});
