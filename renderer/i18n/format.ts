/**
 * Dates as Vietnamese forms write them: dd/mm/yyyy, 24-hour clock, in
 * Vietnam's time (Asia/Ho_Chi_Minh) whatever the machine's zone, so the
 * screen and the printed receipt (which the core writes at UTC+7) always name
 * the same day and hour.
 */

const VIETNAM = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(at: string | number) {
  const field = new Map(VIETNAM.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  const get = (type: Intl.DateTimeFormatPartTypes) => field.get(type) ?? '00';
  return {
    date: `${get('day')}/${get('month')}/${get('year')}`,
    hhmm: `${get('hour')}:${get('minute')}`,
    ss: get('second'),
  };
}

/** `yyyy-mm-dd` (a record's date, no time zone) → `dd/mm/yyyy`. */
export function formatDate(isoDate: string): string {
  return isoDate.split('-').reverse().join('/');
}

/** `dd/mm/yyyy HH:mm`, e.g. when a dossier was received. */
export function formatDateTime(at: string | number): string {
  const p = parts(at);
  return `${p.date} ${p.hhmm}`;
}

/** `HH:mm:ss dd/mm/yyyy`, e.g. "Kiểm tra lúc 08:10:58 25/11/2026". */
export function formatClockDate(at: string | number): string {
  const p = parts(at);
  return `${p.hhmm}:${p.ss} ${p.date}`;
}
