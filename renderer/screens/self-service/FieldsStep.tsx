import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkForm, type FieldProblem } from '../../../electron/api/contract/form-rules';
import type { FormField } from '../../../electron/api/contract/procedure';
import { KioskFormFields } from '../../components/touch/KioskFormFields';

interface FieldsStepProps {
  /** The fields of this screen (at most FIELDS_PER_PAGE). */
  readonly fields: readonly FormField[];
  readonly values: Readonly<Record<string, string>>;
  readonly page: number;
  readonly pages: number;
  readonly onChange: (key: string, value: string) => void;
  readonly onNext: () => void;
}

/** A few e-form fields with large inputs; "Tiếp tục" checks them before leaving the screen. */
export function FieldsStep({ fields, values, page, pages, onChange, onNext }: FieldsStepProps) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<Readonly<Record<string, FieldProblem>>>({});
  const [checks, setChecks] = useState(0);

  // After a refused "Tiếp tục" the first wrong answer is brought into view, not left below the fold.
  useEffect(() => {
    if (checks === 0) return;
    const first = document.querySelector<HTMLElement>('.kiosk-fields [aria-invalid="true"]');
    first?.scrollIntoView({ block: 'center' });
    first?.focus({ preventScroll: true });
  }, [checks]);

  const next = () => {
    const found = checkForm(fields, values).problems;
    setProblems(found);
    setChecks((n) => n + 1);
    if (Object.keys(found).length === 0) onNext();
  };
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const problem = problems[field.key];
    if (problem === undefined) continue;
    errors[field.key] =
      problem === 'maxLength'
        ? t('selfService.fields.maxLength', { max: field.maxLength ?? 0 })
        : t(`selfService.fields.${problem}`);
  }

  return (
    <form
      className="kiosk-fields"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        next();
      }}
    >
      {pages > 1 && <p className="hint">{t('selfService.fields.page', { page, pages })}</p>}
      {fields.length === 0 && <p>{t('selfService.fields.noneLeft')}</p>}
      <KioskFormFields fields={fields} values={values} errors={errors} onChange={onChange} />
      <div className="answer-buttons">
        <button type="submit" className="primary big">
          {t('selfService.next')}
        </button>
      </div>
    </form>
  );
}
