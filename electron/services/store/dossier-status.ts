import type { SyncState } from './dossier-view';
import type { StoreContext } from './store-context';

/**
 * What anyone may learn about a dossier from its code: no column that holds
 * personal data is read, so nothing is decrypted and the read is not a read of
 * a citizen's record (no audit row).
 */
export interface PublicDossierStatus {
  readonly id: string;
  readonly code: string;
  readonly procedureName: string;
  readonly status: string;
  readonly receivedAt: number;
  readonly dueAt: number;
  readonly syncState: SyncState;
  readonly portalStatus: string | null;
  readonly portalStatusAt: number | null;
  /** NgayTra of this kiosk's own return record (epoch ms); null when it has not returned the result. */
  readonly returnedAt: number | null;
  /**
   * The new appointment of a Mẫu 04 apology when the dossier's latest event
   * is one (epoch ms); null otherwise. Only the date: the reason is sealed.
   */
  readonly apologyDueAt: number | null;
}

/**
 * `dossier_returns` belongs to the returns module's migrations; a store
 * opened without them (tools, older tests) has no returns to report.
 */
function hasTable(ctx: StoreContext, name: string): boolean {
  const table = ctx.db
    .prepare<[string], { n: number }>(
      `SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?`,
    )
    .get(name);
  return table !== undefined && table.n > 0;
}

function returnedAtOf(ctx: StoreContext, dossierId: string): number | null {
  if (!hasTable(ctx, 'dossier_returns')) return null;
  const row = ctx.db
    .prepare<[string], { returned_at: number }>(
      'SELECT returned_at FROM dossier_returns WHERE dossier_id = ?',
    )
    .get(dossierId);
  return row?.returned_at ?? null;
}

/** A later supplement request or refusal supersedes the apology, so only the latest event counts. */
function apologyDueAtOf(ctx: StoreContext, dossierId: string): number | null {
  if (!hasTable(ctx, 'dossier_events')) return null;
  const row = ctx.db
    .prepare<[string], { kind: string; new_due_at: number | null }>(
      `SELECT kind, new_due_at FROM dossier_events WHERE dossier_id = ?
       ORDER BY at DESC, id DESC LIMIT 1`,
    )
    .get(dossierId);
  return row?.kind === 'apology' ? row.new_due_at : null;
}

export function readPublicStatus(ctx: StoreContext, code: string): PublicDossierStatus | null {
  const row = ctx.db
    .prepare<
      [string],
      {
        id: string;
        code: string;
        procedure_name: string;
        status: string;
        received_at: number;
        due_at: number;
        sync_state: SyncState;
        portal_status: string | null;
        portal_status_at: number | null;
      }
    >(
      `SELECT d.id, d.code, p.name AS procedure_name, d.status, d.received_at, d.due_at,
         d.sync_state, d.portal_status, d.portal_status_at
       FROM dossiers d JOIN procedures p ON p.code = d.procedure_code WHERE d.code = ?`,
    )
    .get(code);
  if (row === undefined) return null;
  return {
    id: row.id,
    code: row.code,
    procedureName: row.procedure_name,
    status: row.status,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    syncState: row.sync_state,
    portalStatus: row.portal_status,
    portalStatusAt: row.portal_status_at,
    returnedAt: returnedAtOf(ctx, row.id),
    apologyDueAt: apologyDueAtOf(ctx, row.id),
  };
}

/** When the oldest dossier still waiting to sync was received (epoch ms), null when none waits. */
export function oldestPendingAt(ctx: StoreContext): number | null {
  const row = ctx.db
    .prepare<[], { oldest: number | null }>(
      `SELECT MIN(received_at) AS oldest FROM dossiers WHERE sync_state = 'pending'`,
    )
    .get();
  return row?.oldest ?? null;
}
