import { vnLocal } from '../calendar/civil-date';

/** Formats used on Mẫu 01, in Vietnam local time whatever the machine's time zone. */

const two = (n: number): string => String(n).padStart(2, '0');

function parts(at: Date): {
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
} {
  const { date, minutes } = vnLocal(at);
  const [year = '', month = '', day = ''] = date.split('-');
  return { day, month, year, hour: two(Math.floor(minutes / 60)), minute: two(minutes % 60) };
}

/** "ngày 25 tháng 11 năm 2026" */
export function vnDateWords(at: Date): string {
  const p = parts(at);
  return `ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

/** "10 giờ 15 phút, ngày 25 tháng 11 năm 2026" */
export function vnDateTimeWords(at: Date): string {
  const p = parts(at);
  return `${p.hour} giờ ${p.minute} phút, ${vnDateWords(at)}`;
}

/** Counts on the form are written with two digits: "01", "12". */
export function count(n: number): string {
  return two(n);
}

/** Text as printed: NFC (one code point per Vietnamese letter) and no control characters. */
export function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\p{Cc}/gu, ' ')
    .trim();
}
