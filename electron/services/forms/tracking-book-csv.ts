import type { BookLine } from '../store/tracking-book';
import { BOOK_COLUMNS, bookCells } from './tracking-book-rows';

/** One CSV cell: quoted when needed, and never read as a formula. */
export const csvCell = (s: string): string => {
  // A leading = + - @ would be run as a formula by a spreadsheet (CSV injection).
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * The tracking book as CSV that Excel and LibreOffice open with the
 * diacritics intact: UTF-8 with a byte-order mark, CRLF line ends.
 */
export function trackingBookCsv(lines: readonly BookLine[], now: number): Uint8Array {
  const rows = [
    BOOK_COLUMNS.join(','),
    ...lines.map((l, i) => bookCells(l, i, now).map(csvCell).join(',')),
  ];
  return new TextEncoder().encode(`\uFEFF${rows.join('\r\n')}\r\n`);
}
