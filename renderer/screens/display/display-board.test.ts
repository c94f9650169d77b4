import { describe, expect, it } from 'vitest';
import {
  applyCall,
  applyStatus,
  emptyBoard,
  RECENT_CALLS,
  type BoardCall,
  type QueueStatusView,
} from './display-board';

const call = (number: number, counter: number, at: number, calls = 1): BoardCall => ({
  number,
  area: 'HT',
  areaName: 'Hộ tịch',
  counter,
  calls,
  at,
});

function ticket(number: number, counter: number, status: 'called' | 'served') {
  return {
    id: `t${number}`,
    day: '2026-12-07',
    number,
    area: 'HT',
    areaName: 'Hộ tịch',
    priority: null,
    status,
    counter,
    forCounter: null,
    calls: 1,
    takenAt: 1,
    firstCalledAt: 50 + number,
    calledAt: 50 + number,
    servedAt: null,
    dossierCode: null,
    clerk: 'canbo1',
  } as const;
}

const status = (currents: (ReturnType<typeof ticket> | null)[]): QueueStatusView => ({
  day: '2026-12-07',
  areas: [
    {
      code: 'HT',
      name: 'Hộ tịch',
      counters: [1, 2],
      waiting: 4,
      waitingPriority: 1,
      served: 0,
      noShows: 0,
      estimatedWaitMinutes: 20,
    },
  ],
  counters: currents.map((current, i) => ({
    counter: i + 1,
    areas: ['HT'],
    current,
    waitingHere: 0,
  })),
});

describe('the hall board', () => {
  it('shows a call at its counter and at the head of the recent calls', () => {
    const board = applyCall(applyCall(emptyBoard, call(1, 2, 10)), call(2, 1, 20));
    expect(board.counters.map((r) => [r.counter, r.current?.number])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(board.recent.map((c) => c.number)).toEqual([2, 1]);
  });

  it('lists a recalled number once, at the top', () => {
    let board = applyCall(emptyBoard, call(1, 1, 10));
    board = applyCall(board, call(2, 2, 20));
    board = applyCall(board, call(1, 1, 30, 2));
    expect(board.recent.map((c) => [c.number, c.calls])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });

  it(`keeps the last ${RECENT_CALLS} calls only`, () => {
    let board = emptyBoard;
    for (let n = 1; n <= 10; n++) board = applyCall(board, call(n, 1, n));
    expect(board.recent.map((c) => c.number)).toEqual([10, 9, 8, 7, 6]);
  });

  it('takes from the status what each counter holds now and who waits, and shows no personal field', () => {
    let board = applyCall(emptyBoard, call(7, 1, 10));
    board = applyStatus(board, status([ticket(7, 1, 'served'), ticket(8, 2, 'called')]));
    expect(board.counters).toEqual([
      { counter: 1, current: null },
      { counter: 2, current: { ...call(8, 2, 58) } },
    ]);
    expect(board.recent.map((c) => c.number)).toEqual([8, 7]);
    expect(board.waiting).toEqual([{ code: 'HT', name: 'Hộ tịch', waiting: 4 }]);
    expect(JSON.stringify(board)).not.toContain('canbo1');
  });

  it('starts a display opened mid-day with the tickets the counters hold', () => {
    const board = applyStatus(emptyBoard, status([ticket(3, 1, 'called'), null]));
    expect(board.counters.map((r) => r.current?.number ?? null)).toEqual([3, null]);
    expect(board.recent.map((c) => c.number)).toEqual([3]);
  });
});
