import { describe, expect, it } from 'vitest';
import { CentreReportSchema } from '../../../api/contract/report';
import { StoreError } from '../../store/store-error';
import { buildCentreReport, checkReportRange, isCivilDay } from './centre-report';
import type { RatingFact, TicketFact } from './report-figures';

const MIN = 60_000;
const areas = [{ code: 'HT', name: 'Hộ tịch', counters: [1] }];

function served(day: string, waitMin: number, serviceMin: number): TicketFact {
  const takenAt = Date.parse(`${day}T01:00:00Z`);
  const calledAt = takenAt + waitMin * MIN;
  return {
    day,
    area: 'HT',
    status: 'served',
    priority: null,
    takenAt,
    firstCalledAt: calledAt,
    calledAt,
    servedAt: calledAt + serviceMin * MIN,
  };
}
const rating = (day: string, score: RatingFact['score']): RatingFact => ({
  day,
  counter: 1,
  clerk: 'lan',
  score,
});

function rangeError(from: string, to: string): StoreError {
  try {
    checkReportRange(from, to);
  } catch (error) {
    if (error instanceof StoreError) return error;
  }
  throw new Error(`no error for ${from}..${to}`);
}

describe('buildCentreReport', () => {
  const report = buildCentreReport({
    from: '2026-12-01',
    to: '2026-12-02',
    areas,
    tickets: [
      served('2026-11-30', 50, 50), // before the range: left out
      served('2026-12-01', 4, 6),
      served('2026-12-01', 8, 10),
      served('2026-12-02', 12, 20),
    ],
    ratings: [rating('2026-12-02', 'satisfied'), rating('2026-12-02', 'dissatisfied'), rating('2026-12-03', 'neutral')],
    generatedAt: 1,
  });

  it('gives the whole period and each day with figures, and nothing outside the range', () => {
    expect(CentreReportSchema.parse(report)).toEqual(report);
    expect(report.period.tickets.taken).toBe(3);
    expect(report.period.waiting).toMatchObject({ count: 3, medianMinutes: 8, maxMinutes: 12 });
    expect(report.period.service).toMatchObject({ medianMinutes: 10, maxMinutes: 20 });
    expect(report.period.satisfaction).toMatchObject({ total: 2, satisfiedPercent: 50 });
    expect(report.days.map((d) => [d.day, d.tickets.served, d.waiting.medianMinutes, d.satisfaction.total])).toEqual([
      ['2026-12-01', 2, 6, 0],
      ['2026-12-02', 1, 12, 2],
    ]);
  });
});

describe('report range', () => {
  it('accepts one day and a leap year of 366 days', () => {
    expect(() => { checkReportRange('2026-12-07', '2026-12-07'); }).not.toThrow();
    expect(() => { checkReportRange('2028-01-01', '2028-12-31'); }).not.toThrow();
  });

  it('refuses a start after the end, saying which dates to swap', () => {
    const error = rangeError('2026-12-08', '2026-12-07');
    expect(error.code).toBe('REPORT_RANGE_INVALID');
    expect(error.vi).toContain('Ngày bắt đầu (2026-12-08) sau ngày kết thúc (2026-12-07)');
  });

  it('refuses dates that do not exist and ranges over a year', () => {
    expect(isCivilDay('2026-02-30')).toBe(false);
    expect(isCivilDay('2028-02-29')).toBe(true);
    expect(rangeError('2026-02-30', '2026-03-01').vi).toContain('Ngày "2026-02-30" không hợp lệ');
    expect(rangeError('2026-01-01', '2027-01-02').vi).toContain('367 ngày quá dài');
  });
});
