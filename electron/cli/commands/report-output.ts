import type { CentreReport, Distribution, Satisfaction } from '../../api/contract/report';
import type { CliIo } from '../cli-io';

/** What `kiosk report centre` prints: tables in Vietnamese first, dates dd/mm/yyyy. */

/** Columns padded to their widest cell; the first left-aligned, numbers right-aligned. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

export function dmy(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}

/** io.t for any value (a table's header row). */
function tr<T>(io: CliIo, vi: T, en: T): T {
  return io.locale === 'vi' ? vi : en;
}

const num = (n: number | null): string => (n === null ? '–' : String(n));

function distributionLines(io: CliIo, title: string, d: Distribution): string[] {
  return [
    title,
    io.t(
      `  Số lượt: ${d.count}; trung vị: ${num(d.medianMinutes)} phút; 90% không quá: ${num(d.p90Minutes)} phút; lâu nhất: ${num(d.maxMinutes)} phút`,
      `  Count: ${d.count}; median: ${num(d.medianMinutes)} min; p90: ${num(d.p90Minutes)} min; max: ${num(d.maxMinutes)} min`,
    ),
    ...table(
      d.buckets.map((b) => [
        b.toMinutes === null
          ? io.t(`  từ ${b.fromMinutes} phút`, `  ${b.fromMinutes} min and more`)
          : io.t(`  ${b.fromMinutes}–${b.toMinutes} phút`, `  ${b.fromMinutes}–${b.toMinutes} min`),
        String(b.count),
      ]),
    ),
  ];
}

function satisfactionRow(label: string, s: Satisfaction): string[] {
  return [
    label,
    String(s.verySatisfied),
    String(s.satisfied),
    String(s.neutral),
    String(s.dissatisfied),
    String(s.total),
    s.satisfiedPercent === null ? '–' : `${s.satisfiedPercent}%`,
  ];
}

export function printReport(io: CliIo, report: CentreReport): void {
  io.result(report);
  const p = report.period;
  const ticketHeader = tr(
    io,
    ['Lĩnh vực', 'Đã lấy', 'Ưu tiên', 'Đã phục vụ', 'Vắng mặt', 'Đang chờ', 'Đang gọi'],
    ['Area', 'Taken', 'Priority', 'Served', 'No-show', 'Waiting', 'Called'],
  );
  const scoreHeader = (first: string) =>
    tr(
      io,
      [first, 'Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng', 'Tổng', '% hài lòng'],
      [first, 'Very satisfied', 'Satisfied', 'Neutral', 'Dissatisfied', 'Total', '% satisfied'],
    );
  const lines = [
    io.t(
      `BÁO CÁO TRUNG TÂM từ ${dmy(report.from)} đến ${dmy(report.to)}`,
      `CENTRE REPORT from ${dmy(report.from)} to ${dmy(report.to)}`,
    ),
    '',
    io.t('Số thứ tự theo lĩnh vực', 'Tickets per area'),
    ...table([
      ticketHeader,
      ...p.areas.map((a) => [
        `${a.code} ${a.name}`,
        ...[a.taken, a.priority, a.served, a.noShows, a.waiting, a.called].map(String),
      ]),
      [
        io.t('Tổng', 'Total'),
        ...[p.tickets.taken, p.tickets.priority, p.tickets.served, p.tickets.noShows]
          .concat([p.tickets.waiting, p.tickets.called])
          .map(String),
      ],
    ]),
    '',
    ...distributionLines(
      io,
      io.t('Thời gian chờ (lấy số → được gọi)', 'Waiting time (taken → called)'),
      p.waiting,
    ),
    '',
    ...distributionLines(
      io,
      io.t('Thời gian phục vụ (được gọi → xong)', 'Service time (called → done)'),
      p.service,
    ),
    '',
    io.t('Mức độ hài lòng theo quầy', 'Satisfaction per counter'),
    ...table([
      scoreHeader(io.t('Quầy', 'Counter')),
      ...p.counters.map((c) =>
        satisfactionRow(io.t(`Quầy ${c.counter}`, `Counter ${c.counter}`), c),
      ),
      satisfactionRow(io.t('Tổng', 'Total'), p.satisfaction),
    ]),
    '',
    io.t('Mức độ hài lòng theo cán bộ', 'Satisfaction per clerk'),
    ...table([
      scoreHeader(io.t('Cán bộ', 'Clerk')),
      ...p.clerks.map((c) => satisfactionRow(c.clerk ?? io.t('(không ghi)', '(not recorded)'), c)),
    ]),
    '',
    io.t('Theo ngày', 'Per day'),
    ...table([
      tr(
        io,
        [
          'Ngày',
          'Đã lấy',
          'Đã phục vụ',
          'Vắng mặt',
          'Chờ (trung vị, phút)',
          'Phục vụ (trung vị, phút)',
          '% hài lòng',
        ],
        [
          'Day',
          'Taken',
          'Served',
          'No-show',
          'Wait (median, min)',
          'Service (median, min)',
          '% satisfied',
        ],
      ),
      ...report.days.map((d) => [
        dmy(d.day),
        String(d.tickets.taken),
        String(d.tickets.served),
        String(d.tickets.noShows),
        num(d.waiting.medianMinutes),
        num(d.service.medianMinutes),
        d.satisfaction.satisfiedPercent === null ? '–' : `${d.satisfaction.satisfiedPercent}%`,
      ]),
    ]),
  ];
  for (const l of lines) io.line(l);
}
