import { useTranslation } from 'react-i18next';
import {
  REFUSAL_REASONS,
  REFUSAL_TEXT,
  type RefusalReason,
} from '../../../electron/api/contract/copy-refusal';

export interface CopyDecision {
  /** Pages (`jobId:pageIndex`) the clerk ticked as matching the original. */
  readonly checked: ReadonlySet<string>;
  readonly eligible: boolean | undefined;
  readonly reason: RefusalReason | undefined;
  readonly note: string;
}

interface CopyCheckProps {
  /** The original's pages in order, as `jobId:pageIndex`. */
  readonly pages: readonly string[];
  readonly decision: CopyDecision;
  readonly onChange: (change: Partial<CopyDecision>) => void;
  readonly refusing: boolean;
  readonly onRefuse: () => void;
}

/**
 * Step 2: the clerk ticks each page once compared with the paper original,
 * then says eligible or not; a refusal needs one of the decree's reasons,
 * which is what the screen and the record say.
 */
export function CopyCheck({ pages, decision, onChange, refusing, onRefuse }: CopyCheckProps) {
  const { t } = useTranslation();
  const all = pages.length > 0 && pages.every((key) => decision.checked.has(key));
  return (
    <section className="intake-step" aria-labelledby="copy-check">
      <h2 id="copy-check">{t('copies.checkStep')}</h2>
      <p className="hint">{t('copies.checkHint')}</p>
      <ul className="page-checks">
        {pages.map((key, position) => (
          <li key={key}>
            <label className="check-row">
              <input
                type="checkbox"
                name={`page-check-${String(position + 1)}`}
                checked={decision.checked.has(key)}
                onChange={(event) => {
                  const next = new Set(decision.checked);
                  if (event.target.checked) next.add(key);
                  else next.delete(key);
                  onChange({ checked: next });
                }}
              />
              {t('copies.pageChecked', { n: position + 1 })}
            </label>
          </li>
        ))}
      </ul>
      {all && (
        <p className="success" role="status">
          {t('copies.allChecked', { count: pages.length })}
        </p>
      )}
      <fieldset className="form">
        <legend>{t('copies.decision')}</legend>
        <label className="check-row">
          <input
            type="radio"
            name="eligibility"
            value="eligible"
            checked={decision.eligible === true}
            onChange={() => {
              onChange({ eligible: true });
            }}
          />
          {t('copies.eligible')}
        </label>
        <label className="check-row">
          <input
            type="radio"
            name="eligibility"
            value="not-eligible"
            checked={decision.eligible === false}
            onChange={() => {
              onChange({ eligible: false });
            }}
          />
          {t('copies.notEligible')}
        </label>
        {decision.eligible === false && (
          <>
            <label>
              {t('copies.reason')}
              <select
                name="refusal-reason"
                value={decision.reason ?? ''}
                onChange={(event) => {
                  const reason = REFUSAL_REASONS.find((r) => r === event.target.value);
                  onChange({ reason });
                }}
              >
                <option value="">{t('copies.chooseReason')}</option>
                {REFUSAL_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {REFUSAL_TEXT[r]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('copies.note')}
              <textarea
                name="refusal-note"
                maxLength={1000}
                value={decision.note}
                onChange={(event) => {
                  onChange({ note: event.target.value });
                }}
              />
            </label>
            <button
              type="button"
              className="primary"
              disabled={refusing || decision.reason === undefined}
              onClick={onRefuse}
            >
              {refusing ? t('copies.refusing') : t('copies.refuse')}
            </button>
          </>
        )}
      </fieldset>
    </section>
  );
}
