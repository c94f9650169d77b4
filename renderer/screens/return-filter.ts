import type { DossierSummary } from '../../electron/api/contract/dossier';

/** The dossier list's return view: "chờ trả", "đã trả", "quá hạn" (issue 17 item 1). */
export type ReturnFilter = 'all' | 'waiting' | 'returned' | 'overdue';
export const RETURN_FILTERS: readonly ReturnFilter[] = ['all', 'waiting', 'returned', 'overdue'];

/**
 * Statuses after which a dossier can no longer be late: returned (10), and
 * refused (3), withdrawn (7) or stopped (8), which end without a result.
 */
const CLOSED: ReadonlySet<DossierSummary['status']> = new Set(['3', '7', '8', '10']);

export function matchesReturnFilter(
  dossier: Pick<DossierSummary, 'status' | 'dueAt'>,
  filter: ReturnFilter,
  now: number,
): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'waiting':
      return dossier.status === '9';
    case 'returned':
      return dossier.status === '10';
    case 'overdue':
      return dossier.dueAt < now && !CLOSED.has(dossier.status);
  }
}
