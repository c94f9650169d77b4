import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthCheck, HealthReport } from '../../electron/api/contract/system';
import { errorMessages } from '../../electron/api/error-messages';
import type { ApiError, ApiResult } from '../../electron/api/errors';
import { useKiosk } from '../api/KioskContext';
import { CardReaders } from '../components/CardReaders';
import { OcrPoolStatus } from '../components/OcrPoolStatus';
import { formatClockDate } from '../i18n/format';

/** Checks whose label the screen translates; any other id is shown as it is. */
const namedChecks = [
  'config',
  'node',
  'pcscd',
  'scanners',
  'printer',
  'ticket-printer',
  'disk',
  'portal',
  'queue',
  'ratings',
  'ocr',
  'card-readers',
  'hid',
  'fingerprint-readers',
] as const;
type NamedCheck = (typeof namedChecks)[number];
const named: readonly string[] = namedChecks;

/**
 * Each service's health and each device bridge's status, with what to do
 * about failures. Open without staff in kiosk mode: it shows no personal data.
 */
export function Diagnostics() {
  const { t, i18n } = useTranslation();
  const { api } = useKiosk();
  const [report, setReport] = useState<HealthReport | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [checking, setChecking] = useState(false);
  const [generation, setGeneration] = useState(0);

  const apply = useCallback((result: ApiResult<HealthReport>) => {
    setChecking(false);
    if (result.ok) {
      setReport(result.value);
      setError(undefined);
    } else {
      setError(result.error);
    }
  }, []);

  const refresh = () => {
    setChecking(true);
    setGeneration((g) => g + 1);
    void api.system.health().then(apply);
  };

  useEffect(() => {
    void api.system.health().then(apply);
    return api.on('health.changed', setReport);
  }, [api, apply]);

  const label = (check: HealthCheck) => {
    if (check.id.startsWith('native:'))
      return t('diagnostics.names.native', { name: check.id.slice(7) });
    return named.includes(check.id) ? t(`diagnostics.names.${check.id as NamedCheck}`) : check.id;
  };
  // IT reads the Vietnamese line; the English one is kept for logs and `kiosk doctor --json`.
  // A check without one (a probe added later) says its state in words, never in English.
  const seen = (check: HealthCheck) =>
    i18n.language === 'en'
      ? check.detail
      : (check.detailVi ?? t(`diagnostics.seen.${check.status}`));
  const count = (status: HealthCheck['status']) =>
    report?.checks.filter((c) => c.status === status).length ?? 0;

  return (
    <main className="screen diagnostics">
      <h1>{t('diagnostics.title')}</h1>
      <p className="lead">{t('diagnostics.intro')}</p>
      <div className="toolbar">
        <button type="button" className="primary" onClick={refresh} disabled={checking}>
          {checking ? t('diagnostics.checking') : t('diagnostics.refresh')}
        </button>
        {report && (
          <span aria-live="polite">
            {t('diagnostics.checkedAt', { time: formatClockDate(report.checkedAt) })} —{' '}
            {t('diagnostics.summary', {
              ok: count('ok'),
              warn: count('warn'),
              fail: count('fail'),
            })}
          </span>
        )}
      </div>
      <CardReaders />
      <OcrPoolStatus generation={generation} />
      {error && (
        <p role="alert" className="error">
          {i18n.language === 'en' ? errorMessages[error.code].en : errorMessages[error.code].vi}
        </p>
      )}
      {!report && !error && <p aria-busy="true">{t('diagnostics.checking')}</p>}
      {report && (
        <table className="checks">
          <thead>
            <tr>
              <th scope="col">{t('diagnostics.check')}</th>
              <th scope="col">{t('diagnostics.status')}</th>
              <th scope="col">{t('diagnostics.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {report.checks.map((check) => (
              <tr key={check.id} data-check={check.id} data-status={check.status}>
                <th scope="row">
                  {label(check)}
                  <small>{t(`diagnostics.kinds.${check.kind}`)}</small>
                </th>
                <td>
                  <span className={`badge badge-${check.status}`}>
                    {t(`diagnostics.states.${check.status}`)}
                  </span>
                </td>
                <td>
                  <p className="seen">{seen(check)}</p>
                  {check.fix && check.status !== 'ok' && (
                    <p className="fix">
                      <strong>{t('diagnostics.fix')}:</strong>{' '}
                      {i18n.language === 'en' ? check.fix.en : check.fix.vi}
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
