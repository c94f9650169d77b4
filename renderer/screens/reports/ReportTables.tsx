import { useTranslation } from 'react-i18next';
import type { CentreReport, Satisfaction } from '../../../electron/api/contract/report';
import { formatDate } from '../../i18n/format';
import { bucketLabel, numberText } from './report-labels';

/** The report's figures as tables with captions and header cells: what a screen reader reads and a printer prints. */
export function ReportTables({ report }: { readonly report: CentreReport }) {
  const { t, i18n } = useTranslation();
  const n = (v: number | null, suffix = '') => numberText(i18n.language, v, suffix);
  const p = report.period;
  const scoreCells = (s: Satisfaction) => (
    <>
      <td>{s.verySatisfied}</td>
      <td>{s.satisfied}</td>
      <td>{s.neutral}</td>
      <td>{s.dissatisfied}</td>
      <td>{s.total}</td>
      <td>{n(s.satisfiedPercent, '%')}</td>
    </>
  );
  const scoreHeads = (
    <>
      <th scope="col">{t('reports.verySatisfied')}</th>
      <th scope="col">{t('reports.satisfied')}</th>
      <th scope="col">{t('reports.neutral')}</th>
      <th scope="col">{t('reports.dissatisfied')}</th>
      <th scope="col">{t('reports.total')}</th>
      <th scope="col">{t('reports.satisfiedPercent')}</th>
    </>
  );
  const counts = ['taken', 'priority', 'served', 'noShows', 'waiting', 'called'] as const;
  return (
    <section className="report-tables" aria-labelledby="report-tables-title">
      <h2 id="report-tables-title">{t('reports.tablesTitle')}</h2>
      <table className="report-table" data-table="areas">
        <caption>{t('reports.ticketsChart')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.area')}</th>
            {counts.map((c) => (
              <th scope="col" key={c}>
                {t(`reports.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.areas.map((a) => (
            <tr key={a.code}>
              <th scope="row">{a.name}</th>
              {counts.map((c) => (
                <td key={c}>{a[c]}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('reports.total')}</th>
            {counts.map((c) => (
              <td key={c}>{p.tickets[c]}</td>
            ))}
          </tr>
        </tfoot>
      </table>

      <table className="report-table" data-table="times">
        <caption>{t('reports.timesTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.measure')}</th>
            <th scope="col">{t('reports.count')}</th>
            <th scope="col">{t('reports.median')}</th>
            <th scope="col">{t('reports.p90')}</th>
            <th scope="col">{t('reports.max')}</th>
            {p.waiting.buckets.map((b) => (
              <th scope="col" key={b.fromMinutes}>
                {bucketLabel(t, b)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(
            [
              ['waitingTime', p.waiting],
              ['serviceTime', p.service],
            ] as const
          ).map(([label, d]) => (
            <tr key={label}>
              <th scope="row">{t(`reports.${label}`)}</th>
              <td>{d.count}</td>
              <td>{n(d.medianMinutes)}</td>
              <td>{n(d.p90Minutes)}</td>
              <td>{n(d.maxMinutes)}</td>
              {d.buckets.map((b) => (
                <td key={b.fromMinutes}>{b.count}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      <table className="report-table" data-table="counters">
        <caption>{t('reports.byCounter')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.counter')}</th>
            {scoreHeads}
          </tr>
        </thead>
        <tbody>
          {p.counters.map((c) => (
            <tr key={c.counter}>
              <th scope="row">{t('reports.counterN', { n: c.counter })}</th>
              {scoreCells(c)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('reports.total')}</th>
            {scoreCells(p.satisfaction)}
          </tr>
        </tfoot>
      </table>

      <table className="report-table" data-table="clerks">
        <caption>{t('reports.byClerk')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.clerk')}</th>
            {scoreHeads}
          </tr>
        </thead>
        <tbody>
          {p.clerks.map((c) => (
            <tr key={c.clerk ?? ''}>
              <th scope="row">{c.clerk ?? t('reports.clerkUnknown')}</th>
              {scoreCells(c)}
            </tr>
          ))}
        </tbody>
      </table>

      <table className="report-table" data-table="days">
        <caption>{t('reports.byDay')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.day')}</th>
            <th scope="col">{t('reports.taken')}</th>
            <th scope="col">{t('reports.served')}</th>
            <th scope="col">{t('reports.noShows')}</th>
            <th scope="col">{t('reports.medianWait')}</th>
            <th scope="col">{t('reports.medianService')}</th>
            <th scope="col">{t('reports.satisfiedPercent')}</th>
          </tr>
        </thead>
        <tbody>
          {report.days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{formatDate(d.day)}</th>
              <td>{d.tickets.taken}</td>
              <td>{d.tickets.served}</td>
              <td>{d.tickets.noShows}</td>
              <td>{n(d.waiting.medianMinutes)}</td>
              <td>{n(d.service.medianMinutes)}</td>
              <td>{n(d.satisfaction.satisfiedPercent, '%')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
