const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** Midnight of a civil date `YYYY-MM-DD` in Vietnam (UTC+7), as epoch ms; null when not a real date. */
export function vnMidnight(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return null;
  }
  return t - VN_OFFSET_MS;
}

/**
 * The days `from`..`to` (both included, Vietnam time) as the half-open span
 * [from, to) the tracking book reads; null when either is not a real date or
 * `from` comes after `to`.
 */
export function vnDayRange(from: string, to: string): { from: number; to: number } | null {
  const start = vnMidnight(from);
  const lastDay = vnMidnight(to);
  if (start === null || lastDay === null || lastDay < start) return null;
  return { from: start, to: lastDay + DAY_MS };
}
