import { describe, expect, it } from 'vitest';
import {
  checkReasons,
  DEFAULT_RATING_WINDOW_MS,
  pendingTicket,
  type CounterTicket,
} from './rating-rules';

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 11, 7, 2, 0);

function ticket(over: Partial<CounterTicket> & { number: number }): CounterTicket {
  return {
    id: `t${over.number}`,
    status: 'called',
    counter: 3,
    servedAt: null,
    calledAt: NOW - 10 * MINUTE,
    rated: false,
    ...over,
  };
}

describe('which ticket a counter rating screen asks about', () => {
  it('asks about the ticket just served there even though the next one is already called', () => {
    const served = ticket({ number: 1023, status: 'served', servedAt: NOW - MINUTE });
    const called = ticket({ number: 1024, calledAt: NOW - MINUTE });
    expect(pendingTicket([called, served], 3, NOW)?.number).toBe(1023);
  });

  it('moves on to the ticket being served once the last one is rated or its window passed', () => {
    const called = ticket({ number: 1024 });
    const rated = ticket({ number: 1023, status: 'served', servedAt: NOW - MINUTE, rated: true });
    expect(pendingTicket([rated, called], 3, NOW)?.number).toBe(1024);
    const late = ticket({
      number: 1023,
      status: 'served',
      servedAt: NOW - DEFAULT_RATING_WINDOW_MS - 1,
    });
    expect(pendingTicket([late, called], 3, NOW)?.number).toBe(1024);
    expect(pendingTicket([late], 3, NOW)).toBeNull();
  });

  it('only looks at its own counter and never at an older served ticket behind a newer one', () => {
    const other = ticket({ number: 7, counter: 2, status: 'served', servedAt: NOW - MINUTE });
    expect(pendingTicket([other], 3, NOW)).toBeNull();
    const older = ticket({ number: 5, status: 'served', servedAt: NOW - 2 * MINUTE });
    const newer = ticket({ number: 6, status: 'served', servedAt: NOW - MINUTE, rated: true });
    expect(pendingTicket([older, newer], 3, NOW)).toBeNull();
  });
});

describe('the reasons a citizen may give', () => {
  it('takes known reasons with the two lower scores, in the list order', () => {
    expect(checkReasons('dissatisfied', ['attitude', 'waited_long'])).toEqual({
      ok: true,
      reasons: ['waited_long', 'attitude'],
    });
    expect(checkReasons('neutral', [])).toEqual({ ok: true, reasons: [] });
  });

  it('refuses reasons with a good score, unknown codes and a reason given twice', () => {
    expect(checkReasons('very_satisfied', ['waited_long'])).toMatchObject({ ok: false });
    expect(checkReasons('dissatisfied', ['rude-free-text'])).toMatchObject({
      ok: false,
      vi: expect.stringContaining('Chọn lý do trong danh sách') as string,
    });
    expect(checkReasons('neutral', ['attitude', 'attitude'])).toMatchObject({ ok: false });
  });
});
