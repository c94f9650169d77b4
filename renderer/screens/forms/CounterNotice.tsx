import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Params, Result } from '../../../electron/api/contract';
import { useKiosk } from '../../api/KioskContext';
import { pdfBlobUrl } from '../../components/pdf-blob-url';
import { useApiErrorText } from '../../i18n/use-api-error-text';

type Kind = Params<'forms.notice'>['kind'];
type Issued = Result<'forms.notice'>;

/** The lines a clerk typed as the list of what is missing, blank lines dropped. */
const items = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * Staff: Mẫu 02 (what the applicant must add) or Mẫu 03 (why the dossier is
 * refused) for a dossier found by its code. The core records the step and
 * queues its status before answering the notice, so a printed notice always
 * has its record.
 */
export function CounterNotice() {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const errorText = useApiErrorText();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<Kind>('supplement');
  const [missing, setMissing] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [issued, setIssued] = useState<Issued | undefined>(undefined);
  const frame = useRef<HTMLIFrameElement>(null);
  const link = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    if (!issued) return undefined;
    const url = pdfBlobUrl(issued.pdfBase64);
    if (frame.current) frame.current.src = url;
    if (link.current) link.current.href = url;
    return () => {
      URL.revokeObjectURL(url);
    };
  }, [issued]);

  const ready =
    query.trim() !== '' &&
    (kind === 'supplement' ? items(missing).length > 0 : reason.trim() !== '');

  const issue = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(undefined);
    const answer = await api.forms.notice(
      kind === 'supplement'
        ? { kind, query: query.trim(), missing: items(missing), reason: reason.trim() }
        : { kind, query: query.trim(), reason: reason.trim() },
    );
    setBusy(false);
    if (answer.ok) setIssued(answer.value);
    else setError(errorText(answer.error));
  };

  const another = () => {
    setIssued(undefined);
    setQuery('');
    setMissing('');
    setReason('');
  };

  return (
    <main className="screen intake counter-notice">
      <h1>{t('forms.noticeTitle')}</h1>
      {!issued && (
        <form className="form" onSubmit={(event) => void issue(event)}>
          <label>
            {t('forms.noticeQuery')}
            <input
              name="notice-query"
              autoComplete="off"
              spellCheck={false}
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
              }}
            />
          </label>
          <fieldset>
            <legend>{t('forms.noticeKind')}</legend>
            {(['supplement', 'refused'] as const).map((k) => (
              <label key={k}>
                <input
                  type="radio"
                  name="notice-kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => {
                    setKind(k);
                  }}
                />
                {t(k === 'supplement' ? 'forms.kindSupplement' : 'forms.kindRefused')}
              </label>
            ))}
          </fieldset>
          {kind === 'supplement' && (
            <label>
              {t('forms.missing')}
              <textarea
                name="notice-missing"
                rows={4}
                value={missing}
                onChange={(event) => {
                  setMissing(event.target.value);
                }}
              />
            </label>
          )}
          <label>
            {t(kind === 'supplement' ? 'forms.supplementReason' : 'forms.refusedReason')}
            <textarea
              name="notice-reason"
              rows={3}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
              }}
            />
          </label>
          <button type="submit" className="primary" disabled={busy || !ready}>
            {busy ? t('forms.issuing') : t('forms.issue')}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {issued && (
        <section className="intake-step" aria-labelledby="notice-issued">
          <p id="notice-issued" role="status" className="success" data-notice={issued.code}>
            {t('forms.issued', { code: issued.code })}
          </p>
          <div className="receipt-actions">
            <a ref={link} className="button" download={issued.fileName}>
              {t('forms.downloadNotice')}
            </a>
          </div>
          <iframe ref={frame} className="receipt-pdf" title={t('forms.noticeFrame')} />
          <button type="button" onClick={another}>
            {t('forms.another')}
          </button>
        </section>
      )}
    </main>
  );
}
