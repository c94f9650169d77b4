import type {
  AreaFigures,
  Distribution,
  Figures,
  Satisfaction,
  TicketCounts,
} from '../../../api/contract/report';
import type { RatingScore } from '../../../api/contract/rating';
import type { PriorityReason, QueueArea, TicketStatus } from '../centre-queue-store';

/**
 * The QĐ 766 figures as pure functions over plain rows (no Node, no
 * database), so every store — SQLite today, PostgreSQL for a shared centre —
 * reports the same numbers from the same facts.
 */

export interface TicketFact {
  readonly day: string;
  readonly area: string;
  readonly status: TicketStatus;
  readonly priority: PriorityReason | null;
  readonly takenAt: number;
  readonly firstCalledAt: number | null;
  readonly calledAt: number | null;
  readonly servedAt: number | null;
}

export interface RatingFact {
  readonly day: string;
  readonly counter: number;
  readonly clerk: string | null;
  readonly score: RatingScore;
}

/**
 * Histogram edges in minutes. Finer under 20 minutes, where most waits of a
 * commune centre fall; the last bar holds everything from an hour up.
 */
export const BUCKET_EDGES_MINUTES: readonly number[] = [0, 5, 10, 15, 20, 30, 45, 60];

const MS_PER_MINUTE = 60_000;

/** Minutes with one decimal: seconds matter to nobody reading a centre report. */
function toMinutes(ms: number): number {
  return Math.round((ms / MS_PER_MINUTE) * 10) / 10;
}

/**
 * Count, median (the mean of the middle two for an even count), p90 by
 * nearest rank (the smallest duration with at least 90 % at or under it, so
 * it is always a duration that happened) and max, plus the histogram.
 * Negative or non-finite durations (a clock set back mid-day) are left out.
 */
export function distribution(durationsMs: readonly number[]): Distribution {
  const sorted = durationsMs.filter((d) => Number.isFinite(d) && d >= 0).sort((a, b) => a - b);
  const n = sorted.length;
  const at = (i: number): number => sorted[i] ?? 0;
  const buckets = BUCKET_EDGES_MINUTES.map((from, i) => {
    const to = BUCKET_EDGES_MINUTES[i + 1] ?? null;
    const inside = sorted.filter((d) => d >= from * MS_PER_MINUTE && (to === null || d < to * MS_PER_MINUTE));
    return { fromMinutes: from, toMinutes: to, count: inside.length };
  });
  if (n === 0) return { count: 0, medianMinutes: null, p90Minutes: null, maxMinutes: null, buckets };
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  return {
    count: n,
    medianMinutes: toMinutes(median),
    p90Minutes: toMinutes(at(Math.ceil(0.9 * n) - 1)),
    maxMinutes: toMinutes(at(n - 1)),
    buckets,
  };
}

/** Ratings by score and the share satisfied (very satisfied + satisfied), one decimal; null without ratings. */
export function satisfaction(scores: readonly RatingScore[]): Satisfaction {
  const of = (s: RatingScore) => scores.filter((x) => x === s).length;
  const verySatisfied = of('very_satisfied');
  const satisfied = of('satisfied');
  const total = scores.length;
  return {
    verySatisfied,
    satisfied,
    neutral: of('neutral'),
    dissatisfied: of('dissatisfied'),
    total,
    satisfiedPercent:
      total === 0 ? null : Math.round(((verySatisfied + satisfied) / total) * 1000) / 10,
  };
}

export function ticketCounts(tickets: readonly TicketFact[]): TicketCounts {
  const of = (s: TicketStatus) => tickets.filter((t) => t.status === s).length;
  return {
    taken: tickets.length,
    priority: tickets.filter((t) => t.priority !== null).length,
    served: of('served'),
    noShows: of('no_show'),
    waiting: of('waiting'),
    called: of('called'),
  };
}

/**
 * Every configured area in the centre's order (zeros included, so a quiet
 * area shows as quiet), then any area only old tickets name (a code removed
 * from config.json since), by code.
 */
export function areaFigures(
  tickets: readonly TicketFact[],
  areas: readonly QueueArea[],
): AreaFigures[] {
  const known = new Set(areas.map((a) => a.code));
  const retired = [...new Set(tickets.map((t) => t.area).filter((c) => !known.has(c)))].sort();
  return [...areas.map((a) => ({ code: a.code, name: a.name })), ...retired.map((c) => ({ code: c, name: c }))].map(
    (a) => ({ ...a, ...ticketCounts(tickets.filter((t) => t.area === a.code)) }),
  );
}

function grouped<K>(ratings: readonly RatingFact[], key: (r: RatingFact) => K): Map<K, RatingScore[]> {
  const groups = new Map<K, RatingScore[]>();
  for (const r of ratings) groups.set(key(r), [...(groups.get(key(r)) ?? []), r.score]);
  return groups;
}

/** All figures over one set of tickets and ratings (a day, or the whole period). */
export function figuresOf(
  tickets: readonly TicketFact[],
  ratings: readonly RatingFact[],
  areas: readonly QueueArea[],
): Figures {
  const waits = tickets.flatMap((t) => (t.firstCalledAt === null ? [] : [t.firstCalledAt - t.takenAt]));
  const services = tickets.flatMap((t) =>
    t.status === 'served' && t.servedAt !== null && t.calledAt !== null ? [t.servedAt - t.calledAt] : [],
  );
  const counters = [...grouped(ratings, (r) => r.counter)]
    .sort(([a], [b]) => a - b)
    .map(([counter, scores]) => ({ counter, ...satisfaction(scores) }));
  // Named clerks by name; ratings with no clerk recorded last.
  const clerks = [...grouped(ratings, (r) => r.clerk)]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([clerk, scores]) => ({ clerk, ...satisfaction(scores) }));
  return {
    tickets: ticketCounts(tickets),
    areas: areaFigures(tickets, areas),
    waiting: distribution(waits),
    service: distribution(services),
    satisfaction: satisfaction(ratings.map((r) => r.score)),
    counters,
    clerks,
  };
}
