import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../api/KioskContext';
import { useApiErrorText } from '../i18n/use-api-error-text';

interface SignPendingFormProps {
  /** Called after a run that signed something, to reload the list. */
  readonly onSigned: () => void;
}

/**
 * "Ký số bổ sung": the token's PIN, used for this one call and cleared at
 * once, signs the unsigned dossiers still waiting to go to the portal.
 */
export function SignPendingForm({ onSigned }: SignPendingFormProps) {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const errorText = useApiErrorText();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | undefined>(undefined);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setNotice(undefined);
    const result = await api.dossier.signPending({ pin });
    setPin('');
    setBusy(false);
    if (!result.ok) {
      setNotice({ ok: false, text: errorText(result.error) });
      return;
    }
    const { signed, alreadySent } = result.value;
    setNotice({
      ok: true,
      text: [
        t('intake.signing.signLaterDone', { count: signed.length }),
        ...(alreadySent.length > 0
          ? [t('intake.signing.signLaterSent', { count: alreadySent.length })]
          : []),
      ].join(' '),
    });
    if (signed.length > 0) onSigned();
  };

  return (
    <form className="form sign-pending" onSubmit={(event) => void submit(event)}>
      <h2>{t('intake.signing.signLater')}</h2>
      <p className="hint" id="sign-pending-hint">
        {t('intake.signing.signLaterHint')}
      </p>
      <label>
        {t('intake.signing.pin')}
        <input
          type="password"
          name="signing-pin"
          autoComplete="off"
          inputMode="numeric"
          minLength={4}
          maxLength={64}
          required
          aria-describedby="sign-pending-hint"
          value={pin}
          onChange={(event) => {
            setPin(event.target.value);
          }}
        />
      </label>
      <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
        {busy ? t('intake.signing.signLaterBusy') : t('intake.signing.signLater')}
      </button>
      {notice && (
        <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'success' : 'error'}>
          {notice.text}
        </p>
      )}
    </form>
  );
}
