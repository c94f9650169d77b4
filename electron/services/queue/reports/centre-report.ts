import type { CentreReport } from '../../../api/contract/report';
import { fromJdn, jdnOf } from '../../calendar/civil-date';
import { StoreError } from '../../store/store-error';
import type { QueueArea } from '../centre-queue-store';
import { figuresOf, type RatingFact, type TicketFact } from './report-figures';

/** A year and a day: a leap year's report fits; a longer one is a mistyped year. */
export const MAX_REPORT_DAYS = 366;

/** A real calendar date (2026-02-30 is not), written YYYY-MM-DD. */
export function isCivilDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return fromJdn(jdnOf(text)) === text;
}

export function reportRangeInvalid(vi: string, en: string): StoreError {
  return new StoreError('REPORT_RANGE_INVALID', vi, en);
}

/** Throws REPORT_RANGE_INVALID, saying what to type instead, unless from ≤ to within MAX_REPORT_DAYS. */
export function checkReportRange(from: string, to: string): void {
  for (const day of [from, to])
    if (!isCivilDay(day))
      throw reportRangeInvalid(
        `Ngày "${day}" không hợp lệ. Nhập ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-12-07.`,
        `"${day}" is not a valid date. Type it as YEAR-MONTH-DAY, e.g. 2026-12-07.`,
      );
  if (from > to)
    throw reportRangeInvalid(
      `Ngày bắt đầu (${from}) sau ngày kết thúc (${to}). Chọn ngày bắt đầu trước hoặc bằng ngày kết thúc.`,
      `The start date (${from}) is after the end date (${to}). Choose a start on or before the end.`,
    );
  const days = jdnOf(to) - jdnOf(from) + 1;
  if (days > MAX_REPORT_DAYS)
    throw reportRangeInvalid(
      `Khoảng ${days} ngày quá dài. Chọn tối đa ${MAX_REPORT_DAYS} ngày (một năm) cho mỗi báo cáo.`,
      `A range of ${days} days is too long. Choose at most ${MAX_REPORT_DAYS} days (a year) per report.`,
    );
}

export interface CentreReportInput {
  readonly from: string;
  readonly to: string;
  readonly areas: readonly QueueArea[];
  /** Tickets and ratings of any days; those outside [from, to] are ignored. */
  readonly tickets: readonly TicketFact[];
  readonly ratings: readonly RatingFact[];
  readonly generatedAt: number;
}

/** The whole period's figures and each day's that has tickets or ratings. */
export function buildCentreReport(input: CentreReportInput): CentreReport {
  checkReportRange(input.from, input.to);
  const inRange = (day: string) => day >= input.from && day <= input.to;
  const tickets = input.tickets.filter((t) => inRange(t.day));
  const ratings = input.ratings.filter((r) => inRange(r.day));
  const days = [...new Set([...tickets.map((t) => t.day), ...ratings.map((r) => r.day)])].sort();
  return {
    from: input.from,
    to: input.to,
    generatedAt: input.generatedAt,
    period: figuresOf(tickets, ratings, input.areas),
    days: days.map((day) => ({
      day,
      ...figuresOf(
        tickets.filter((t) => t.day === day),
        ratings.filter((r) => r.day === day),
        input.areas,
      ),
    })),
  };
}
