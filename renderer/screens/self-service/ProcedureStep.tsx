import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureSummary } from '../../../electron/api/contract/procedure';
import { useKiosk } from '../../api/KioskContext';
import { useErrorText } from './use-error-text';

/** The most used procedures shown as tiles before any search. */
const COMMON = 6;

interface ProcedureStepProps {
  readonly onChoose: (code: string) => void;
}

/** Tiles for the most common procedures and a search box (diacritics optional). */
export function ProcedureStep({ onChoose }: ProcedureStepProps) {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const errorText = useErrorText();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<readonly ProcedureSummary[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(
      () => {
        void api.procedure.search({ query: query.trim(), limit: COMMON }).then((result) => {
          if (!live) return;
          if (result.ok) {
            setFound(result.value.procedures);
            setError(undefined);
          } else {
            setError(errorText(result.error));
          }
        });
      },
      query === '' ? 0 : 250,
    );
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [api, query, errorText]);

  return (
    <>
      <div className="form procedure-search">
        <label>
          {t('selfService.procedure.search')}
          <input
            type="search"
            name="procedure-query"
            autoComplete="off"
            value={query}
            aria-describedby="procedure-search-hint"
            onChange={(event) => {
              setQuery(event.target.value);
            }}
          />
        </label>
        <p id="procedure-search-hint" className="hint">
          {t('selfService.procedure.searchHint')}
        </p>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!found && !error && <p aria-busy="true">{t('selfService.procedure.loading')}</p>}
      {found?.length === 0 && <p role="status">{t('selfService.procedure.none')}</p>}
      {found && found.length > 0 && (
        <section aria-label={t('selfService.procedure.common')}>
          <div className="tiles procedure-tiles">
            {found.map((p) => (
              <button
                key={p.code}
                type="button"
                className="tile"
                data-procedure={p.code}
                onClick={() => {
                  onChoose(p.code);
                }}
              >
                <span className="tile-title">{p.name}</span>
                <span className="tile-hint">
                  {p.processingDays === 0
                    ? t('selfService.procedure.sameDay')
                    : t('selfService.procedure.days', { count: p.processingDays })}{' '}
                  · {p.code}
                </span>
              </button>
            ))}
          </div>
        </section>
      )}
    </>
  );
}
