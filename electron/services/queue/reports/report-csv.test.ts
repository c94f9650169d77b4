import { describe, expect, it } from 'vitest';
import { buildCentreReport } from './centre-report';
import { csvField, reportCsv } from './report-csv';

describe('reportCsv', () => {
  const report = buildCentreReport({
    from: '2026-12-07',
    to: '2026-12-07',
    areas: [{ code: 'HT', name: 'Hộ tịch, chứng thực', counters: [1] }],
    tickets: [
      {
        day: '2026-12-07',
        area: 'HT',
        status: 'served',
        priority: null,
        takenAt: 0,
        firstCalledAt: 6 * 60_000,
        calledAt: 6 * 60_000,
        servedAt: 16 * 60_000,
      },
    ],
    ratings: [{ day: '2026-12-07', counter: 1, clerk: 'lan', score: 'satisfied' }],
    generatedAt: 0,
  });
  const lines = reportCsv(report).replace('\uFEFF', '').trimEnd().split('\r\n');

  it('writes one figure per row, the period with an empty day, then each day', () => {
    expect(lines[0]).toBe('from,to,day,section,key,name,metric,value');
    expect(lines).toContain('2026-12-07,2026-12-07,,area,HT,"Hộ tịch, chứng thực",served,1');
    expect(lines).toContain('2026-12-07,2026-12-07,2026-12-07,area,HT,"Hộ tịch, chứng thực",served,1');
    expect(lines).toContain('2026-12-07,2026-12-07,,waiting_time,,,median_minutes,6');
    expect(lines).toContain('2026-12-07,2026-12-07,,waiting_time,,,bucket_5_10,1');
    expect(lines).toContain('2026-12-07,2026-12-07,,service_time,,,bucket_60_more,0');
    expect(lines).toContain('2026-12-07,2026-12-07,,clerk,lan,,satisfied_percent,100');
  });

  it('starts with a byte order mark so Excel reads the diacritics', () => {
    expect(reportCsv(report).startsWith('\uFEFF')).toBe(true);
  });

  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField('plain')).toBe('plain');
  });
});
