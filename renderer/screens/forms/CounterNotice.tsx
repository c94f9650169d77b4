import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Params, Result } from '../../../electron/api/contract';
import { useKiosk } from '../../api/KioskContext';
import { FormPin, pinParam, SignedNote } from './FormSignature';
import { pdfBlobUrl } from '../../components/pdf-blob-url';
import { formatDateTime } from '../../i18n/format';
import { useApiErrorText } from '../../i18n/use-api-error-text';

type Notice = Params<'forms.notice'>;
type Kind = Notice['kind'];
type Issued = Result<'forms.notice'>;

const KINDS: readonly Kind[] = ['supplement', 'supplement-received', 'refused', 'apology'];
const KIND_LABEL = {
  supplement: 'forms.kindSupplement',
  'supplement-received': 'forms.kindSupplementReceived',
  refused: 'forms.kindRefused',
  apology: 'forms.kindApology',
} as const;
const REASON_LABEL = {
  supplement: 'forms.supplementReason',
  'supplement-received': 'forms.supplementReason',
  refused: 'forms.refusedReason',
  apology: 'forms.apologyReason',
} as const;
/** The kinds whose list is typed one item a line, and the kinds that take working days. */
const LISTED: ReadonlySet<Kind> = new Set(['supplement', 'supplement-received']);
const DAYS: ReadonlySet<Kind> = new Set(['apology', 'supplement-received']);

/** The lines a clerk typed as the list of what is missing, blank lines dropped. */
const items = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * Staff: Mẫu 02 (what the applicant must add), Mẫu 03 (why the dossier is
 * refused) or Mẫu 04 (apology for an overdue dossier, with the working days
 * still needed; the core counts the new date on its calendar) for a dossier
 * found by its code. The core records the step and
 * queues its status before answering the notice, so a printed notice always
 * has its record.
 */
export function CounterNotice() {
  const { t } = useTranslation();
  const { api, info } = useKiosk();
  const errorText = useApiErrorText();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<Kind>('supplement');
  const [missing, setMissing] = useState('');
  const [reason, setReason] = useState('');
  const [extraDays, setExtraDays] = useState(5);
  const [pin, setPin] = useState('');
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
    (LISTED.has(kind) ? items(missing).length > 0 : reason.trim() !== '') &&
    (!DAYS.has(kind) || (Number.isInteger(extraDays) && extraDays >= 1 && extraDays <= 60));

  const notice = (): Notice => {
    const common = {
      query: query.trim(),
      reason: reason.trim(),
      ...pinParam(info.signingConfigured, pin),
    };
    if (kind === 'supplement') return { kind, ...common, missing: items(missing) };
    if (kind === 'apology') return { kind, ...common, extraWorkingDays: extraDays };
    if (kind === 'supplement-received')
      return { kind, ...common, received: items(missing), extraWorkingDays: extraDays };
    return { kind, ...common };
  };

  const issue = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(undefined);
    const answer = await api.forms.notice(notice());
    // The PIN served this one form.
    setPin('');
    setBusy(false);
    if (answer.ok) setIssued(answer.value);
    else setError(errorText(answer.error));
  };

  const another = () => {
    setIssued(undefined);
    setQuery('');
    setMissing('');
    setReason('');
    setExtraDays(5);
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
            {KINDS.map((k) => (
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
                {t(KIND_LABEL[k])}
              </label>
            ))}
          </fieldset>
          {LISTED.has(kind) && (
            <label>
              {t(kind === 'supplement' ? 'forms.missing' : 'forms.received')}
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
          {DAYS.has(kind) && (
            <>
              <p className="hint">
                {t(kind === 'apology' ? 'forms.apologyHint' : 'forms.receivedHint')}
              </p>
              <label>
                {t('forms.extraWorkingDays')}
                <input
                  name="notice-extra-days"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={60}
                  value={extraDays}
                  onChange={(event) => {
                    setExtraDays(event.target.valueAsNumber);
                  }}
                />
              </label>
            </>
          )}
          <label>
            {t(REASON_LABEL[kind])}
            <textarea
              name="notice-reason"
              rows={3}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
              }}
            />
          </label>
          <FormPin pin={pin} onPin={setPin} />
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
          <SignedNote signed={issued.signed} problem={issued.signingProblem} />
          {issued.newDueAt !== null && (
            <p className="success" data-new-due={issued.newDueAt}>
              {t('forms.newDueAt', { date: formatDateTime(issued.newDueAt) })}
            </p>
          )}
          {/* Both actions above the preview: a clerk should not scroll past a
              page-high PDF to start the next notice (and a click right after
              scrolling could land in the PDF viewer's frame instead). */}
          <div className="receipt-actions">
            <a ref={link} className="button" download={issued.fileName}>
              {t('forms.downloadNotice')}
            </a>
            <button type="button" onClick={another}>
              {t('forms.another')}
            </button>
          </div>
          <iframe ref={frame} className="receipt-pdf" title={t('forms.noticeFrame')} />
        </section>
      )}
    </main>
  );
}
