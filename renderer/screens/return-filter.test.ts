import { describe, expect, it } from 'vitest';
import { matchesReturnFilter } from './return-filter';

const NOW = Date.UTC(2026, 11, 5, 3, 0, 0);
const past = NOW - 3600_000;
const future = NOW + 3600_000;

describe("the dossier list's return filter", () => {
  it('"chờ trả" is the portal\'s finished status and "đã trả" the returned one', () => {
    expect(matchesReturnFilter({ status: '9', dueAt: future }, 'waiting', NOW)).toBe(true);
    expect(matchesReturnFilter({ status: '4', dueAt: future }, 'waiting', NOW)).toBe(false);
    expect(matchesReturnFilter({ status: '10', dueAt: past }, 'returned', NOW)).toBe(true);
  });

  it('"quá hạn" is past the appointment and not yet closed, whether or not the result is ready', () => {
    expect(matchesReturnFilter({ status: '4', dueAt: past }, 'overdue', NOW)).toBe(true);
    expect(matchesReturnFilter({ status: '9', dueAt: past }, 'overdue', NOW)).toBe(true);
    expect(matchesReturnFilter({ status: '4', dueAt: future }, 'overdue', NOW)).toBe(false);
    for (const closed of ['3', '7', '8', '10'] as const)
      expect(matchesReturnFilter({ status: closed, dueAt: past }, 'overdue', NOW)).toBe(false);
  });
});
