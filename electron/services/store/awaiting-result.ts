import type { StoreContext } from './store-context';

/**
 * Statuses a readiness refresh no longer asks about: refused, withdrawn and
 * stopped end without a result; 9 is already "có kết quả"; 10 was handed back.
 */
const SETTLED = `('3', '7', '8', '9', '10')`;

/** A dossier the portal may have finished since it was last asked. */
export interface AwaitingResult {
  readonly id: string;
  readonly code: string;
}

/**
 * Up to `limit` dossiers the portal holds (their create was acknowledged)
 * and has not finished, the least recently asked first, so successive
 * bounded rounds cover all of them in turn. Purged dossiers are left out:
 * their result can no longer be handed over here.
 */
export function awaitingResult(ctx: StoreContext, limit: number): AwaitingResult[] {
  return ctx.db
    .prepare<[number], AwaitingResult>(
      `SELECT id, code FROM dossiers
       WHERE status NOT IN ${SETTLED} AND synced_at IS NOT NULL AND purged_at IS NULL
       ORDER BY COALESCE(portal_status_at, 0) ASC, received_at ASC, id ASC LIMIT ?`,
    )
    .all(limit);
}

/**
 * Marks a dossier "có kết quả" (9) because the portal said so; true when it
 * changed. A dossier returned, refused or marked meanwhile stays as it is:
 * the lookup ran outside any transaction, so the row may have moved on.
 */
export function markResultReady(ctx: StoreContext, dossierId: string, at: number): boolean {
  return (
    ctx.db
      .prepare(
        `UPDATE dossiers SET status = '9', updated_at = ? WHERE id = ? AND status NOT IN ${SETTLED}`,
      )
      .run(at, dossierId).changes === 1
  );
}
