import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../electron/api/contract/procedure';
import type { KeyboardLayout } from './keyboard-layouts';
import { OnScreenKeyboard } from './OnScreenKeyboard';

interface KioskFormFieldsProps {
  readonly fields: readonly FormField[];
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (key: string, value: string) => void;
}

/** Which keys a field of this type needs: digits for numbers, the Vietnamese keyboard for words. */
export function layoutOf(type: FormField['type']): KeyboardLayout {
  switch (type) {
    case 'idNumber':
    case 'phone':
    case 'number':
      return 'numeric';
    case 'date':
      return 'date';
    default:
      return 'text';
  }
}

/**
 * The e-form fields of one kiosk screen, for touch: a choice is a column of
 * large radio rows (no drop-down to aim at), every typed field has the
 * on-screen keyboard under it while it is the active one. The first empty
 * field starts active; tapping a field makes it active.
 */
export function KioskFormFields({ fields, values, errors, onChange }: KioskFormFieldsProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const typed = fields.filter((f) => f.type !== 'select');
  const [active, setActive] = useState<string | undefined>(
    (typed.find((f) => (values[f.key] ?? '') === '') ?? typed[0])?.key,
  );
  return (
    <div className="eform large">
      {fields.map((field) => {
        const id = `eform-${field.key}`;
        const error = errors[field.key];
        const value = values[field.key] ?? '';
        const label = en ? field.label.en : field.label.vi;
        const describedBy =
          [error ? `${id}-error` : '', field.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') ||
          undefined;
        const hint = field.hint && (
          <small id={`${id}-hint`} className="hint">
            {en ? field.hint.en : field.hint.vi}
          </small>
        );
        const problem = error && (
          <small id={`${id}-error`} className="field-error" role="alert">
            {error}
          </small>
        );
        if (field.type === 'select') {
          return (
            <fieldset
              key={field.key}
              className={`eform-field choice-rows${error ? ' invalid' : ''}`}
              data-field={field.key}
              aria-describedby={describedBy}
            >
              <legend>
                {label}
                {field.required && <span aria-hidden="true"> *</span>}
              </legend>
              {field.options?.map((option) => (
                <label key={option.value} className="choice-row" data-option={option.value}>
                  <input
                    type="radio"
                    name={field.key}
                    value={option.value}
                    checked={value === option.value}
                    required={field.required}
                    aria-invalid={error !== undefined}
                    onChange={() => {
                      onChange(field.key, option.value);
                    }}
                  />
                  {en ? option.label.en : option.label.vi}
                </label>
              ))}
              {hint}
              {problem}
            </fieldset>
          );
        }
        const isActive = active === field.key;
        return (
          <div
            key={field.key}
            className={`eform-field${error ? ' invalid' : ''}${isActive ? ' active' : ''}`}
            data-field={field.key}
          >
            <label htmlFor={id}>
              {label}
              {field.required && <span aria-hidden="true"> *</span>}
            </label>
            <input
              id={id}
              name={field.key}
              className="touch-field-value"
              value={value}
              required={field.required}
              autoComplete="off"
              // The kiosk's own keys type here: no tablet keyboard pops up over the question.
              inputMode="none"
              aria-invalid={error !== undefined}
              aria-describedby={describedBy}
              {...(field.type === 'date' ? { placeholder: t('touch.datePlaceholder') } : {})}
              maxLength={field.type === 'idNumber' ? 12 : field.maxLength}
              onFocus={() => {
                setActive(field.key);
              }}
              onClick={() => {
                setActive(field.key);
              }}
              onChange={(event) => {
                onChange(field.key, event.target.value.normalize('NFC'));
              }}
            />
            {hint}
            {problem}
            {isActive ? (
              <OnScreenKeyboard
                layout={layoutOf(field.type)}
                value={value}
                maxLength={field.type === 'idNumber' ? 12 : field.maxLength}
                target={label}
                onChange={(next) => {
                  onChange(field.key, next);
                }}
              />
            ) : (
              <button
                type="button"
                className="open-keyboard"
                data-open-keyboard={field.key}
                onClick={() => {
                  setActive(field.key);
                }}
              >
                {t('touch.type', { field: label })}
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
