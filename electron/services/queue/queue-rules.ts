import { vnLocal } from '../calendar/civil-date';
import type { PriorityReason, QueueArea } from './centre-queue-store';

/**
 * The queue's rules as pure functions (no Node, no database), shared by every
 * store: which ticket a counter calls next, how many are ahead, how long the
 * wait is likely to be.
 */

/** Numbers restart each Vietnam civil day, whatever the machine's time zone. */
export function queueDay(at: number): string {
  return vnLocal(new Date(at)).date;
}

export interface OrderedTicket {
  readonly number: number;
  readonly area: string;
  readonly priority: PriorityReason | null;
  readonly takenAt: number;
  readonly forCounter: number | null;
  /** Taken by checking in a booked appointment on time (absent: an ordinary ticket). */
  readonly booked?: boolean;
}

/**
 * 0 priority, 1 booked, 2 walk-in. A citizen who booked a slot and came on
 * time goes before walk-ins (that is what booking buys), but never before
 * the elderly, disabled, pregnant or people with merit.
 */
export function callRank(t: Pick<OrderedTicket, 'priority' | 'booked'>): number {
  return t.priority !== null ? 0 : t.booked === true ? 1 : 2;
}

/**
 * Priority tickets first, then booked ones, then in order of taking (a
 * transferred ticket keeps its original time, so it is not sent to the
 * back), then by number, which breaks ties between tickets taken in the
 * same millisecond.
 */
export function callOrder(a: OrderedTicket, b: OrderedTicket): number {
  return callRank(a) - callRank(b) || a.takenAt - b.takenAt || a.number - b.number;
}

/** The areas a counter serves, by the centre's configuration. */
export function areasOfCounter(areas: readonly QueueArea[], counter: number): QueueArea[] {
  return areas.filter((a) => a.counters.includes(counter));
}

/** Every counter some area names, ascending. */
export function countersOf(areas: readonly QueueArea[]): number[] {
  return [...new Set(areas.flatMap((a) => a.counters))].sort((x, y) => x - y);
}

/** A ticket sent to one counter waits only for that counter; others wait for their area's counters. */
export function callableBy(
  ticket: OrderedTicket,
  counter: number,
  areaCodes: ReadonlySet<string>,
): boolean {
  return ticket.forCounter === null ? areaCodes.has(ticket.area) : ticket.forCounter === counter;
}

/** The waiting ticket `counter` calls next, or undefined when none is for it. */
export function pickNext<T extends OrderedTicket>(
  waiting: readonly T[],
  counter: number,
  areas: readonly QueueArea[],
): T | undefined {
  const codes = new Set(areasOfCounter(areas, counter).map((a) => a.code));
  return waiting.filter((t) => callableBy(t, counter, codes)).sort(callOrder)[0];
}

/** Waiting tickets of the same area that will be called before `ticket`. */
export function peopleAhead(ticket: OrderedTicket, waiting: readonly OrderedTicket[]): number {
  return waiting.filter((w) => w.area === ticket.area && callOrder(w, ticket) < 0).length;
}

/**
 * The typical service time: the median of recent durations, so one dossier
 * that took an hour does not double every estimate. Null without history.
 */
export function typicalServiceMs(durationsMs: readonly number[]): number | null {
  const sorted = durationsMs.filter((d) => Number.isFinite(d) && d > 0).sort((x, y) => x - y);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface WaitInput {
  readonly peopleAhead: number;
  /** Recent service times of the area (served − called), newest first or any order. */
  readonly serviceDurationsMs: readonly number[];
  /** Counters serving the area; they may serve other areas too, so this is a lower bound. */
  readonly counters: number;
  readonly defaultServiceMinutes: number;
}

/**
 * Whole minutes until the ticket is likely called: the people ahead shared
 * among the area's counters, each taking the typical service time (the
 * configured default while the area has no history). 0 when nobody is ahead.
 */
export function estimateWaitMinutes(input: WaitInput): number {
  if (input.peopleAhead <= 0) return 0;
  const typical = typicalServiceMs(input.serviceDurationsMs);
  const minutes = typical === null ? input.defaultServiceMinutes : typical / 60_000;
  return Math.ceil((input.peopleAhead * minutes) / Math.max(1, input.counters));
}
