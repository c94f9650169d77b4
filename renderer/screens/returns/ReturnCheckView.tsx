import { useTranslation } from 'react-i18next';
import { isTrangThai, STATUS_TEXT } from '../../../electron/api/contract/status-text';
import { formatDateTime } from '../../i18n/format';
import type { ReturnCheck } from './return-draft';

type Verdict = 'ready' | 'not-ready' | 'returned' | 'silent';

function verdictOf(check: ReturnCheck): Verdict {
  if (check.returned !== null || (check.portal.kind === 'status' && check.portal.status === '10'))
    return 'returned';
  if (check.ready) return 'ready';
  return check.portal.kind === 'status' ? 'not-ready' : 'silent';
}

/**
 * Where the dossier stands, as `return.check` answered: the facts the clerk
 * compares with the paper, then one verdict (ready, not ready with the
 * portal's status, already returned, or the portal silent) saying what to do.
 */
export function ReturnCheckView({ check }: { readonly check: ReturnCheck }) {
  const { t, i18n } = useTranslation();
  const text = (status: string) => {
    if (!isTrangThai(status)) return status;
    return i18n.language === 'en' ? STATUS_TEXT[status].en : STATUS_TEXT[status].vi;
  };
  const portal =
    check.portal.kind === 'status'
      ? t('returns.portalStatus', { status: text(check.portal.status) })
      : check.portal.kind === 'absent'
        ? t('returns.portalAbsent')
        : t('returns.portalUnreachable');
  const verdict = verdictOf(check);
  return (
    <section className="intake-step return-check" aria-labelledby="return-check-title">
      <h2 id="return-check-title">{t('returns.dossier', { code: check.code })}</h2>
      <dl className="return-facts">
        <dt>{t('returns.procedure')}</dt>
        <dd>{check.procedureName}</dd>
        <dt>{t('returns.applicant')}</dt>
        <dd className="return-applicant">{check.applicantName ?? '—'}</dd>
        <dt>{t('returns.due')}</dt>
        <dd>{formatDateTime(check.dueAt)}</dd>
        <dt>{t('returns.localStatus')}</dt>
        <dd>{text(check.localStatus)}</dd>
        <dt>{t('returns.portal')}</dt>
        <dd data-portal={check.portal.kind}>{portal}</dd>
      </dl>
      {check.deliveryMode === '1' && verdict !== 'returned' && (
        <p className="hint">{t('returns.byPostChosen')}</p>
      )}
      <div className="return-verdict" data-verdict={verdict}>
        {verdict === 'ready' && (
          <p role="status" className="success">
            {t('returns.ready')}
          </p>
        )}
        {verdict === 'not-ready' && check.portal.kind === 'status' && (
          <div role="alert" className="error">
            <p>{t('returns.notReady')}</p>
            <p>{t('returns.portalNotFinished', { status: text(check.portal.status) })}</p>
          </div>
        )}
        {verdict === 'returned' && (
          <p role="alert" className="error">
            {t('returns.alreadyReturned', {
              date: check.returned ? formatDateTime(check.returned.returnedAt) : '—',
              receiver: check.returned?.receiverName ? ` — ${check.returned.receiverName}` : '',
            })}
          </p>
        )}
        {verdict === 'silent' && (
          <p role="status" className="warning">
            {t('returns.silentPortal')}
          </p>
        )}
      </div>
    </section>
  );
}
