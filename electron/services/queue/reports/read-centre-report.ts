import type { CentreReport } from '../../../api/contract/report';
import type { QueueArea } from '../centre-queue-store';
import { queueDay, statusAfterDayEnd } from '../queue-rules';
import { buildCentreReport, checkReportRange } from './centre-report';
import type { ReportFactsReader } from './report-facts';

/**
 * The centre report from whichever store holds the queue (the range is
 * checked before any read). Tickets an earlier day left waiting or called
 * count as not served (queue-rules' day-end rule), even when no write has
 * closed them in the database yet.
 */
export async function readCentreReport(
  read: ReportFactsReader,
  areas: readonly QueueArea[],
  range: { readonly from: string; readonly to: string },
  now: () => number = Date.now,
): Promise<CentreReport> {
  checkReportRange(range.from, range.to);
  const facts = await read(range.from, range.to);
  const at = now();
  const today = queueDay(at);
  const tickets = facts.tickets.map((t) => ({
    ...t,
    status: statusAfterDayEnd(t.status, t.day, today),
  }));
  return buildCentreReport({ ...range, areas, tickets, ratings: facts.ratings, generatedAt: at });
}
