/**
 * Statuses after which a dossier can no longer be late: returned (10), and
 * refused (3), withdrawn (7) or stopped (8), which end without a result.
 * One rule for the dossier list's "Quá hạn" filter and the core's Mẫu 04
 * check, so a dossier the list shows as overdue is one the clerk may
 * apologise for.
 */
export const CLOSED_STATUSES: ReadonlySet<string> = new Set(['3', '7', '8', '10']);

/** Past its appointment (NgayHenTra) and not closed. */
export function isOverdue(
  dossier: { readonly status: string; readonly dueAt: number },
  now: number,
): boolean {
  return dossier.dueAt < now && !CLOSED_STATUSES.has(dossier.status);
}
