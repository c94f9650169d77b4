import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../electron/api/contract/procedure';
import type { CitizenWire } from '../../../electron/api/contract/citizen';
import { fieldValueText } from '../../components/field-value';
import { formatDate } from '../../i18n/format';
import type { ScanResult } from './DocumentStep';

interface ReviewStepProps {
  readonly procedure: Procedure;
  readonly citizen: CitizenWire;
  readonly values: Readonly<Record<string, string>>;
  readonly scans: Readonly<Record<string, ScanResult>>;
  readonly submitting: boolean;
  readonly error: string | undefined;
  readonly onSubmit: () => void;
}

/**
 * Everything the dossier will hold, read-only, and the one button that
 * saves it. Nothing here says the dossier is submitted: only the receipt,
 * after `dossier.create` answered, does.
 */
export function ReviewStep({
  procedure,
  citizen,
  values,
  scans,
  submitting,
  error,
  onSubmit,
}: ReviewStepProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <>
      <dl className="review">
        <dt>{t('selfService.review.procedure')}</dt>
        <dd>
          {procedure.name} ({procedure.code})
        </dd>
        <dt>{t('selfService.review.applicant')}</dt>
        <dd>
          {citizen.fullName} · {formatDate(citizen.birthDate)}
        </dd>
      </dl>
      <h2>{t('selfService.review.form')}</h2>
      <dl className="review">
        {procedure.form.fields
          .filter((f) => (values[f.key] ?? '') !== '')
          .map((f) => (
            <div key={f.key} className="review-row">
              <dt>{en ? f.label.en : f.label.vi}</dt>
              <dd>{fieldValueText(f, values[f.key] ?? '', i18n.language)}</dd>
            </div>
          ))}
      </dl>
      {procedure.components.length > 0 && (
        <>
          <h2>{t('selfService.review.documents')}</h2>
          <ul className="review-documents">
            {procedure.components.map((c) => {
              const pdf = scans[c.code]?.pdf;
              return (
                <li key={c.code} data-component={c.code}>
                  {c.name}:{' '}
                  {pdf
                    ? t('selfService.review.pages', { count: pdf.pageCount })
                    : t('selfService.review.skipped')}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p className="hint">{t('selfService.review.notYet')}</p>
      {submitting && (
        <p role="status" aria-live="polite" className="progress">
          {t('selfService.review.submitting')}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="answer-buttons">
        <button type="button" className="primary big" disabled={submitting} onClick={onSubmit}>
          {t('selfService.review.submit')}
        </button>
      </div>
    </>
  );
}
