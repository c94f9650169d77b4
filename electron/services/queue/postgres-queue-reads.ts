import type pg from 'pg';
import type { QueueArea, QueueStatus, QueueTicket, TicketStatus } from './centre-queue-store';
import {
  areasOfCounter,
  callRank,
  countersOf,
  IN_AREA_LINE_SQL,
  waitingForCounter,
  waitingInArea,
  type WaitingGroup,
} from './queue-rules';
import { ticketView, type TicketRow } from './ticket-rows';

/** queue-rules' callRank as SQL: 0 priority, 1 booked, 2 walk-in. */
export const RANK_SQL = '(CASE WHEN priority IS NOT NULL THEN 0 WHEN booked THEN 1 ELSE 2 END)';

/** The columns a TicketRow holds, for SELECT and RETURNING. */
export const TICKET_COLUMNS = `id, day, number, area, priority, status, counter, for_counter, calls,
  taken_at, first_called_at, called_at, served_at, dossier_code, clerk, booked`;

/** The service times (served − called, ms) of an area's last `limit` served tickets. */
export async function recentServiceDurations(
  client: pg.ClientBase,
  area: string,
  limit: number,
): Promise<number[]> {
  const result = await client.query<{ d: number }>(
    `SELECT served_at - called_at AS d FROM queue_tickets
     WHERE area = $1 AND status = 'served' AND called_at IS NOT NULL
     ORDER BY served_at DESC LIMIT $2`,
    [area, limit],
  );
  return result.rows.map((r) => r.d);
}

/**
 * queue-rules' peopleAhead counted in the database (a day may hold
 * thousands of waiting tickets): RANK_SQL (priority, booked, walk-in) first,
 * then (taken_at, number).
 * Also the area's line (queue-rules' waitingInArea), the ticket included.
 */
export async function waitingAhead(
  client: pg.ClientBase,
  ticket: Pick<QueueTicket, 'id' | 'day' | 'area' | 'priority' | 'takenAt' | 'number' | 'booked'>,
): Promise<{ ahead: number; waiting: number }> {
  const { rows } = await client.query<{ ahead: number; waiting: number }>(
    `SELECT COUNT(*) FILTER (WHERE id <> $3 AND
              (${RANK_SQL}, taken_at, number) < ($4::integer, $5::bigint, $6::integer)
            )::integer AS ahead,
            COUNT(*) FILTER (WHERE ${IN_AREA_LINE_SQL})::integer AS waiting
     FROM queue_tickets WHERE day = $1 AND area = $2 AND status = 'waiting'`,
    [ticket.day, ticket.area, ticket.id, callRank(ticket), ticket.takenAt, ticket.number],
  );
  return rows[0] ?? { ahead: 0, waiting: 0 };
}

/** The day's counts per area and each counter's current ticket; call inside one snapshot. */
export async function readStatus(
  client: pg.ClientBase,
  areas: readonly QueueArea[],
  day: string,
  estimate: (area: QueueArea, peopleAhead: number) => Promise<number>,
): Promise<QueueStatus> {
  const counts = (
    await client.query<{
      area: string;
      status: TicketStatus;
      priority: boolean;
      for_counter: number | null;
      n: number;
    }>(
      `SELECT area, status, priority IS NOT NULL AS priority, for_counter, COUNT(*)::integer AS n
       FROM queue_tickets WHERE day = $1
       GROUP BY area, status, priority IS NOT NULL, for_counter`,
      [day],
    )
  ).rows;
  const count = (area: string, status: TicketStatus) =>
    counts.filter((c) => c.area === area && c.status === status).reduce((sum, c) => sum + c.n, 0);
  const waiting: WaitingGroup[] = counts
    .filter((c) => c.status === 'waiting')
    .map((c) => ({ area: c.area, forCounter: c.for_counter, priority: c.priority, n: c.n }));
  const called = (
    await client.query<TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM queue_tickets WHERE day = $1 AND status = 'called'`,
      [day],
    )
  ).rows;
  const areaStatus = [];
  for (const a of areas) {
    const line = waitingInArea(waiting, a.code);
    areaStatus.push({
      code: a.code,
      name: a.name,
      counters: a.counters,
      waiting: line,
      waitingPriority: waitingInArea(waiting, a.code, true),
      served: count(a.code, 'served'),
      noShows: count(a.code, 'no_show'),
      estimatedWaitMinutes: await estimate(a, line),
    });
  }
  return {
    day,
    areas: areaStatus,
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
