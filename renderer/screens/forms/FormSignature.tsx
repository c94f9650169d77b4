import { useTranslation } from 'react-i18next';
import type { SigningErrorCode } from '../../../electron/api/errors';
import { useKiosk } from '../../api/KioskContext';
import { useApiErrorText } from '../../i18n/use-api-error-text';

interface FormPinProps {
  readonly pin: string;
  readonly onPin: (pin: string) => void;
}

/** The token's PIN for this one form, asked only when a token is configured. */
export function FormPin({ pin, onPin }: FormPinProps) {
  const { t } = useTranslation();
  const { info } = useKiosk();
  if (!info.signingConfigured) return null;
  return (
    <label>
      {t('forms.pin')}
      <input
        type="password"
        name="form-pin"
        autoComplete="off"
        inputMode="numeric"
        maxLength={64}
        aria-describedby="form-pin-hint"
        value={pin}
        onChange={(event) => {
          onPin(event.target.value);
        }}
      />
      <span id="form-pin-hint" className="hint">
        {t('forms.pinHint')}
      </span>
    </label>
  );
}

/** The PIN as the API takes it: only a configured token's, and only a possible one. */
export function pinParam(signingConfigured: boolean, pin: string): { pin?: string } {
  return signingConfigured && pin.length >= 4 ? { pin } : {};
}

interface SignedNoteProps {
  readonly signed: boolean;
  readonly problem: SigningErrorCode | null;
}

/** Whether the form came back signed; when not, why, and that the step is recorded all the same. */
export function SignedNote({ signed, problem }: SignedNoteProps) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  if (signed)
    return (
      <p className="success" data-form-signed="true">
        {t('forms.signed')}
      </p>
    );
  return (
    <p className="hint" data-form-signed="false">
      {t('forms.unsigned')}
      {/* The reason tells the clerk what to fix for the next form; this one is not issued again. */}
      {problem !== null &&
        problem !== 'SIGNING_PIN_REQUIRED' &&
        ` ${t('forms.unsignedWhy', { reason: errorText({ code: problem, message: '' }) })}`}
    </p>
  );
}
