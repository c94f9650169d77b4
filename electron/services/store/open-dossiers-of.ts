import type { StoreContext } from './store-context';

/** A dossier still waiting for its result to be handed back, as the return screen lists it. */
export interface OpenDossier {
  readonly id: string;
  readonly code: string;
  readonly procedureName: string;
  readonly receivedAt: number;
  readonly dueAt: number;
  readonly status: string;
  /** What the portal last said (TraCuuHoSo), null before it was asked. */
  readonly portalStatus: string | null;
}

/**
 * Statuses that end a dossier without a result to hand over (refused,
 * withdrawn, stopped) or after it (returned). Either the kiosk's own status
 * or the portal's may say so: a result handed over at another counter
 * leaves the kiosk's row at its intake status.
 */
const CLOSED = `('3', '7', '8', '10')`;

/**
 * The open dossiers of one applicant, by the blind index of the ID number
 * read from their chip: the ID itself is never compared in clear or written
 * down. Purged dossiers have no index left and never match. One audit row
 * per search, as a list read, so IT can see who looked a citizen up.
 */
export function openDossiersOf(
  ctx: StoreContext,
  idNumber: string,
  actor: string,
  limit = 20,
): OpenDossier[] {
  const rows = ctx.db
    .prepare<
      [string, number],
      {
        id: string;
        code: string;
        procedure_name: string;
        received_at: number;
        due_at: number;
        status: string;
        portal_status: string | null;
      }
    >(
      `SELECT d.id, d.code, p.name AS procedure_name, d.received_at, d.due_at, d.status, d.portal_status
       FROM dossiers d JOIN procedures p ON p.code = d.procedure_code
       WHERE d.applicant_id_index = ? AND d.status NOT IN ${CLOSED}
         AND COALESCE(d.portal_status, '') NOT IN ${CLOSED}
       ORDER BY d.received_at DESC, d.id DESC LIMIT ?`,
    )
    .all(ctx.cipher.blindIndex(idNumber), limit);
  ctx.audit.record(ctx.now(), actor, 'list', null, `by-applicant count=${rows.length}`);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    procedureName: r.procedure_name,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    status: r.status,
    portalStatus: r.portal_status,
  }));
}
