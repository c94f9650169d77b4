import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CentreReport as Report } from '../../../electron/api/contract/report';
import { useKiosk } from '../../api/KioskContext';
import { formatDate } from '../../i18n/format';
import { useApiErrorText } from '../../i18n/use-api-error-text';
import { ReportCharts } from './ReportCharts';
import { ReportTables } from './ReportTables';
import { vietnamToday } from './report-labels';
import './reports.css';

/** Staff: the centre's QĐ 766 figures for a range of days (today by default), as charts and printable tables. */
export function CentreReport() {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const errorText = useApiErrorText();
  const [today] = useState(() => vietnamToday(Date.now()));
  const [range, setRange] = useState({ from: today, to: today });
  const [report, setReport] = useState<Report | undefined>(undefined);
  // The first report (today) is asked for as the screen opens.
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>(undefined);

  const ask = useCallback(
    (from: string, to: string) =>
      api.report.centre({ from, to }).then((result) => {
        setLoading(false);
        if (result.ok) setReport(result.value);
        else setError(errorText(result.error));
      }),
    [api, errorText],
  );

  useEffect(() => {
    void ask(today, today);
  }, [ask, today]);

  const load = (from: string, to: string) => {
    if (from === '' || to === '' || from > to) {
      setError(t('reports.rangeBad'));
      return;
    }
    setLoading(true);
    setError(undefined);
    void ask(from, to);
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    load(range.from, range.to);
  };

  const empty = report?.days.length === 0;
  return (
    <main className="screen centre-report">
      <h1>{t('reports.title')}</h1>
      <p className="lead">{t('reports.lead')}</p>
      <form className="report-range" onSubmit={submit}>
        <label>
          {t('reports.from')}
          <input
            type="date"
            value={range.from}
            max={today}
            onChange={(e) => {
              setRange({ ...range, from: e.target.value });
            }}
          />
        </label>
        <label>
          {t('reports.to')}
          <input
            type="date"
            value={range.to}
            max={today}
            onChange={(e) => {
              setRange({ ...range, to: e.target.value });
            }}
          />
        </label>
        <button type="submit" className="primary" disabled={loading}>
          {t('reports.show')}
        </button>
        <button
          type="button"
          disabled={report === undefined}
          onClick={() => {
            window.print();
          }}
        >
          {t('reports.print')}
        </button>
      </form>
      <div aria-live="polite">
        {loading && <p>{t('reports.loading')}</p>}
        {error !== undefined && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
      </div>
      {report !== undefined && (
        <>
          <h2 className="report-period">
            {t('reports.period', { from: formatDate(report.from), to: formatDate(report.to) })}
          </h2>
          {empty && <p>{t('reports.empty')}</p>}
          <ReportCharts figures={report.period} />
          <ReportTables report={report} />
        </>
      )}
    </main>
  );
}
