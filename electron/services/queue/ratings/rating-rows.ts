import { z } from 'zod';
import { RatingReasonSchema, type RatingScore } from '../../../api/contract/rating';
import type { QueueArea } from '../centre-queue-store';
import type { CounterTicket } from './rating-rules';
import type { OwedRating, PendingRating } from './rating-store';

/** A counter's ticket of the day with whether it was rated, as SQLite or PostgreSQL returns it. */
export interface CounterRow {
  id: string;
  number: number;
  area: string;
  status: 'waiting' | 'called' | 'served' | 'no_show';
  counter: number | null;
  served_at: number | null;
  called_at: number | null;
  clerk: string | null;
  dossier_code: string | null;
  /** 0/1 in SQLite, a boolean in PostgreSQL. */
  rated: number | boolean;
}

/** The columns of a CounterRow, from `queue_tickets t` (rated: whether a rating names it). */
export const COUNTER_ROW_COLUMNS = `t.id, t.number, t.area, t.status, t.counter, t.served_at,
  t.called_at, t.clerk, t.dossier_code,
  EXISTS (SELECT 1 FROM queue_ratings r WHERE r.ticket_id = t.id) AS rated`;

/** A rating still owed to the portal, with its ticket's number and area when the ticket is kept. */
export interface OwedRow {
  id: string;
  day: string;
  number: number | null;
  area: string | null;
  counter: number;
  clerk: string | null;
  dossier_code: string | null;
  score: RatingScore;
  /** JSON text in SQLite, already parsed from jsonb in PostgreSQL. */
  reasons: unknown;
  rated_at: number;
  attempts: number;
}

const Reasons = z.array(RatingReasonSchema);

/** A CounterRow as rating-rules' pendingTicket reads it. */
export function counterTicket(row: CounterRow): CounterRow & CounterTicket {
  return { ...row, servedAt: row.served_at, calledAt: row.called_at, rated: Boolean(row.rated) };
}

export function pendingView(row: CounterRow, areas: readonly QueueArea[]): PendingRating {
  return {
    number: row.number,
    area: row.area,
    // An area removed from the config since keeps its code as its name.
    areaName: areas.find((a) => a.code === row.area)?.name ?? row.area,
  };
}

/** The stored reasons are parsed again: the database is not trusted to hold only known ones. */
export function owedView(row: OwedRow): OwedRating {
  const reasons: unknown = typeof row.reasons === 'string' ? JSON.parse(row.reasons) : row.reasons;
  return {
    id: row.id,
    day: row.day,
    number: row.number,
    area: row.area,
    counter: row.counter,
    clerk: row.clerk,
    dossierCode: row.dossier_code,
    score: row.score,
    reasons: Reasons.parse(reasons),
    ratedAt: row.rated_at,
    attempts: row.attempts,
  };
}
