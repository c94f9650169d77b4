import type { HealthReport } from '../../../electron/api/contract/system';

export interface ReceiptOutages {
  /** The dossier is saved but waits on this kiosk until the portal answers. */
  readonly portal: boolean;
  /** The paper receipt cannot be printed here. */
  readonly printer: boolean;
}

/**
 * What the receipt step must warn about, from the health report: only a
 * check that failed counts ("warn" still works, "unknown" was not measured),
 * so a citizen is never sent to a counter for a device that is fine.
 */
export function receiptOutages(report: HealthReport): ReceiptOutages {
  const failed = (id: string) => report.checks.some((c) => c.id === id && c.status === 'fail');
  return { portal: failed('portal'), printer: failed('printer') };
}
