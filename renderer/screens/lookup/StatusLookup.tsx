import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dossierCodeOfQr } from '../../../electron/api/contract/document-qr';
import type { StatusLookup as Found } from '../../../electron/api/contract/reception';
import { useKiosk } from '../../api/KioskContext';
import { OnScreenKeyboard } from '../../components/touch/OnScreenKeyboard';
import { formatDateTime } from '../../i18n/format';
import { useScanInput } from '../../input/use-scan-input';
import { useErrorText } from '../self-service/use-error-text';
import '../self-service/self-service.css';

type Outcome =
  | { readonly kind: 'found'; readonly value: Found }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'error'; readonly text: string };

/**
 * Status lookup by dossier code, typed or read from the receipt's QR by the
 * keyboard-wedge reader wherever the focus is. Open to anyone in both modes:
 * the answer holds no personal data.
 */
export function StatusLookup() {
  const { t, i18n } = useTranslation();
  const { api, info } = useKiosk();
  const errorText = useErrorText();
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);

  const lookup = useCallback(
    async (text: string) => {
      const wanted = text.trim();
      if (wanted === '') return;
      setBusy(true);
      const result = await api.status.lookup({ query: wanted.slice(0, 500) });
      setBusy(false);
      if (result.ok) setOutcome({ kind: 'found', value: result.value });
      else if (result.error.code === 'LOOKUP_NOT_FOUND') setOutcome({ kind: 'notFound' });
      else setOutcome({ kind: 'error', text: errorText(result.error) });
    },
    [api, errorText],
  );

  useScanInput((text) => {
    // The burst may also have gone into the field: the scan replaces it. A paper's QR shows
    // only its dossier code, so the applicant's ID number it also carries is never on screen.
    const wanted = dossierCodeOfQr(text) ?? text;
    setQuery(wanted);
    void lookup(wanted);
  });

  const found = outcome?.kind === 'found' ? outcome.value : undefined;
  return (
    <main className="screen status-lookup">
      <h1>{t('lookup.title')}</h1>
      <form
        className="lookup-form"
        onSubmit={(event) => {
          event.preventDefault();
          void lookup(query);
        }}
      >
        <label htmlFor="lookup-code">{t('lookup.question')}</label>
        <input
          ref={input}
          id="lookup-code"
          name="lookup-code"
          autoComplete="off"
          spellCheck={false}
          {...(info.mode === 'kiosk' ? { inputMode: 'none' as const } : {})}
          value={query}
          aria-describedby="lookup-code-hint"
          onChange={(event) => {
            setQuery(event.target.value);
          }}
        />
        <p id="lookup-code-hint" className="hint">
          {t('lookup.codeHint')}
        </p>
        {/* The kiosk has no keyboard: the code's own characters on keys, or the receipt's QR. */}
        {info.mode === 'kiosk' && (
          <OnScreenKeyboard
            layout="code"
            value={query}
            maxLength={40}
            target={t('lookup.question')}
            onChange={setQuery}
          />
        )}
        <div className="answer-buttons">
          <button type="submit" className="primary big" disabled={busy || query.trim() === ''}>
            {busy ? t('lookup.searching') : t('lookup.search')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {found && (
          <section className="lookup-result" data-code={found.code} data-status={found.status}>
            <h2>{t('lookup.result', { code: found.code })}</h2>
            <dl className="review">
              <dt>{t('lookup.procedure')}</dt>
              <dd>{found.procedureName}</dd>
              <dt>{t('lookup.status')}</dt>
              <dd className="lookup-status">
                {i18n.language === 'en' ? found.statusText.en : found.statusText.vi}
              </dd>
              <dt>{t('lookup.received')}</dt>
              <dd>{formatDateTime(found.receivedAt)}</dd>
              <dt>{t('lookup.due')}</dt>
              <dd>{formatDateTime(found.dueAt)}</dd>
              <dt>{t('lookup.sync')}</dt>
              <dd data-sync={found.syncState}>{t(`lookup.syncStates.${found.syncState}`)}</dd>
            </dl>
            <p className="hint" data-portal-checked={found.portalCheckedAt ?? ''}>
              {found.portalCheckedAt === null
                ? t('lookup.portalNotChecked')
                : t('lookup.portalChecked', { time: formatDateTime(found.portalCheckedAt) })}
            </p>
          </section>
        )}
        {outcome?.kind === 'notFound' && (
          <section role="alert" className="lookup-not-found">
            <h2>{t('lookup.notFoundTitle')}</h2>
            <ul>
              <li>{t('lookup.checks.code')}</li>
              <li>{t('lookup.checks.qr')}</li>
              <li>{t('lookup.checks.recent')}</li>
            </ul>
          </section>
        )}
        {outcome?.kind === 'error' && (
          <p role="alert" className="error">
            {outcome.text}
          </p>
        )}
      </div>
      <div className="step-nav">
        <Link to="/" className="button">
          ← {t('selfService.back')}
        </Link>
        {outcome && (
          <button
            type="button"
            onClick={() => {
              setOutcome(undefined);
              setQuery('');
              input.current?.focus();
            }}
          >
            {t('lookup.again')}
          </button>
        )}
      </div>
    </main>
  );
}
