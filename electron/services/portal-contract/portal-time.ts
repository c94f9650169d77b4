/**
 * Portal timestamps: `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh. Vietnam has kept
 * UTC+07:00 without daylight saving since 1975, so a fixed offset is exact for
 * every date the kiosk handles and needs no time-zone database.
 */

const OFFSET_MS = 7 * 60 * 60 * 1000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Epoch ms -> `yyyyMMddHHmmss` (Asia/Ho_Chi_Minh). */
export function toPortalDateTime(epochMs: number): string {
  const d = new Date(epochMs + OFFSET_MS);
  return (
    pad(d.getUTCFullYear(), 4) +
    pad(d.getUTCMonth() + 1) +
    pad(d.getUTCDate()) +
    pad(d.getUTCHours()) +
    pad(d.getUTCMinutes()) +
    pad(d.getUTCSeconds())
  );
}

/** `yyyyMMddHHmmss` (Asia/Ho_Chi_Minh) -> epoch ms; NaN when malformed. */
export function fromPortalDateTime(s: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return Date.UTC(y, mo - 1, d, h, mi, se) - OFFSET_MS;
}

/** The calendar date `YYMMDD` in Asia/Ho_Chi_Minh, as used in the dossier code. */
export function localDayYYMMDD(epochMs: number): string {
  return toPortalDateTime(epochMs).slice(2, 8);
}
