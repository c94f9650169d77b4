/**
 * The rules of a citizen's rating, pure (no Node, no database) so the unit
 * tests and any other store (PostgreSQL) apply the very same ones.
 */
import {
  ratingReasons,
  scoresWithReasons,
  type RatingReason,
  type RatingScore,
} from '../../../api/contract/rating';

/**
 * How long after its service a ticket may still be rated. Long enough for a
 * citizen to gather their papers and tap; short enough that the next citizen
 * at the counter is not shown the previous number for long.
 */
export const DEFAULT_RATING_WINDOW_MS = 3 * 60_000;

/** A ticket of the day at one counter, as the pending rule needs it. */
export interface CounterTicket {
  readonly id: string;
  readonly number: number;
  readonly status: 'waiting' | 'called' | 'served' | 'no_show';
  readonly counter: number | null;
  readonly servedAt: number | null;
  readonly calledAt: number | null;
  readonly rated: boolean;
}

/**
 * The ticket whose citizen the rating screen at `counter` asks now:
 * the one served there last, while its window lasts and it is unrated (the
 * citizen rates right after the service, even though the clerk's "next"
 * already called someone else); otherwise the one being served there.
 */
export function pendingTicket<T extends CounterTicket>(
  tickets: readonly T[],
  counter: number,
  now: number,
  windowMs: number = DEFAULT_RATING_WINDOW_MS,
): T | null {
  const here = tickets.filter((t) => t.counter === counter);
  const lastServed = here
    .filter((t) => t.status === 'served' && t.servedAt !== null)
    .sort((a, b) => (b.servedAt ?? 0) - (a.servedAt ?? 0))[0];
  if (
    lastServed !== undefined &&
    !lastServed.rated &&
    lastServed.servedAt !== null &&
    now - lastServed.servedAt <= windowMs &&
    lastServed.servedAt <= now
  ) {
    return lastServed;
  }
  const called = here.find((t) => t.status === 'called');
  return called !== undefined && !called.rated ? called : null;
}

export type ReasonsCheck =
  | { readonly ok: true; readonly reasons: readonly RatingReason[] }
  | { readonly ok: false; readonly vi: string; readonly en: string };

/**
 * Reasons only with the two lower scores, each a known code, each once; kept
 * in the list's order so equal ratings store equal JSON.
 */
export function checkReasons(score: RatingScore, reasons: readonly string[]): ReasonsCheck {
  if (reasons.length === 0) return { ok: true, reasons: [] };
  if (!scoresWithReasons.includes(score)) {
    return {
      ok: false,
      vi: 'Lý do chỉ chọn khi đánh giá "Bình thường" hoặc "Không hài lòng".',
      en: 'Reasons go only with "neutral" or "dissatisfied".',
    };
  }
  const unknown = reasons.find((r) => !(ratingReasons as readonly string[]).includes(r));
  if (unknown !== undefined) {
    return {
      ok: false,
      vi: `Không có lý do "${unknown.slice(0, 40)}". Chọn lý do trong danh sách trên màn hình.`,
      en: `No reason "${unknown.slice(0, 40)}". Choose one from the list.`,
    };
  }
  if (new Set(reasons).size !== reasons.length) {
    return {
      ok: false,
      vi: 'Mỗi lý do chỉ chọn một lần.',
      en: 'Each reason may be chosen once.',
    };
  }
  return { ok: true, reasons: ratingReasons.filter((r) => reasons.includes(r)) };
}
