import type { EventPayload, Result } from '../../../electron/api/contract';

export type BoardCall = EventPayload<'queue.called'>;
export type QueueStatusView = Result<'queue.status'>;

export interface CounterRow {
  readonly counter: number;
  /** The ticket called there now, or null while the counter has none. */
  readonly current: BoardCall | null;
}

export interface AreaWaiting {
  readonly code: string;
  readonly name: string;
  readonly waiting: number;
}

/** What the hall screen shows: per counter the number called now, the last calls, who waits. */
export interface Board {
  readonly counters: readonly CounterRow[];
  /** The latest calls, newest first; a number appears once (its latest call). */
  readonly recent: readonly BoardCall[];
  readonly waiting: readonly AreaWaiting[];
}

/** Calls the "Vừa gọi" column lists: more would not be readable from the back of the hall. */
export const RECENT_CALLS = 5;

export const emptyBoard: Board = { counters: [], recent: [], waiting: [] };

function sameTicket(a: BoardCall, b: BoardCall): boolean {
  return a.number === b.number && a.area === b.area;
}

function withRecent(recent: readonly BoardCall[], call: BoardCall): readonly BoardCall[] {
  return [call, ...recent.filter((c) => !sameTicket(c, call))]
    .sort((a, b) => b.at - a.at)
    .slice(0, RECENT_CALLS);
}

/** A call or recall: the counter shows it, and it heads the recent calls. */
export function applyCall(board: Board, call: BoardCall): Board {
  const known = board.counters.some((row) => row.counter === call.counter);
  const counters = known
    ? board.counters.map((row) => (row.counter === call.counter ? { ...row, current: call } : row))
    : [...board.counters, { counter: call.counter, current: call }].sort(
        (a, b) => a.counter - b.counter,
      );
  return { ...board, counters, recent: withRecent(board.recent, call) };
}

/**
 * The queue's status, read at start, after each call, every few seconds and
 * after a reconnection: it is the truth for what each counter holds now (a
 * ticket served or sent elsewhere leaves its counter) and for who waits.
 * The recent calls keep what this page heard, plus the counters' current
 * tickets, so a display opened mid-day does not start empty.
 */
export function applyStatus(board: Board, status: QueueStatusView): Board {
  const counters = status.counters
    .map((row): CounterRow => {
      const ticket = row.current;
      if (ticket?.status !== 'called' || ticket.counter === null) {
        return { counter: row.counter, current: null };
      }
      return {
        counter: row.counter,
        current: {
          number: ticket.number,
          area: ticket.area,
          areaName: ticket.areaName,
          counter: ticket.counter,
          calls: Math.max(1, ticket.calls),
          at: ticket.calledAt ?? ticket.takenAt,
        },
      };
    })
    .sort((a, b) => a.counter - b.counter);
  let recent = board.recent;
  for (const row of counters) {
    if (row.current && !recent.some((c) => row.current && sameTicket(c, row.current))) {
      recent = withRecent(recent, row.current);
    }
  }
  return {
    counters,
    recent,
    waiting: status.areas.map((a) => ({ code: a.code, name: a.name, waiting: a.waiting })),
  };
}
