import type { PriorityReason, QueueArea, QueueTicket, TicketStatus } from './centre-queue-store';

/** A `queue_tickets` row as SQLite returns it. */
export interface TicketRow {
  id: string;
  day: string;
  number: number;
  area: string;
  priority: PriorityReason | null;
  status: TicketStatus;
  counter: number | null;
  for_counter: number | null;
  calls: number;
  taken_at: number;
  first_called_at: number | null;
  called_at: number | null;
  served_at: number | null;
  dossier_code: string | null;
  clerk: string | null;
  /** 0/1 in SQLite, a boolean in PostgreSQL. */
  booked: number | boolean;
}

export function ticketView(row: TicketRow, areas: readonly QueueArea[]): QueueTicket {
  return {
    id: row.id,
    day: row.day,
    number: row.number,
    area: row.area,
    // An area removed from the config since keeps its code as its name.
    areaName: areas.find((a) => a.code === row.area)?.name ?? row.area,
    priority: row.priority,
    status: row.status,
    counter: row.counter,
    forCounter: row.for_counter,
    calls: row.calls,
    takenAt: row.taken_at,
    firstCalledAt: row.first_called_at,
    calledAt: row.called_at,
    servedAt: row.served_at,
    dossierCode: row.dossier_code,
    clerk: row.clerk,
    booked: Boolean(row.booked),
  };
}

/** A synchronous body as a promise, its throw as a rejection (the interface is async for PostgreSQL). */
export function run<T>(body: () => T): Promise<T> {
  try {
    return Promise.resolve(body());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** A row the same transaction just wrote or RETURNING gave; its absence is a bug, not input. */
export function present<T>(row: T | undefined): T {
  if (row === undefined) throw new Error('queue: a row written in this transaction is missing');
  return row;
}
