import { describe, expect, it } from 'vitest';
import type { TakenTicket } from './centre-queue-store';
import { RecentTickets } from './recent-tickets';

function ticket(id: string): TakenTicket {
  return {
    id,
    day: '2026-12-07',
    number: 1,
    area: 'HT',
    areaName: 'Hộ tịch',
    priority: null,
    status: 'waiting',
    counter: null,
    forCounter: null,
    calls: 0,
    takenAt: 0,
    firstCalledAt: null,
    calledAt: null,
    servedAt: null,
    dossierCode: null,
    clerk: null,
    booked: false,
    peopleAhead: 0,
    estimatedWaitMinutes: 0,
  };
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'none';
}

describe('the tickets the kiosk may still print', () => {
  it('a ticket is printable for five minutes after it was taken, not a moment longer', () => {
    let now = 1_000_000;
    const recent = new RecentTickets({ now: () => now });
    recent.remember(ticket('a'));
    now += 5 * 60_000;
    expect(recent.claim('a').id).toBe('a');
    now += 1;
    expect(refusal(() => recent.claim('a'))).toBe('TICKET_PRINT_REFUSED');
  });

  it('a ticket prints three times at most, and one never taken here not at all', () => {
    const recent = new RecentTickets();
    recent.remember(ticket('a'));
    for (let i = 0; i < 3; i += 1) expect(recent.claim('a').id).toBe('a');
    expect(refusal(() => recent.claim('a'))).toBe('TICKET_PRINT_REFUSED');
    expect(refusal(() => recent.claim('b'))).toBe('TICKET_PRINT_REFUSED');
  });

  it('remembers a bounded number of tickets, forgetting the oldest first', () => {
    const recent = new RecentTickets({ capacity: 2 });
    for (const id of ['a', 'b', 'c']) recent.remember(ticket(id));
    expect(refusal(() => recent.claim('a'))).toBe('TICKET_PRINT_REFUSED');
    expect(recent.claim('b').id).toBe('b');
    expect(recent.claim('c').id).toBe('c');
  });
});
