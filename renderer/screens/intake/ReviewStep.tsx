import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../electron/api/contract/procedure';
import { fieldValueText } from '../../components/field-value';
import type { ApplicantDraft } from './applicant-draft';
import { ApplicantSummary } from './ApplicantSummary';
import type { ComponentJobs } from './component-draft';
import type { FormValues } from './eform-values';
import type { StepId } from './StepList';

interface ReviewStepProps {
  readonly procedure: Procedure;
  readonly applicant: ApplicantDraft;
  readonly values: FormValues;
  readonly jobs: ComponentJobs;
  readonly saving: boolean;
  readonly error: string | undefined;
  /** A signing token is configured: ask its PIN so the save signs the files. */
  readonly signingConfigured?: boolean;
  readonly pin?: string;
  readonly onPin?: (pin: string) => void;
  readonly onEdit: (step: StepId) => void;
  readonly onSave: () => void;
}

/** Step 5: everything on one screen before it is committed, with a way back to each part. */
export function ReviewStep(props: ReviewStepProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { procedure } = props;
  const edit = (step: StepId) => (
    <button
      type="button"
      className="link"
      onClick={() => {
        props.onEdit(step);
      }}
    >
      {t('intake.edit')}
    </button>
  );
  return (
    <section className="intake-step review-step" aria-labelledby="step-title">
      <h2 id="step-title">{t('intake.review.title')}</h2>
      <div className="review-part" data-part="procedure">
        <h3>
          {t('intake.review.procedure')} {edit('procedure')}
        </h3>
        <p>
          <strong>{procedure.code}</strong> — {procedure.name}
        </p>
      </div>
      <div className="review-part" data-part="applicant">
        <h3>
          {t('intake.review.applicant')} {edit('applicant')}
        </h3>
        <ApplicantSummary draft={props.applicant} />
      </div>
      <div className="review-part" data-part="form">
        <h3>
          {t('intake.review.form')} {edit('form')}
        </h3>
        <dl className="review-values">
          {procedure.form.fields.map((field) => (
            <div key={field.key} data-field={field.key}>
              <dt>{en ? field.label.en : field.label.vi}</dt>
              <dd>
                {props.values[field.key]?.trim()
                  ? fieldValueText(field, props.values[field.key] ?? '', i18n.language)
                  : t('intake.review.none')}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="review-part" data-part="components">
        <h3>
          {t('intake.review.components')} {edit('components')}
        </h3>
        <ul>
          {procedure.components.map((component) => (
            <li key={component.code} data-component={component.code}>
              {component.name}:{' '}
              {props.jobs[component.code]
                ? t('intake.components.pages', {
                    count: props.jobs[component.code]?.order.length ?? 0,
                  })
                : t('intake.review.none')}
            </li>
          ))}
        </ul>
      </div>
      {props.signingConfigured === true && (
        <div className="review-part" data-part="signing">
          <label>
            {t('intake.signing.pin')}
            <input
              type="password"
              name="signing-pin"
              autoComplete="off"
              inputMode="numeric"
              maxLength={64}
              aria-describedby="intake-pin-hint"
              value={props.pin ?? ''}
              onChange={(event) => {
                props.onPin?.(event.target.value);
              }}
            />
          </label>
          <p id="intake-pin-hint" className="hint">
            {t('intake.signing.pinHint')}
          </p>
        </div>
      )}
      {props.error && (
        <p role="alert" className="error">
          {props.error}
        </p>
      )}
      <button
        type="button"
        className="primary save"
        disabled={props.saving}
        aria-busy={props.saving}
        onClick={props.onSave}
      >
        {props.saving ? t('intake.review.saving') : t('intake.review.save')}
      </button>
    </section>
  );
}
