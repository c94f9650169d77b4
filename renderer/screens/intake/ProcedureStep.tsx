import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureSummary } from '../../../electron/api/contract/procedure';
import { errorMessages } from '../../../electron/api/error-messages';
import { useKiosk } from '../../api/KioskContext';
import { unconfirmedNote } from './unconfirmed-note';

interface ProcedureStepProps {
  readonly chosen: string | undefined;
  readonly onChoose: (code: string) => void;
}

/**
 * Step 1: find the procedure. The common ones are listed before anything is
 * typed; the core folds diacritics, so "dang ky khai sinh" finds it. Arrow
 * keys move through the results and Enter takes the highlighted one.
 */
export function ProcedureStep({ chosen, onChoose }: ProcedureStepProps) {
  const { t, i18n } = useTranslation();
  const { api } = useKiosk();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ list: readonly ProcedureSummary[]; total: number }>();
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    // A short pause so a fast typist sends one search per word, not per key.
    const timer = setTimeout(() => {
      void api.procedure.search({ query: query.trim(), limit: 20 }).then((answer) => {
        if (!live) return;
        if (answer.ok) {
          setFound({ list: answer.value.procedures, total: answer.value.total });
          setActive(0);
          setError(undefined);
        } else {
          const message = errorMessages[answer.error.code];
          setError(i18n.language === 'en' ? message.en : message.vi);
        }
      });
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query, i18n.language]);

  const list = found?.list ?? [];
  const onKey = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, list.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter') {
      const pick = list[active];
      if (pick) onChoose(pick.code);
    } else return;
    event.preventDefault();
  };

  return (
    <section className="intake-step procedure-step" aria-labelledby="step-title">
      <h2 id="step-title">{t('intake.steps.procedure')}</h2>
      <label className="search">
        {t('intake.procedure.search')}
        <input
          name="procedure-search"
          type="search"
          // The clerk starts typing the moment the step opens.
          autoFocus
          autoComplete="off"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
          onKeyDown={onKey}
          aria-controls="procedure-results"
        />
      </label>
      <p className="hint">{t('intake.procedure.searchHint')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p role="status" className="result-count">
        {query.trim() === ''
          ? t('intake.procedure.common')
          : found && t('intake.procedure.results', { count: found.total })}
      </p>
      {found && list.length === 0 && query.trim() !== '' && <p>{t('intake.procedure.none')}</p>}
      <ul id="procedure-results" className="procedure-results">
        {list.map((procedure, index) => (
          <li key={procedure.code}>
            <button
              type="button"
              className={`procedure-item${index === active ? ' active' : ''}${
                procedure.code === chosen ? ' chosen' : ''
              }`}
              data-code={procedure.code}
              onClick={() => {
                onChoose(procedure.code);
              }}
            >
              <span className="procedure-code">{procedure.code}</span>
              <span className="procedure-name">{procedure.name}</span>
              <span className="procedure-meta">
                {procedure.fieldName ?? ''}
                {' · '}
                {procedure.processingDays === 0
                  ? t('intake.procedure.sameDay')
                  : t('intake.procedure.days', { count: procedure.processingDays })}
              </span>
              {procedure.unconfirmed.length > 0 && (
                <span className="badge badge-warn" data-unconfirmed="">
                  {t('intake.procedure.unconfirmed', {
                    what: unconfirmedNote(procedure.unconfirmed, (key) =>
                      t(`intake.procedure.unconfirmedWhat.${key}`),
                    ),
                  })}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
