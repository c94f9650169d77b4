/** Dates as Vietnamese forms write them: dd/mm/yyyy, 24-hour clock, local time. */

const pad = (n: number) => String(n).padStart(2, '0');

function parts(at: string | number) {
  const d = new Date(at);
  return {
    date: `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`,
    hhmm: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
    ss: pad(d.getSeconds()),
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
