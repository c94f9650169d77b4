import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CalendarAdjustmentsError, parseCalendarAdjustments } from './calendar-adjustments';
import { loadCalendar } from './load-calendar';
import { createWorkingCalendar } from './working-calendar';

const calendar = createWorkingCalendar();
const offIn = (year: number): string[] => calendar.daysOff(year).map((d) => `${d.date} ${d.kind}`);

describe('the built-in days off', () => {
  it('2025: Tết 27–31/1 as announced, Giỗ Tổ 7/4, 30/4–1/5 with the 2/5 swap, 1–2/9', () => {
    expect(offIn(2025)).toEqual([
      '2025-01-01 holiday',
      '2025-01-27 holiday',
      '2025-01-28 holiday',
      '2025-01-29 holiday',
      '2025-01-30 holiday',
      '2025-01-31 holiday',
      '2025-04-07 holiday',
      '2025-04-30 holiday',
      '2025-05-01 holiday',
      '2025-05-02 swap',
      '2025-09-01 holiday',
      '2025-09-02 holiday',
    ]);
    expect(calendar.extraWorkdays(2025).map((w) => w.date)).toEqual(['2025-04-26']);
  });

  it('2026: 2/1 swapped for 10/1, Tết 16–20/2 (TB 9441/TB-BNV), Giỗ Tổ on Sunday 26/4 given back on 27/4, 31/8 swapped, 1–2/9, 24/11', () => {
    expect(offIn(2026)).toEqual([
      '2026-01-01 holiday',
      '2026-01-02 swap',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-04-27 compensatory',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-08-31 swap',
      '2026-09-01 holiday',
      '2026-09-02 holiday',
      '2026-11-24 holiday',
    ]);
    expect(calendar.extraWorkdays(2026).map((w) => w.date)).toEqual(['2026-01-10', '2026-08-22']);
    expect(calendar.isWorkingDay('2026-08-22')).toBe(true);
  });

  it('2027: Tết from Friday 5/2 with Saturday–Sunday given back on 10–11/2, 1/5 on Saturday given back on 3/5', () => {
    expect(offIn(2027)).toEqual([
      '2027-01-01 holiday',
      '2027-02-05 holiday',
      '2027-02-08 holiday',
      '2027-02-09 holiday',
      '2027-02-10 compensatory',
      '2027-02-11 compensatory',
      '2027-04-16 holiday',
      '2027-04-30 holiday',
      '2027-05-03 compensatory',
      '2027-09-02 holiday',
      '2027-09-03 holiday',
      '2027-11-24 holiday',
    ]);
  });

  it('2028: 1/1 on Saturday given back on 3/1, 30/4 on Sunday given back on 2/5 after 1/5, 2/9 on Saturday', () => {
    expect(offIn(2028)).toEqual([
      '2028-01-03 compensatory',
      '2028-01-25 holiday',
      '2028-01-26 holiday',
      '2028-01-27 holiday',
      '2028-01-28 holiday',
      '2028-01-31 compensatory',
      '2028-04-04 holiday',
      '2028-05-01 holiday',
      '2028-05-02 compensatory',
      '2028-09-01 holiday',
      '2028-09-04 compensatory',
      '2028-11-24 holiday',
    ]);
  });

  it('2029: 2/9 on Sunday with 3/9, given back on 4/9; 24/11 on Saturday given back on 26/11', () => {
    expect(offIn(2029)).toEqual([
      '2029-01-01 holiday',
      '2029-02-12 holiday',
      '2029-02-13 holiday',
      '2029-02-14 holiday',
      '2029-02-15 holiday',
      '2029-02-16 holiday',
      '2029-04-23 holiday',
      '2029-04-30 holiday',
      '2029-05-01 holiday',
      '2029-09-03 holiday',
      '2029-09-04 compensatory',
      '2029-11-26 compensatory',
    ]);
  });

  it('2030: Tết on Saturday 2/2 (a day before China), weekend Tết days given back on 6–7/2', () => {
    expect(offIn(2030)).toEqual([
      '2030-01-01 holiday',
      '2030-02-01 holiday',
      '2030-02-04 holiday',
      '2030-02-05 holiday',
      '2030-02-06 compensatory',
      '2030-02-07 compensatory',
      '2030-04-12 holiday',
      '2030-04-30 holiday',
      '2030-05-01 holiday',
      '2030-09-02 holiday',
      '2030-09-03 holiday',
      '2030-11-25 compensatory',
    ]);
  });

  it('has no Ngày Văn hóa Việt Nam before 2026', () => {
    expect(calendar.isWorkingDay('2025-11-24')).toBe(true);
    expect(calendar.isWorkingDay('2026-11-24')).toBe(false);
  });
});

describe('the adjustments file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-calendar-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('a swap file makes a Saturday a workday and a Friday a day off', async () => {
    const file = write(
      'swap.json',
      JSON.stringify([
        { year: 2027, source: 'TB thử nghiệm', daysOff: ['2027-04-29'], workdays: ['2027-04-24'] },
      ]),
    );
    const { calendar: c, error } = await loadCalendar({ adjustmentsFile: file });
    expect(error).toBeNull();
    expect(c.isWorkingDay('2027-04-24')).toBe(true);
    expect(c.isWorkingDay('2027-04-29')).toBe(false);
    expect(c.daysOff(2027).find((d) => d.date === '2027-04-29')?.kind).toBe('swap');
  });

  it("a year in the file replaces that year's announced swaps, and its workdays override a default holiday", async () => {
    const file = write(
      'override.json',
      JSON.stringify({ year: 2026, source: 'TB sửa', daysOff: [], workdays: ['2026-11-24'] }),
    );
    const { calendar: c } = await loadCalendar({ adjustmentsFile: file });
    expect(c.isWorkingDay('2026-08-31')).toBe(true);
    expect(c.isWorkingDay('2026-08-22')).toBe(false);
    expect(c.isWorkingDay('2026-11-24')).toBe(true);
  });

  it('a bad swap file gives a typed error naming the entry, and the built-in calendar keeps working', async () => {
    const file = write(
      'bad.json',
      JSON.stringify([
        { year: 2026, source: 'ok', daysOff: [], workdays: [] },
        { year: 2027, source: 'TB lỗi', daysOff: ['2027-02-30'], workdays: [] },
      ]),
    );
    const { calendar: c, error } = await loadCalendar({ adjustmentsFile: file });
    expect(error).toBeInstanceOf(CalendarAdjustmentsError);
    expect(error?.vi).toContain('mục 2 (2027), trường "daysOff.0"');
    expect(error?.vi).toContain('"2027-02-30"');
    expect(error?.en).toContain('entry 2 (2027)');
    expect(c.isWorkingDay('2026-02-16')).toBe(false);
    expect(c.isWorkingDay('2026-08-31')).toBe(false);
  });

  it('the sample file in build/ loads and agrees with the built-in announced swaps', async () => {
    const sample = fileURLToPath(
      new URL('../../../build/calendar-adjustments.sample.json', import.meta.url),
    );
    const { calendar: c, error } = await loadCalendar({ adjustmentsFile: sample });
    expect(error).toBeNull();
    for (const year of [2025, 2026]) {
      expect(c.daysOff(year).map((d) => d.date)).toEqual(calendar.daysOff(year).map((d) => d.date));
      expect(c.extraWorkdays(year).map((d) => d.date)).toEqual(
        calendar.extraWorkdays(year).map((d) => d.date),
      );
    }
  });

  it('a date outside its entry year, a missing file and broken JSON are refused the same way', async () => {
    expect(() =>
      parseCalendarAdjustments({ year: 2026, source: 's', daysOff: ['2027-01-04'] }),
    ).toThrow(/not in year 2026/);
    const missing = await loadCalendar({ adjustmentsFile: join(dir, 'none.json') });
    expect(missing.error?.vi).toContain('Không đọc được tệp');
    const broken = await loadCalendar({ adjustmentsFile: write('broken.json', '{"year": 2026,') });
    expect(broken.error?.en).toContain('not valid JSON');
    expect(broken.calendar.isWorkingDay('2026-02-17')).toBe(false);
  });
});
