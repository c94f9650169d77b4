import { addDays, isoDate, isWeekend } from './civil-date';
import { tetDate, lunarToSolar } from './lunar-calendar';
import type { DayOff, IsoDate } from './working-calendar';

/**
 * Public holidays with full pay, Labour Code 2019 (45/2019/QH14) Art. 112.1,
 * and their compensatory days (nghỉ bù): a holiday that falls on a weekly
 * rest day (Saturday or Sunday for civil servants) is given back on the next
 * working day (Art. 111.3; the task brief cites 112.3, which is about
 * foreign workers' extra days). Art. 112.1 leaves two choices to the
 * government each year: which five days around Tết, and which day next to
 * 2/9. Years it has announced are listed below with the source; other years
 * use the usual rule, a default that the adjustments file overrides.
 */

interface Announced {
  /** The five Tết days off. */
  readonly tet: readonly IsoDate[];
  /** The day next to 2/9. */
  readonly nationalDayAdjacent: IsoDate;
  readonly source: string;
}

const ANNOUNCED: Readonly<Record<number, Announced>> = {
  // Tết 27–31/01/2025 (28 tháng Chạp Giáp Thìn – mùng 3 Ất Tỵ), approved by the
  // Prime Minister on 26/11/2024 (en.sggp.org.vn/prime-minister-approves-9-day-tet-break-for-2025-post114084.html);
  // 2/9/2025 with 1/9 (en.sggp.org.vn/vietnamese-workers-to-have-four-days-off-for-national-day-2025-post119346.html).
  2025: {
    tet: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
    nationalDayAdjacent: '2025-09-01',
    source: 'Thủ tướng duyệt 26/11/2024; Bộ Nội vụ 8/2025',
  },
  // Thông báo 9441/TB-BNV (16/10/2025): Tết 16–20/02/2026 (29 tháng Chạp Ất Tỵ –
  // mùng 4 Bính Ngọ); 2/9/2026 with 1/9 (vietnamnews.vn/politics-laws/1727514/…,
  // www.vietnam.vn/en/cong-chuc-vien-chuc-nguoi-lao-dong-hai-phong-duoc-nghi-tet-binh-ngo-lien-tuc-9-ngay).
  2026: {
    tet: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
    nationalDayAdjacent: '2026-09-01',
    source: 'TB 9441/TB-BNV (16/10/2025)',
  },
};

const LAW = 'Bộ luật Lao động 2019, Điều 112';
const DEFAULT_RULE = 'Mặc định (chưa có thông báo), Điều 112';

/**
 * Ngày Văn hóa Việt Nam, 24/11, a paid holiday from 2026: chosen by the
 * Politburo's Resolution 80-NQ/TW (01/2026), reported as added to the
 * national calendar by the Ministry of Home Affairs. UNCONFIRMED: the
 * National Assembly text that amends Art. 112 (reported as Nghị quyết
 * 28/2026/QH16) was not found in the sources searched.
 */
const CULTURE_DAY_FROM = 2026;

/** The usual day next to 2/9: bridge to the weekend (a default, not law). */
function defaultNationalDayAdjacent(year: number): IsoDate {
  const sep2 = new Date(Date.UTC(year, 8, 2)).getUTCDay();
  // Monday → Tuesday 3/9 (as 2024); Thursday → Friday 3/9 (as 2021);
  // Sunday → Monday 3/9; otherwise the day before (as 2022, 2023, 2025, 2026).
  return sep2 === 1 || sep2 === 4 || sep2 === 0 ? isoDate(year, 9, 3) : isoDate(year, 9, 1);
}

/** The usual five Tết days: the last day of the lunar year and mùng 1–4. */
function defaultTet(year: number): IsoDate[] {
  const first = tetDate(year);
  return [-1, 0, 1, 2, 3].map((n) => addDays(first, n));
}

interface Holiday {
  readonly date: IsoDate;
  readonly vi: string;
  readonly en: string;
  readonly source: string;
}

function holidays(year: number): Holiday[] {
  const announced = ANNOUNCED[year];
  const tetSource = announced?.source ?? DEFAULT_RULE;
  const list: Holiday[] = [
    { date: isoDate(year, 1, 1), vi: 'Tết Dương lịch', en: "New Year's Day", source: LAW },
    ...(announced?.tet ?? defaultTet(year)).map((date) => ({
      date,
      vi: 'Tết Nguyên đán',
      en: 'Lunar New Year (Tết)',
      source: tetSource,
    })),
    {
      date: lunarToSolar(year, 3, 10),
      vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      en: 'Hung Kings Commemoration Day',
      source: LAW,
    },
    { date: isoDate(year, 4, 30), vi: 'Ngày Chiến thắng', en: 'Reunification Day', source: LAW },
    {
      date: isoDate(year, 5, 1),
      vi: 'Ngày Quốc tế lao động',
      en: 'International Labour Day',
      source: LAW,
    },
    { date: isoDate(year, 9, 2), vi: 'Quốc khánh', en: 'National Day', source: LAW },
    {
      date: announced?.nationalDayAdjacent ?? defaultNationalDayAdjacent(year),
      vi: 'Quốc khánh (ngày liền kề)',
      en: 'National Day (adjacent day)',
      source: announced?.source ?? DEFAULT_RULE,
    },
  ];
  if (year >= CULTURE_DAY_FROM) {
    list.push({
      date: isoDate(year, 11, 24),
      vi: 'Ngày Văn hóa Việt Nam',
      en: 'Vietnam Culture Day',
      source: 'Nghị quyết 80-NQ/TW (CHƯA XÁC NHẬN văn bản của Quốc hội)',
    });
  }
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The built-in days off of `year` besides ordinary weekends: holidays on
 * weekdays, and a compensatory weekday for each holiday on a weekend.
 */
export function builtInDaysOff(year: number): DayOff[] {
  const list = holidays(year);
  const taken = new Set(list.map((h) => h.date));
  const out: DayOff[] = [];
  for (const h of list) {
    if (!isWeekend(h.date)) {
      out.push({ date: h.date, kind: 'holiday', name: { vi: h.vi, en: h.en }, source: h.source });
      continue;
    }
    let day = addDays(h.date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    out.push({
      date: day,
      kind: 'compensatory',
      name: { vi: `Nghỉ bù ${h.vi}`, en: `In lieu of ${h.en}` },
      source: 'Bộ luật Lao động 2019, Điều 111.3',
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** Swaps already announced (hoán đổi ngày làm việc), used unless the adjustments file lists that year. */
export const ANNOUNCED_SWAPS: readonly {
  readonly year: number;
  readonly source: string;
  readonly daysOff: readonly IsoDate[];
  readonly workdays: readonly IsoDate[];
}[] = [
  // Friday 2/5/2025 off, Saturday 26/4/2025 worked (www.tet-amlich.com/2024/11/cac-ngay-nghi-le-2025.html).
  {
    year: 2025,
    source: 'Bộ LĐTBXH 2024 (hoán đổi 2/5 – 26/4)',
    daysOff: ['2025-05-02'],
    workdays: ['2025-04-26'],
  },
  // Friday 2/1/2026 off, Saturday 10/1/2026 worked: Công văn 12729/VPCP-KGVX (25/12/2025)
  // (en.sggp.org.vn/government-approves-four-day-new-year-holiday-for-2026-post122755.html).
  {
    year: 2026,
    source: '12729/VPCP-KGVX (25/12/2025)',
    daysOff: ['2026-01-02'],
    workdays: ['2026-01-10'],
  },
  // Monday 31/8/2026 off, Saturday 22/8/2026 worked (TB 9441/TB-BNV).
  { year: 2026, source: 'TB 9441/TB-BNV', daysOff: ['2026-08-31'], workdays: ['2026-08-22'] },
];
