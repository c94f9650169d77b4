import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkForm } from '../../../electron/api/contract/form-rules';
import type { FormField } from '../../../electron/api/contract/procedure';
import { EFormFields } from '../../components/EFormFields';
import type { FormValues } from './eform-values';

interface FormStepProps {
  readonly fields: readonly FormField[];
  readonly values: FormValues;
  readonly onChange: (key: string, value: string) => void;
  /** Keys filled from the card, and keys that may not be edited (the chip's ID). */
  readonly fromCard: readonly string[];
  readonly locked: readonly string[];
  /** The core's FORM_INVALID messages by field key, from the last save. */
  readonly coreErrors: Readonly<Record<string, string>>;
  readonly onNext: () => void;
}

/** Step 3: the procedure's e-form; what the card holds is already there. */
export function FormStep(props: FormStepProps) {
  const { t } = useTranslation();
  const [tried, setTried] = useState(false);
  const { problems } = checkForm(props.fields, props.values);
  const errors: Record<string, string> = { ...props.coreErrors };
  if (tried) {
    for (const [key, problem] of Object.entries(problems)) {
      errors[key] = t(`intake.invalid.${problem}`);
    }
  }
  const count = Object.keys(errors).length;
  return (
    <section className="intake-step form-step" aria-labelledby="step-title">
      <h2 id="step-title">{t('intake.steps.form')}</h2>
      <form
        className="form eform-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (Object.keys(problems).length === 0) props.onNext();
        }}
      >
        <EFormFields
          fields={props.fields}
          values={props.values}
          errors={errors}
          onChange={props.onChange}
          fromCard={props.fromCard}
          locked={props.locked}
        />
        {count > 0 && (
          <p role="alert" className="error">
            {t('intake.form.fix', { count })}
          </p>
        )}
        <button type="submit" className="primary">
          {t('intake.next')}
        </button>
      </form>
    </section>
  );
}
