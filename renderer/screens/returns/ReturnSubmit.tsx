import { useTranslation } from 'react-i18next';
import { portalSilent, type Missing, type ReturnCheck, type ReturnDraft } from './return-draft';

interface ReturnSubmitProps {
  readonly check: ReturnCheck;
  readonly draft: ReturnDraft;
  readonly missing: readonly Missing[];
  readonly submitting: boolean;
  readonly error: string | undefined;
  readonly onChange: (change: Partial<ReturnDraft>) => void;
  readonly onSubmit: () => void;
}

/**
 * The last part: the in-hand confirmation when the portal is silent, the
 * token's PIN when results are signed (a password field the browser must
 * not remember), what is still missing, progress while the core signs and
 * records, and the core's refusal worded as what to do next.
 */
export function ReturnSubmit(props: ReturnSubmitProps) {
  const { check, draft, missing, submitting, error, onChange, onSubmit } = props;
  const { t } = useTranslation();
  return (
    <section className="intake-step return-submit" aria-labelledby="return-submit-title">
      <h2 id="return-submit-title">{t('returns.submit')}</h2>
      <div className="form">
        {portalSilent(check) && (
          <label className="check-row">
            <input
              type="checkbox"
              name="in-hand"
              checked={draft.inHand}
              onChange={(event) => {
                onChange({ inHand: event.target.checked });
              }}
            />
            {t('returns.inHand')}
          </label>
        )}
        <p className="hint">
          {check.signingConfigured ? t('returns.signingNote') : t('returns.unsignedNote')}
        </p>
        {check.signingConfigured && (
          <>
            <label>
              {t('returns.pin')}
              <input
                type="password"
                name="signing-pin"
                autoComplete="off"
                inputMode="numeric"
                maxLength={64}
                aria-describedby="signing-pin-hint"
                value={draft.pin}
                onChange={(event) => {
                  onChange({ pin: event.target.value });
                }}
              />
            </label>
            <p id="signing-pin-hint" className="hint">
              {t('returns.pinHint')}
            </p>
          </>
        )}
        {missing.length > 0 && (
          <div className="missing" data-missing={missing.join(' ')}>
            <p>{t('returns.stillNeeded')}</p>
            <ul>
              {missing.map((key) => (
                <li key={key}>{t(`returns.${key}`)}</li>
              ))}
            </ul>
          </div>
        )}
        <button
          type="button"
          className="primary"
          disabled={submitting || missing.length > 0}
          onClick={onSubmit}
        >
          {t('returns.submit')}
        </button>
      </div>
      {submitting && (
        <div role="status" aria-live="polite" className="progress">
          <p>{t('returns.submitting')}</p>
          <progress />
        </div>
      )}
      {error && (
        <div role="alert" className="error">
          <p>{error}</p>
          <p>{t('returns.retryHint')}</p>
        </div>
      )}
    </section>
  );
}
