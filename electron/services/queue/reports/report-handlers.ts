import type { CallContext, HandlerGroup } from '../../../api/dispatcher';
import type { CentreReport } from '../../../api/contract/report';

export interface ReportHandlerDeps {
  /** The centre's figures for Vietnam days [from, to]; throws REPORT_RANGE_INVALID for a bad range. */
  readonly centreReport: (from: string, to: string) => Promise<CentreReport>;
  /** Throws AUTH_REQUIRED / AUTH_FORBIDDEN unless a clerk or an admin is signed in on the connection. */
  readonly requireStaff: (context: CallContext) => unknown;
}

/**
 * `report.centre`: staff only. The figures hold no personal data, but clerks'
 * names with their ratings are not for the hall or the citizen-facing kiosk.
 */
export function createReportHandlers(deps: ReportHandlerDeps): HandlerGroup<'report.centre'> {
  return {
    'report.centre': ({ from, to }, context) => {
      deps.requireStaff(context);
      return deps.centreReport(from, to);
    },
  };
}
