import type { QueueArea } from '../centre-queue-store';
import type { Appointment, Arrival } from './appointment-book';

/** A `queue_appointments` row as SQLite or PostgreSQL returns it (bigint times as numbers). */
export interface AppointmentRow {
  id: string;
  day: string;
  slot: string;
  area: string;
  initials: string | null;
  booked_at: number | string;
  booked_by: string | null;
  checked_in_at: number | string | null;
  arrival: Arrival | null;
  ticket_number: number | null;
}

export const APPOINTMENT_COLUMNS =
  'id, day, slot, area, initials, booked_at, booked_by, checked_in_at, arrival, ticket_number';

export function appointmentView(row: AppointmentRow, areas: readonly QueueArea[]): Appointment {
  return {
    id: row.id,
    day: row.day,
    slot: row.slot,
    area: row.area,
    areaName: areas.find((a) => a.code === row.area)?.name ?? row.area,
    initials: row.initials,
    bookedAt: Number(row.booked_at),
    bookedBy: row.booked_by,
    checkedInAt: row.checked_in_at === null ? null : Number(row.checked_in_at),
    arrival: row.arrival,
    ticketNumber: row.ticket_number,
  };
}
