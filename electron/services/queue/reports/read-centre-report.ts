import type { CentreReport } from '../../../api/contract/report';
import type { QueueArea } from '../centre-queue-store';
import { buildCentreReport, checkReportRange } from './centre-report';
import type { ReportFactsReader } from './report-facts';

/** The centre report from whichever store holds the queue (the range is checked before any read). */
export async function readCentreReport(
  read: ReportFactsReader,
  areas: readonly QueueArea[],
  range: { readonly from: string; readonly to: string },
  now: () => number = Date.now,
): Promise<CentreReport> {
  checkReportRange(range.from, range.to);
  const facts = await read(range.from, range.to);
  return buildCentreReport({ ...range, areas, ...facts, generatedAt: now() });
}
