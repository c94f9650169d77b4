import { useTranslation } from 'react-i18next';
import type { FormField } from '../../electron/api/contract/procedure';

export interface EFormFieldsProps {
  readonly fields: readonly FormField[];
  readonly values: Readonly<Record<string, string>>;
  /** A message per field key (client validation or the core's FORM_INVALID issues). */
  readonly errors?: Readonly<Record<string, string>>;
  readonly onChange: (key: string, value: string) => void;
  /** Keys whose value came from the ID card; they are marked "Từ thẻ CCCD". */
  readonly fromCard?: readonly string[];
  /** Keys shown read-only (e.g. the ID number read from the chip). */
  readonly locked?: readonly string[];
  /** Large inputs for the self-service kiosk. */
  readonly large?: boolean;
}

/**
 * The inputs of a procedure's e-form, driven only by its props: the parent
 * owns the values, so nothing typed is lost when a step or an error
 * re-renders. Each input is named after its field key.
 */
export function EFormFields({
  fields,
  values,
  errors = {},
  onChange,
  fromCard = [],
  locked = [],
  large,
}: EFormFieldsProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <div className={`eform${large ? ' large' : ''}`}>
      {fields.map((field) => {
        const id = `eform-${field.key}`;
        const error = errors[field.key];
        const value = values[field.key] ?? '';
        const isLocked = locked.includes(field.key);
        const describedBy = [error ? `${id}-error` : '', field.hint ? `${id}-hint` : '']
          .filter(Boolean)
          .join(' ');
        const common = {
          id,
          name: field.key,
          value,
          required: field.required,
          readOnly: isLocked,
          'aria-invalid': error !== undefined,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          onChange: (event: { target: { value: string } }) => {
            onChange(field.key, event.target.value);
          },
        };
        let input;
        if (field.type === 'select') {
          input = (
            <select {...common} disabled={isLocked}>
              <option value="" />
              {field.options?.map((option) => (
                <option key={option.value} value={option.value}>
                  {en ? option.label.en : option.label.vi}
                </option>
              ))}
            </select>
          );
        } else if (field.type === 'textarea') {
          input = <textarea {...common} rows={3} maxLength={field.maxLength} />;
        } else {
          input = (
            <input
              {...common}
              type={field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text'}
              autoComplete="off"
              maxLength={field.type === 'idNumber' ? 12 : field.maxLength}
              {...(field.type === 'date' ? { placeholder: 'dd/mm/yyyy' } : {})}
              {...(['idNumber', 'phone', 'number'].includes(field.type)
                ? { inputMode: 'numeric' as const }
                : {})}
            />
          );
        }
        return (
          <div
            key={field.key}
            className={`eform-field${error ? ' invalid' : ''}`}
            data-field={field.key}
          >
            <label htmlFor={id}>
              {en ? field.label.en : field.label.vi}
              {field.required && <span aria-hidden="true"> *</span>}
            </label>
            {fromCard.includes(field.key) && (
              <span className="from-card" data-from-card="">
                {t('intake.form.fromCard')}
              </span>
            )}
            {input}
            {isLocked && <small className="hint">{t('intake.form.locked')}</small>}
            {field.hint && (
              <small id={`${id}-hint`} className="hint">
                {en ? field.hint.en : field.hint.vi}
              </small>
            )}
            {error && (
              <small id={`${id}-error`} className="field-error" role="alert">
                {error}
              </small>
            )}
          </div>
        );
      })}
    </div>
  );
}
