import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../store/migrator';
import { OfflineTicketStash, offlineStashMigrations } from './offline-ticket-stash';

let stash: OfflineTicketStash;
beforeEach(() => {
  const db = new Database(':memory:');
  migrate(db, offlineStashMigrations);
  stash = new OfflineTicketStash(db);
});

const ticket = (id: string, day = '2026-12-07') => ({
  id,
  day,
  area: 'HT',
  priority: null,
  taken_at: 1,
});

describe('the offline ticket stash', () => {
  it('hands out a reserved block in order, then says it is used up', () => {
    stash.addBlock('2026-12-07', 41, 43);
    expect(stash.remaining('2026-12-07')).toBe(3);
    const numbers = ['a', 'b', 'c'].map((id) => stash.issue(ticket(id))?.number);
    expect(numbers).toEqual([41, 42, 43]);
    expect(stash.issue(ticket('d'))).toBeNull();
    expect(stash.remaining('2026-12-07')).toBe(0);
  });

  it('issues nothing from another day’s block: numbers restart each day', () => {
    stash.addBlock('2026-12-06', 10, 20);
    expect(stash.issue(ticket('a'))).toBeNull();
  });

  it('keeps each issued ticket until PostgreSQL has it, and records a block once', () => {
    stash.addBlock('2026-12-07', 5, 6);
    stash.addBlock('2026-12-07', 5, 6);
    expect(stash.remaining('2026-12-07')).toBe(2);
    stash.issue(ticket('a'));
    stash.issue(ticket('b'));
    expect(stash.pending().map((t) => [t.id, t.number])).toEqual([
      ['a', 5],
      ['b', 6],
    ]);
    stash.forget('a');
    expect(stash.pending().map((t) => t.id)).toEqual(['b']);
  });
});
