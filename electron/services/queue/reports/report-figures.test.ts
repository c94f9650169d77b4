import { describe, expect, it } from 'vitest';
import { distribution, figuresOf, satisfaction, type RatingFact, type TicketFact } from './report-figures';

const MIN = 60_000;
const minutes = (...m: number[]) => m.map((x) => x * MIN);
/** 2026-12-07 08:00 in Vietnam (01:00 UTC), the morning the tickets below are taken. */
const at = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return Date.UTC(2026, 11, 7, (h ?? 0) - 7, m ?? 0);
};

describe('distribution', () => {
  it('gives median, nearest-rank p90, max and the histogram of hand-counted durations', () => {
    const d = distribution(minutes(30, 2, 61, 7, 12, 4));
    expect(d).toMatchObject({ count: 6, medianMinutes: 9.5, p90Minutes: 61, maxMinutes: 61 });
    expect(d.buckets.map((b) => [b.fromMinutes, b.toMinutes, b.count])).toEqual([
      [0, 5, 2],
      [5, 10, 1],
      [10, 15, 1],
      [15, 20, 0],
      [20, 30, 0],
      [30, 45, 1],
      [45, 60, 0],
      [60, null, 1],
    ]);
  });

  it('takes p90 as the 9th of ten durations, not the largest', () => {
    expect(distribution(minutes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)).p90Minutes).toBe(9);
    expect(distribution(minutes(1, 3, 10))).toMatchObject({ medianMinutes: 3, p90Minutes: 10 });
  });

  it('rounds to a tenth of a minute and leaves out negative durations', () => {
    expect(distribution([90_000, -5 * MIN])).toMatchObject({ count: 1, medianMinutes: 1.5 });
  });

  it('has no median, p90 or max without durations, and empty bars', () => {
    const d = distribution([]);
    expect(d).toMatchObject({ count: 0, medianMinutes: null, p90Minutes: null, maxMinutes: null });
    expect(d.buckets.every((b) => b.count === 0)).toBe(true);
  });
});

describe('satisfaction', () => {
  it('counts each score and the share very satisfied or satisfied, to one decimal', () => {
    const s = satisfaction([
      'very_satisfied',
      'very_satisfied',
      'satisfied',
      'neutral',
      'dissatisfied',
      'satisfied',
      'satisfied',
    ]);
    expect(s).toEqual({
      verySatisfied: 2,
      satisfied: 3,
      neutral: 1,
      dissatisfied: 1,
      total: 7,
      satisfiedPercent: 71.4,
    });
  });

  it('has no percentage without ratings', () => {
    expect(satisfaction([]).satisfiedPercent).toBeNull();
  });
});

const day = '2026-12-07';
function ticket(t: Partial<TicketFact> & Pick<TicketFact, 'area' | 'status' | 'takenAt'>): TicketFact {
  return { day, priority: null, firstCalledAt: null, calledAt: null, servedAt: null, ...t };
}

const morning: readonly TicketFact[] = [
  // HT: served after 10 min waiting, 15 min at the counter
  ticket({ area: 'HT', status: 'served', takenAt: at('08:00'), firstCalledAt: at('08:10'), calledAt: at('08:10'), servedAt: at('08:25') }),
  // HT priority, called at 08:06, transferred, called again at the serving counter at 08:20
  ticket({ area: 'HT', status: 'served', priority: 'elderly', takenAt: at('08:05'), firstCalledAt: at('08:06'), calledAt: at('08:20'), servedAt: at('08:30') }),
  ticket({ area: 'HT', status: 'no_show', takenAt: at('08:10'), firstCalledAt: at('08:40'), calledAt: at('08:42') }),
  ticket({ area: 'CT', status: 'waiting', takenAt: at('09:00') }),
  ticket({ area: 'CT', status: 'called', takenAt: at('09:00'), firstCalledAt: at('09:20'), calledAt: at('09:20') }),
  // an area removed from config.json since
  ticket({ area: 'OLD', status: 'served', takenAt: at('07:00'), firstCalledAt: at('07:03'), calledAt: at('07:03'), servedAt: at('07:05') }),
];

const ratings: readonly RatingFact[] = [
  { day, counter: 2, clerk: 'lan', score: 'very_satisfied' },
  { day, counter: 2, clerk: 'lan', score: 'satisfied' },
  { day, counter: 1, clerk: 'minh', score: 'dissatisfied' },
  { day, counter: 1, clerk: null, score: 'neutral' },
  { day, counter: 2, clerk: 'minh', score: 'satisfied' },
];

const areas = [
  { code: 'HT', name: 'Hộ tịch', counters: [1, 2] },
  { code: 'CT', name: 'Chứng thực', counters: [2] },
  { code: 'DD', name: 'Đất đai', counters: [3] },
];

describe('figuresOf', () => {
  const f = figuresOf(morning, ratings, areas);

  it('counts tickets per area: configured areas in order, a quiet one as zeros, a retired code last', () => {
    expect(f.areas.map((a) => [a.code, a.name, a.taken, a.priority, a.served, a.noShows, a.waiting, a.called])).toEqual([
      ['HT', 'Hộ tịch', 3, 1, 2, 1, 0, 0],
      ['CT', 'Chứng thực', 2, 0, 0, 0, 1, 1],
      ['DD', 'Đất đai', 0, 0, 0, 0, 0, 0],
      ['OLD', 'OLD', 1, 0, 1, 0, 0, 0],
    ]);
    expect(f.tickets).toEqual({ taken: 6, priority: 1, served: 3, noShows: 1, waiting: 1, called: 1 });
  });

  it('measures waiting to the first call and service from the call at the serving counter', () => {
    // waits 10, 1, 30, 20, 3; services 15, 10, 2 (the no-show and the called ticket have none)
    expect(f.waiting).toMatchObject({ count: 5, medianMinutes: 10, p90Minutes: 30, maxMinutes: 30 });
    expect(f.waiting.buckets.map((b) => b.count)).toEqual([2, 0, 1, 0, 1, 1, 0, 0]);
    expect(f.service).toMatchObject({ count: 3, medianMinutes: 10, p90Minutes: 15, maxMinutes: 15 });
  });

  it('gives satisfaction per counter and per clerk, ratings without a clerk last', () => {
    expect(f.counters.map((c) => [c.counter, c.total, c.satisfiedPercent])).toEqual([
      [1, 2, 0],
      [2, 3, 100],
    ]);
    expect(f.clerks.map((c) => [c.clerk, c.verySatisfied, c.satisfied, c.neutral, c.dissatisfied, c.satisfiedPercent])).toEqual([
      ['lan', 1, 1, 0, 0, 100],
      ['minh', 0, 1, 0, 1, 50],
      [null, 0, 0, 1, 0, 0],
    ]);
    expect(f.satisfaction).toMatchObject({ total: 5, satisfiedPercent: 60 });
  });
});
