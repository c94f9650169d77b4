import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierSummary, DossierView, SyncState } from '../../electron/api/contract/dossier';
import { STATUS_TEXT } from '../../electron/api/contract/status-text';
import { errorMessages } from '../../electron/api/error-messages';
import { signingErrorCodes, type ApiError, type SigningErrorCode } from '../../electron/api/errors';
import { useKiosk } from '../api/KioskContext';
import { ReceiptView } from '../components/ReceiptView';
import { SignatureNotice } from '../components/SignatureNotice';
import { SignPendingForm } from './SignPendingForm';
import { formatDateTime } from '../i18n/format';
import { matchesReturnFilter, RETURN_FILTERS, type ReturnFilter } from './return-filter';

/** The stored reason as the notice takes it: a signing code, or none for anything else. */
function signingReason(reason: string | null): SigningErrorCode | null {
  return signingErrorCodes.find((c) => c === reason) ?? null;
}

const syncStates: readonly SyncState[] = ['pending', 'parked', 'synced'];
type Status = DossierSummary['status'];
const statuses = Object.keys(STATUS_TEXT) as Status[];

interface Filter {
  readonly sync: SyncState | 'all';
  readonly status: Status | 'all';
  readonly returns: ReturnFilter;
}

/** Staff: received dossiers by portal status and sync state; a rejected one shows the portal's reason and can be fixed and resubmitted. */
export function Dossiers() {
  const { t, i18n } = useTranslation();
  const { api, info } = useKiosk();
  const [filter, setFilter] = useState<Filter>({ sync: 'all', status: 'all', returns: 'all' });
  const statusText = (status: Status) =>
    i18n.language === 'en' ? STATUS_TEXT[status].en : STATUS_TEXT[status].vi;
  const [dossiers, setDossiers] = useState<DossierSummary[] | undefined>(undefined);
  // "Quá hạn" is judged against when the list was loaded, so a render never reads the clock.
  const [loadedAt, setLoadedAt] = useState(0);
  const shown = dossiers?.filter((d) => matchesReturnFilter(d, filter.returns, loadedAt));
  const [open, setOpen] = useState<DossierView | undefined>(undefined);
  // The receipt is fetched only when asked for: each fetch is an audited read of the dossier.
  const [reprint, setReprint] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  // "Ký số bổ sung" stays once shown: the list reloads (queue.changed) before the
  // signing call answers, and its "Đã ký số bổ sung" notice must not vanish with
  // the last unsigned row it just signed.
  const needsSigning = dossiers?.some((d) => !d.signed && d.syncState !== 'synced') === true;
  const [signFormShown, setSignFormShown] = useState(false);
  if (needsSigning && !signFormShown) setSignFormShown(true);
  const describe = useCallback(
    (error: ApiError) =>
      i18n.language === 'en' ? errorMessages[error.code].en : errorMessages[error.code].vi,
    [i18n.language],
  );

  const load = useCallback(
    ({ sync, status }: Filter) =>
      api.dossier
        .list({
          limit: 200,
          ...(sync === 'all' ? {} : { syncState: sync }),
          ...(status === 'all' ? {} : { status }),
        })
        .then((result) => {
          if (result.ok) {
            setDossiers(result.value.dossiers);
            setLoadedAt(Date.now());
          } else setNotice({ ok: false, text: describe(result.error) });
        }),
    [api, describe],
  );

  useEffect(() => {
    void load(filter);
    return api.on('queue.changed', () => void load(filter));
  }, [api, filter, load]);

  const openDossier = async (id: string) => {
    setNotice(undefined);
    const result = await api.dossier.get({ idOrCode: id });
    setReprint(false);
    if (result.ok) setOpen(result.value);
    else setNotice({ ok: false, text: describe(result.error) });
  };

  const resubmit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!open) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const fix = {
      ...(text('summary') ? { summary: text('summary') } : {}),
      phone: text('phone'),
      email: text('email'),
    };
    const result = await api.dossier.resubmit({ idOrCode: open.id, fix });
    if (result.ok) {
      setNotice({ ok: true, text: t('dossiers.resubmitted') });
      setOpen(undefined);
      void load(filter);
    } else {
      setNotice({ ok: false, text: describe(result.error) });
    }
  };

  return (
    <main className="screen dossiers">
      <h1>{t('dossiers.title')}</h1>
      <div className="filters">
        <label className="filter">
          {t('dossiers.statusFilter')}
          <select
            value={filter.status}
            onChange={(event) => {
              setFilter({ ...filter, status: event.target.value as Status | 'all' });
            }}
          >
            <option value="all">{t('dossiers.all')}</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {statusText(status)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          {t('dossiers.returnFilter')}
          <select
            name="return-filter"
            value={filter.returns}
            onChange={(event) => {
              setFilter({ ...filter, returns: event.target.value as ReturnFilter });
            }}
          >
            {RETURN_FILTERS.map((key) => (
              <option key={key} value={key}>
                {t(`dossiers.returnFilters.${key}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          {t('dossiers.filter')}
          <select
            value={filter.sync}
            onChange={(event) => {
              setFilter({ ...filter, sync: event.target.value as SyncState | 'all' });
            }}
          >
            <option value="all">{t('dossiers.all')}</option>
            {syncStates.map((state) => (
              <option key={state} value={state}>
                {t(`dossiers.states.${state}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {notice && (
        <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'success' : 'error'}>
          {notice.text}
        </p>
      )}
      {info.signingConfigured && (needsSigning || signFormShown) && (
        <SignPendingForm onSigned={() => void load(filter)} />
      )}
      {shown?.length === 0 && <p>{t('dossiers.empty')}</p>}
      {shown && shown.length > 0 && (
        <table className="checks">
          <thead>
            <tr>
              <th scope="col">{t('dossiers.code')}</th>
              <th scope="col">{t('dossiers.procedure')}</th>
              <th scope="col">{t('dossiers.applicant')}</th>
              <th scope="col">{t('dossiers.received')}</th>
              <th scope="col">{t('dossiers.status')}</th>
              <th scope="col">{t('dossiers.sync')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => (
              <tr key={d.id} data-code={d.code} data-sync={d.syncState} data-status={d.status}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => void openDossier(d.id)}>
                    {d.code}
                  </button>
                  {!d.signed && (
                    <span className="badge badge-warn" data-unsigned="true">
                      {t('intake.signing.unsigned')}
                    </span>
                  )}
                </th>
                <td>{d.procedureName}</td>
                <td>{d.applicantName ?? t('dossiers.purged')}</td>
                <td>{formatDateTime(d.receivedAt)}</td>
                <td>{statusText(d.status)}</td>
                <td>
                  <span
                    className={`badge badge-${d.syncState === 'synced' ? 'ok' : d.syncState === 'parked' ? 'fail' : 'warn'}`}
                  >
                    {t(`dossiers.states.${d.syncState}`)}
                  </span>
                  {d.parkedMessage && <p className="fix">{d.parkedMessage}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <section className="dossier-detail" aria-labelledby="dossier-detail-title">
          <h2 id="dossier-detail-title">
            {open.code} — {open.procedureName}
          </h2>
          <p>
            {t('dossiers.applicant')}: {open.applicant?.name ?? t('dossiers.purged')} ·{' '}
            {t('dossiers.received')}: {formatDateTime(open.receivedAt)} · {t('dossiers.due')}:{' '}
            {formatDateTime(open.dueAt)}
          </p>
          <SignatureNotice signed={open.signed} reason={signingReason(open.unsignedReason)} />
          {open.parkedMessage && (
            <div role="alert" className="error">
              <strong>{t('dossiers.rejected')}</strong> {open.parkedMessage}
            </div>
          )}
          {open.syncState === 'parked' && (
            <form className="form" onSubmit={(event) => void resubmit(event)}>
              <h3>{t('dossiers.fixTitle')}</h3>
              <label>
                {t('dossiers.summary')}
                <input name="summary" defaultValue={open.summary ?? ''} />
              </label>
              <label>
                {t('dossiers.phone')}
                <input name="phone" defaultValue={open.applicant?.phone ?? ''} />
              </label>
              <label>
                {t('dossiers.email')}
                <input name="email" defaultValue={open.applicant?.email ?? ''} />
              </label>
              <button type="submit" className="primary">
                {t('dossiers.resubmit')}
              </button>
            </form>
          )}
          <div className="detail-actions">
            <button
              type="button"
              aria-expanded={reprint}
              onClick={() => {
                setReprint((shown) => !shown);
              }}
            >
              {reprint ? t('dossiers.hideReceipt') : t('dossiers.reprint')}
            </button>
            <button
              type="button"
              onClick={() => {
                setOpen(undefined);
              }}
            >
              {t('dossiers.close')}
            </button>
          </div>
          {/* The kept receipt (the signed one when the save signed it), else a fresh rendering. */}
          {reprint && <ReceiptView idOrCode={open.id} code={open.code} dueAt={open.dueAt} />}
        </section>
      )}
    </main>
  );
}
