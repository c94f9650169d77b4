import type Database from 'better-sqlite3';
import type { CentreReport } from '../../../api/contract/report';
import type { QueueArea } from '../centre-queue-store';
import { buildCentreReport, checkReportRange } from './centre-report';
import { readReportFacts } from './sqlite-report-facts';

/** The centre report from this machine's SQLite queue (the range is checked before any read). */
export function sqliteCentreReport(
  db: Database.Database,
  areas: readonly QueueArea[],
  range: { readonly from: string; readonly to: string },
  now: () => number = Date.now,
): CentreReport {
  checkReportRange(range.from, range.to);
  const facts = readReportFacts(db, range.from, range.to);
  return buildCentreReport({ ...range, areas, ...facts, generatedAt: now() });
}
