import type { DossierSummary } from '../../electron/api/contract/dossier';
import { isOverdue } from '../../electron/api/contract/overdue';

/** The dossier list's return view: "chờ trả", "đã trả", "quá hạn" (issue 17 item 1). */
export type ReturnFilter = 'all' | 'waiting' | 'returned' | 'overdue';
export const RETURN_FILTERS: readonly ReturnFilter[] = ['all', 'waiting', 'returned', 'overdue'];

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
      return isOverdue(dossier, now);
  }
}
