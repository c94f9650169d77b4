import type Database from 'better-sqlite3';
import type { QueueArea, QueueStatus, TicketStatus } from './centre-queue-store';
import {
  areasOfCounter,
  countersOf,
  waitingForCounter,
  waitingInArea,
  type WaitingGroup,
} from './queue-rules';
import { ticketView, type TicketRow } from './ticket-rows';

/** The service times (served − called, ms) of an area's last `limit` served tickets. */
export function recentServiceDurations(
  db: Database.Database,
  area: string,
  limit: number,
): number[] {
  return db
    .prepare<[string, number], { d: number }>(
      `SELECT served_at - called_at AS d FROM queue_tickets
       WHERE area = ? AND status = 'served' AND called_at IS NOT NULL
       ORDER BY served_at DESC LIMIT ?`,
    )
    .all(area, limit)
    .map((r) => r.d);
}

/** The day's counts per area and each counter's current ticket; call inside one read transaction. */
export function readStatus(
  db: Database.Database,
  areas: readonly QueueArea[],
  day: string,
  estimate: (area: QueueArea, peopleAhead: number) => number,
): QueueStatus {
  const counts = db
    .prepare<
      [string],
      {
        area: string;
        status: TicketStatus;
        priority: number;
        for_counter: number | null;
        n: number;
      }
    >(
      `SELECT area, status, priority IS NOT NULL AS priority, for_counter, COUNT(*) AS n
       FROM queue_tickets WHERE day = ? GROUP BY area, status, priority IS NOT NULL, for_counter`,
    )
    .all(day);
  const count = (area: string, status: TicketStatus) =>
    counts.filter((c) => c.area === area && c.status === status).reduce((sum, c) => sum + c.n, 0);
  const waiting: WaitingGroup[] = counts
    .filter((c) => c.status === 'waiting')
    .map((c) => ({ area: c.area, forCounter: c.for_counter, priority: c.priority === 1, n: c.n }));
  const called = db
    .prepare<[string], TicketRow>("SELECT * FROM queue_tickets WHERE day = ? AND status = 'called'")
    .all(day);
  return {
    day,
    areas: areas.map((a) => {
      const line = waitingInArea(waiting, a.code);
      return {
        code: a.code,
        name: a.name,
        counters: a.counters,
        waiting: line,
        waitingPriority: waitingInArea(waiting, a.code, true),
        served: count(a.code, 'served'),
        noShows: count(a.code, 'no_show'),
        estimatedWaitMinutes: estimate(a, line),
      };
    }),
    counters: countersOf(areas).map((counter) => {
      const row = called.find((r) => r.counter === counter);
      return {
        counter,
        areas: areasOfCounter(areas, counter).map((a) => a.code),
        current: row === undefined ? null : ticketView(row, areas),
        waitingHere: waitingForCounter(waiting, counter),
      };
    }),
  };
}
