import type { CentreReport, Distribution, Figures, Satisfaction } from '../../../api/contract/report';

/**
 * The report as CSV in long form — one figure per row — so a spreadsheet can
 * pivot it and a script can read it without knowing the layout of a table:
 * `day` is empty for the whole period's rows. Column and metric names are
 * stable keys, not translated text. A UTF-8 byte order mark makes Excel read
 * the Vietnamese area names with their diacritics.
 */
export const REPORT_CSV_HEADER = ['from', 'to', 'day', 'section', 'key', 'name', 'metric', 'value'];

type Row = readonly [section: string, key: string, name: string, metric: string, value: number | null];

/** RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function distributionRows(section: string, d: Distribution): Row[] {
  return [
    [section, '', '', 'count', d.count],
    [section, '', '', 'median_minutes', d.medianMinutes],
    [section, '', '', 'p90_minutes', d.p90Minutes],
    [section, '', '', 'max_minutes', d.maxMinutes],
    ...d.buckets.map(
      (b): Row => [section, '', '', `bucket_${b.fromMinutes}_${b.toMinutes ?? 'more'}`, b.count],
    ),
  ];
}

function satisfactionRows(section: string, key: string, s: Satisfaction): Row[] {
  return [
    [section, key, '', 'very_satisfied', s.verySatisfied],
    [section, key, '', 'satisfied', s.satisfied],
    [section, key, '', 'neutral', s.neutral],
    [section, key, '', 'dissatisfied', s.dissatisfied],
    [section, key, '', 'total', s.total],
    [section, key, '', 'satisfied_percent', s.satisfiedPercent],
  ];
}

function figureRows(f: Figures): Row[] {
  return [
    ...f.areas.flatMap((a): Row[] =>
      (['taken', 'priority', 'served', 'noShows', 'waiting', 'called'] as const).map((m) => [
        'area',
        a.code,
        a.name,
        m === 'noShows' ? 'no_shows' : m,
        a[m],
      ]),
    ),
    ...distributionRows('waiting_time', f.waiting),
    ...distributionRows('service_time', f.service),
    ...satisfactionRows('satisfaction', '', f.satisfaction),
    ...f.counters.flatMap((c) => satisfactionRows('counter', String(c.counter), c)),
    ...f.clerks.flatMap((c) => satisfactionRows('clerk', c.clerk ?? '', c)),
  ];
}

export function reportCsv(report: CentreReport): string {
  const line = (day: string, [section, key, name, metric, value]: Row) =>
    [report.from, report.to, day, section, key, name, metric, value === null ? '' : String(value)]
      .map(csvField)
      .join(',');
  const lines = [
    REPORT_CSV_HEADER.join(','),
    ...figureRows(report.period).map((r) => line('', r)),
    ...report.days.flatMap((d) => figureRows(d).map((r) => line(d.day, r))),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
