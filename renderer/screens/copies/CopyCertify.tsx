import { useTranslation } from 'react-i18next';
import { copyFee, formatDong } from '../../../electron/api/contract/copy-fee';

export interface CertifyDraft {
  readonly requesterName: string;
  readonly documentName: string;
  readonly copies: number;
  readonly certifierTitle: string;
  readonly pin: string;
}

export type CertifyMissing =
  'needOriginal' | 'needChecks' | 'needRequester' | 'needDocument' | 'needTitle' | 'needPin';

interface CopyCertifyProps {
  readonly pages: number;
  readonly draft: CertifyDraft;
  readonly missing: readonly CertifyMissing[];
  readonly onChange: (change: Partial<CertifyDraft>) => void;
  readonly signing: { readonly done: number; readonly total: number } | undefined;
  readonly onCertify: () => void;
}

/**
 * Step 3: who asks, which document, how many copies (each its own number
 * and fee), the fee worked out as the clerk types, the certifier's title,
 * the token's PIN (a password field the browser must not keep), and the
 * signing's progress.
 */
export function CopyCertify(props: CopyCertifyProps) {
  const { draft, missing, onChange, signing } = props;
  const { t } = useTranslation();
  const perCopy = props.pages > 0 ? copyFee(props.pages) : 0;
  const field = (
    key: 'requesterName' | 'documentName' | 'certifierTitle',
    label: string,
    max: number,
  ) => (
    <label>
      {label}
      <input
        name={key}
        maxLength={max}
        value={draft[key]}
        onChange={(event) => {
          onChange({ [key]: event.target.value });
        }}
      />
    </label>
  );
  return (
    <section className="intake-step" aria-labelledby="copy-certify">
      <h2 id="copy-certify">{t('copies.certifyStep')}</h2>
      <div className="form">
        {field('requesterName', t('copies.requester'), 200)}
        {field('documentName', t('copies.document'), 200)}
        <label>
          {t('copies.copies')}
          <input
            type="number"
            name="copies"
            min={1}
            max={20}
            value={draft.copies}
            onChange={(event) => {
              const n = Math.round(Number(event.target.value));
              onChange({ copies: Math.min(20, Math.max(1, Number.isFinite(n) ? n : 1)) });
            }}
          />
        </label>
        <p className="fee" data-fee={perCopy * draft.copies}>
          <strong>
            {t('copies.fee', {
              perCopy: formatDong(perCopy),
              copies: draft.copies,
              total: formatDong(perCopy * draft.copies),
            })}
          </strong>
          <br />
          <span className="hint">{t('copies.feeBasis')}</span>
        </p>
        {field('certifierTitle', t('copies.certifierTitle'), 120)}
        <label>
          {t('copies.pin')}
          <input
            type="password"
            name="signing-pin"
            autoComplete="off"
            inputMode="numeric"
            maxLength={64}
            aria-describedby="copy-pin-hint"
            value={draft.pin}
            onChange={(event) => {
              onChange({ pin: event.target.value });
            }}
          />
        </label>
        <p id="copy-pin-hint" className="hint">
          {t('copies.pinHint')}
        </p>
        {missing.length > 0 && (
          <div className="missing" data-missing={missing.join(' ')}>
            <p>{t('copies.stillNeeded')}</p>
            <ul>
              {missing.map((key) => (
                <li key={key}>{t(`copies.${key}`)}</li>
              ))}
            </ul>
          </div>
        )}
        <button
          type="button"
          className="primary"
          disabled={signing !== undefined || missing.length > 0}
          onClick={props.onCertify}
        >
          {t('copies.certify')}
        </button>
      </div>
      {signing && (
        <div role="status" aria-live="polite" className="progress">
          <p>{t('copies.signing')}</p>
          <p>{t('copies.signingProgress', signing)}</p>
          <progress max={signing.total} value={signing.done} />
        </div>
      )}
    </section>
  );
}
