import { describe, expect, it } from 'vitest';
import type { QueueArea } from './centre-queue-store';
import {
  areasOfCounter,
  callOrder,
  checkCounter,
  checkDossierCode,
  checkTransfer,
  countersOf,
  estimateWaitMinutes,
  findArea,
  peopleAhead,
  pickNext,
  queueDay,
  statusAfterDayEnd,
  statusWhenPassedOver,
  typicalServiceMs,
  type OrderedTicket,
} from './queue-rules';

const areas: QueueArea[] = [
  { code: 'HT', name: 'Hộ tịch', counters: [1, 2] },
  { code: 'CU', name: 'Cư trú', counters: [3] },
  { code: 'DD', name: 'Đất đai', counters: [3, 2] },
];

function ticket(number: number, area: string, extra: Partial<OrderedTicket> = {}): OrderedTicket {
  return { number, area, priority: null, takenAt: number * 1000, forCounter: null, ...extra };
}

describe('the queue rules', () => {
  it('numbers restart on the Vietnam civil day, not the machine’s UTC day', () => {
    // 17:00 UTC is midnight in Vietnam (UTC+7, no daylight saving).
    expect(queueDay(Date.UTC(2026, 11, 6, 16, 59))).toBe('2026-12-06');
    expect(queueDay(Date.UTC(2026, 11, 6, 17, 0))).toBe('2026-12-07');
  });

  it('calls a priority ticket before earlier ordinary ones, then in order of taking', () => {
    const waiting = [
      ticket(1, 'HT'),
      ticket(2, 'HT'),
      ticket(3, 'HT', { priority: 'elderly' }),
      ticket(4, 'HT', { priority: 'pregnant' }),
    ];
    expect([...waiting].sort(callOrder).map((t) => t.number)).toEqual([3, 4, 1, 2]);
    expect(pickNext(waiting, 1, areas)?.number).toBe(3);
  });

  it('a counter calls only tickets of the areas it serves', () => {
    const waiting = [ticket(1, 'CU'), ticket(2, 'HT'), ticket(3, 'DD')];
    expect(pickNext(waiting, 1, areas)?.number).toBe(2);
    expect(pickNext(waiting, 3, areas)?.number).toBe(1);
    expect(pickNext([ticket(1, 'CU')], 1, areas)).toBeUndefined();
  });

  it('a ticket transferred to one counter is called only there, keeping its place', () => {
    const moved = ticket(1, 'HT', { forCounter: 3 });
    const waiting = [moved, ticket(2, 'CU')];
    expect(pickNext(waiting, 3, areas)?.number).toBe(1);
    // Counter 1 serves HT but the ticket was sent to counter 3.
    expect(pickNext(waiting, 1, areas)).toBeUndefined();
  });

  it('breaks a tie in taking time by the number', () => {
    const waiting = [ticket(7, 'HT', { takenAt: 5 }), ticket(6, 'HT', { takenAt: 5 })];
    expect(pickNext(waiting, 2, areas)?.number).toBe(6);
  });

  it('counts people ahead within the same area only, priority ones ahead of an ordinary ticket', () => {
    const waiting = [
      ticket(1, 'HT'),
      ticket(2, 'CU'),
      ticket(3, 'HT'),
      ticket(4, 'HT', { priority: 'disability' }),
    ];
    const mine = ticket(5, 'HT');
    expect(peopleAhead(mine, [...waiting, mine])).toBe(3);
    const urgent = ticket(6, 'HT', { priority: 'merit' });
    expect(peopleAhead(urgent, [...waiting, mine, urgent])).toBe(1);
    // Even the first ordinary number waits behind a priority ticket taken later.
    expect(peopleAhead(ticket(1, 'HT'), waiting)).toBe(1);
    expect(peopleAhead(ticket(4, 'HT', { priority: 'disability' }), waiting)).toBe(0);
  });

  it('lists the counters and each counter’s areas from the configuration', () => {
    expect(countersOf(areas)).toEqual([1, 2, 3]);
    expect(areasOfCounter(areas, 2).map((a) => a.code)).toEqual(['HT', 'DD']);
    expect(areasOfCounter(areas, 9)).toEqual([]);
  });

  it('takes the median service time so one long dossier does not inflate every estimate', () => {
    expect(typicalServiceMs([])).toBeNull();
    expect(typicalServiceMs([0, -5])).toBeNull();
    expect(typicalServiceMs([4, 1, 3_600_000])).toBe(4);
    expect(typicalServiceMs([2, 4, 6, 8])).toBe(5);
  });

  it('estimates the wait from recent service times shared among the area’s counters', () => {
    const fourMinutes = 4 * 60_000;
    expect(
      estimateWaitMinutes({
        peopleAhead: 5,
        serviceDurationsMs: [fourMinutes, fourMinutes, 60 * 60_000],
        counters: 2,
        defaultServiceMinutes: 10,
      }),
    ).toBe(10);
  });

  it('falls back to the configured service time without history, and says 0 with nobody ahead', () => {
    const input = { serviceDurationsMs: [], counters: 1, defaultServiceMinutes: 7 };
    expect(estimateWaitMinutes({ ...input, peopleAhead: 3 })).toBe(21);
    expect(estimateWaitMinutes({ ...input, peopleAhead: 0 })).toBe(0);
    expect(estimateWaitMinutes({ ...input, peopleAhead: 1, counters: 0 })).toBe(7);
  });
});

describe('the day-end rule', () => {
  it('closes a ticket an earlier day left waiting or called as a no-show, and nothing else', () => {
    expect(statusAfterDayEnd('waiting', '2026-12-07', '2026-12-08')).toBe('no_show');
    expect(statusAfterDayEnd('called', '2026-12-07', '2026-12-08')).toBe('no_show');
    expect(statusAfterDayEnd('served', '2026-12-07', '2026-12-08')).toBe('served');
    expect(statusAfterDayEnd('waiting', '2026-12-08', '2026-12-08')).toBe('waiting');
    expect(statusAfterDayEnd('called', '2026-12-08', '2026-12-08')).toBe('called');
  });
});

describe('the rule for a current ticket "next" passes over', () => {
  it('is a no-show once called the allowed number of times with no dossier, else served', () => {
    expect(statusWhenPassedOver({ calls: 3, dossierCode: null }, 3)).toBe('no_show');
    expect(statusWhenPassedOver({ calls: 4, dossierCode: null }, 3)).toBe('no_show');
    expect(statusWhenPassedOver({ calls: 2, dossierCode: null }, 3)).toBe('served');
    expect(statusWhenPassedOver({ calls: 3, dossierCode: 'HS-01' }, 3)).toBe('served');
  });
});

describe('the request checks every store shares', () => {
  it('an area is found in any case and an unknown one names the valid choices', () => {
    expect(findArea(areas, ' ht ').code).toBe('HT');
    expect(() => findArea(areas, 'XX')).toThrow(
      expect.objectContaining({ code: 'QUEUE_AREA_UNKNOWN' }),
    );
  });

  it('a counter no area names is refused with the configured list', () => {
    expect(() => {
      checkCounter(areas, 3);
    }).not.toThrow();
    expect(() => {
      checkCounter(areas, 9);
    }).toThrow(/1, 2, 3/);
    expect(() => {
      checkCounter(areas, 1.5);
    }).toThrow(expect.objectContaining({ code: 'QUEUE_COUNTER_UNKNOWN' }));
  });

  it('a dossier code is trimmed, and one with spaces inside is refused', () => {
    expect(checkDossierCode(' HS-01.2 ')).toBe('HS-01.2');
    expect(checkDossierCode(undefined)).toBeUndefined();
    expect(() => checkDossierCode('HS 01')).toThrow(
      expect.objectContaining({ code: 'QUEUE_INVALID' }),
    );
  });

  it('a transfer goes to another counter or another area, never where the ticket is', () => {
    const ticket = { number: 7, area: 'HT' };
    expect(checkTransfer(areas, ticket, 1, { counter: 2 })).toEqual({ counter: 2 });
    expect(checkTransfer(areas, ticket, 1, { area: 'cu' })).toEqual({ area: areas[1] });
    expect(() => checkTransfer(areas, ticket, 1, { counter: 1 })).toThrow(
      expect.objectContaining({ code: 'QUEUE_INVALID' }),
    );
    expect(() => checkTransfer(areas, ticket, 1, { area: 'HT' })).toThrow(
      expect.objectContaining({ code: 'QUEUE_INVALID' }),
    );
    expect(() => checkTransfer(areas, ticket, 1, { counter: 9 })).toThrow(
      expect.objectContaining({ code: 'QUEUE_COUNTER_UNKNOWN' }),
    );
  });
});
