import { vnLocal } from '../calendar/civil-date';
import type { PriorityReason, QueueArea, TicketStatus, TransferTarget } from './centre-queue-store';
import { invalidQueueRequest, unknownArea, unknownCounter } from './queue-errors';

/**
 * The queue's rules as pure functions (no Node, no database), shared by every
 * store: which ticket a counter calls next, how many are ahead, how long the
 * wait is likely to be, and which requests are refused before any write.
 */

/** Numbers restart each Vietnam civil day, whatever the machine's time zone. */
export function queueDay(at: number): string {
  return vnLocal(new Date(at)).date;
}

/*
 * The day's end. Numbers restart each Vietnam day and every counter reads
 * only today's tickets, so a ticket still waiting or called when its day
 * ended would stay open for ever: nobody can call, recall or finish it. It
 * was not served that day, whatever happened at the counter (a clerk who
 * called the last number and went home without "Hoàn thành" left no record
 * that it was served), so it is closed as a no-show: the report's "not
 * served" figure, and never a counter's current ticket. It keeps served_at
 * NULL; one never called keeps first_called_at NULL, which tells it from a
 * clerk's skip. Every store closes earlier days' open tickets in each
 * counter write (call, recall, skip, transfer, serve; a take reads only
 * today and stays one statement), and reports apply the same rule to what
 * they read, so a day no counter wrote after is still reported closed.
 */

/** What a ticket left waiting or called becomes once its day has ended. */
export const DAY_END_STATUS = 'no_show' satisfies TicketStatus;

/** A ticket's status as the rule above reads it on `today`. */
export function statusAfterDayEnd(status: TicketStatus, day: string, today: string): TicketStatus {
  return day < today && (status === 'waiting' || status === 'called') ? DAY_END_STATUS : status;
}

/**
 * The rule as each store's UPDATE (`todayParam` names today's day, e.g. `?`
 * or `$1`). The status test is written as one OR so SQLite's partial index
 * `queue_tickets_open` (queue:0005) and PostgreSQL's two partial indexes
 * (waiting, called) find the few open rows; SQLite is told to use its index
 * (INDEXED BY), else it range-scans (day, status) over every earlier day. PostgreSQL skips rows another
 * machine is closing at the same moment (no waiting, no deadlock between
 * two first writes of a day); that machine's commit closes them.
 */
export function closeEarlierDaysSql(dialect: 'sqlite' | 'postgres', todayParam: string): string {
  const open = `(status = 'waiting' OR status = 'called') AND day < ${todayParam}`;
  return dialect === 'sqlite'
    ? `UPDATE queue_tickets INDEXED BY queue_tickets_open SET status = '${DAY_END_STATUS}' WHERE ${open}`
    : `UPDATE queue_tickets SET status = '${DAY_END_STATUS}'
       WHERE id IN (SELECT id FROM queue_tickets WHERE ${open} FOR UPDATE SKIP LOCKED)`;
}

/**
 * How "Gọi số tiếp theo" closes the counter's current ticket when the clerk
 * did not finish it first. Usually the citizen came and was served (the
 * clerk moved on without "Hoàn thành"), so it is served. But a ticket
 * already called `maxCalls` times with no dossier tied to it is the citizen
 * who never came, whom the clerk passed over without "Bỏ qua": closing it as
 * served would count a no-show as served and its minutes at the counter as a
 * service time. Such a ticket closes as a no-show, served_at left NULL, as a
 * skip leaves it.
 */
export function statusWhenPassedOver(
  current: { readonly calls: number; readonly dossierCode: string | null },
  maxCalls: number,
): 'served' | 'no_show' {
  return current.calls >= maxCalls && current.dossierCode === null ? 'no_show' : 'served';
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

/*
 * Where a waiting ticket is counted, by the same test "Gọi số tiếp theo"
 * applies (callableBy). A ticket sent to one counter (a transfer) waits for
 * that counter alone: it is not in its area's line, or another counter of
 * the area would be shown a waiting number its "next" cannot call, and a
 * counter outside the area would call a number its screen never showed.
 * So what a counter's screen shows waiting for it (its areas' lines plus
 * the numbers sent to it) is what its "next" finds.
 */

/** Waiting tickets counted together: one row of a store's GROUP BY. */
export interface WaitingGroup {
  readonly area: string;
  readonly forCounter: number | null;
  readonly priority: boolean;
  readonly n: number;
}

/** Waiting tickets in `area`'s line (priority ones only, with `priorityOnly`). */
export function waitingInArea(
  groups: readonly WaitingGroup[],
  area: string,
  priorityOnly = false,
): number {
  return groups
    .filter((g) => g.forCounter === null && g.area === area && (!priorityOnly || g.priority))
    .reduce((sum, g) => sum + g.n, 0);
}

/** Waiting tickets sent to `counter` alone, whatever their area. */
export function waitingForCounter(groups: readonly WaitingGroup[], counter: number): number {
  return groups.filter((g) => g.forCounter === counter).reduce((sum, g) => sum + g.n, 0);
}

/** waitingInArea's test as SQL, for the counts a store sends with each change. */
export const IN_AREA_LINE_SQL = 'for_counter IS NULL';

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

/*
 * The request checks every store makes before it touches its database, one
 * copy so SQLite and PostgreSQL refuse the same requests with the same words.
 */

/** The centre's areas as the stores keep them: copied, so a later config edit changes none. */
export function queueAreasOf(centre: {
  readonly areas: readonly QueueArea[];
}): readonly QueueArea[] {
  return centre.areas.map((a) => ({ code: a.code, name: a.name, counters: [...a.counters] }));
}

/** The configured area a citizen or clerk typed (any case, spaces around), or QUEUE_AREA_UNKNOWN. */
export function findArea(areas: readonly QueueArea[], code: string): QueueArea {
  const wanted = code.trim().toUpperCase();
  const area = areas.find((a) => a.code === wanted);
  if (area === undefined) throw unknownArea(code, areas);
  return area;
}

/** Throws QUEUE_COUNTER_UNKNOWN unless some area names `counter`. */
export function checkCounter(areas: readonly QueueArea[], counter: number): void {
  const configured = countersOf(areas);
  if (!Number.isInteger(counter) || !configured.includes(counter))
    throw unknownCounter(counter, configured);
}

/** A code as the receipt prints it: letters, digits, dot, dash, underscore; 64 at most. */
const DOSSIER_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The dossier code typed at `serve`, trimmed; undefined when none was given. */
export function checkDossierCode(code: string | undefined): string | undefined {
  const trimmed = code?.trim();
  if (trimmed !== undefined && !DOSSIER_CODE.test(trimmed))
    throw invalidQueueRequest(
      `Mã hồ sơ "${trimmed}" không hợp lệ. Nhập mã in trên giấy tiếp nhận (chữ, số, dấu chấm, gạch ngang).`,
      `Dossier code "${trimmed}" is not valid. Enter the code printed on the receipt.`,
    );
  return trimmed;
}

/** Where a transfer sends the called ticket, once checked against the centre's areas. */
export type CheckedTransfer = { readonly counter: number } | { readonly area: QueueArea };

/**
 * A transfer of the ticket called at `counter`: to another configured
 * counter, or to another configured area (never where it already is).
 */
export function checkTransfer(
  areas: readonly QueueArea[],
  ticket: { readonly number: number; readonly area: string },
  counter: number,
  to: TransferTarget,
): CheckedTransfer {
  if ('counter' in to) {
    checkCounter(areas, to.counter);
    if (to.counter === counter)
      throw invalidQueueRequest(
        `Số ${ticket.number} đang ở quầy số ${counter}. Chọn một quầy khác để chuyển.`,
        `Number ${ticket.number} is already at counter ${counter}. Choose another counter.`,
      );
    return { counter: to.counter };
  }
  const area = findArea(areas, to.area);
  if (area.code === ticket.area)
    throw invalidQueueRequest(
      `Số ${ticket.number} đã thuộc lĩnh vực ${area.name}. Chọn lĩnh vực khác hoặc chuyển sang một quầy.`,
      `Number ${ticket.number} is already in ${area.code}. Choose another area or a counter.`,
    );
  return { area };
}
