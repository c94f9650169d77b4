import {
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
} from '@simplewebauthn/browser';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessages } from '../../electron/api/error-messages';
import { useKiosk } from '../api/KioskContext';

/** Admin: register a security key to a staff account (the staff member touches the key). */
export function PasskeyAdmin() {
  const { t, i18n } = useTranslation();
  const { api } = useKiosk();
  const [username, setUsername] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const register = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setStatus(undefined);
    try {
      const options = await api.auth.registerOptions({ username: username.trim() });
      if (!options.ok) {
        const m = errorMessages[options.error.code];
        setStatus({ ok: false, text: i18n.language === 'en' ? m.en : m.vi });
        return;
      }
      const response = await startRegistration({
        optionsJSON: options.value.options as unknown as PublicKeyCredentialCreationOptionsJSON,
      });
      const result = await api.auth.registerPasskey({ response });
      if (result.ok) setStatus({ ok: true, text: t('passkeys.done', { name: username.trim() }) });
      else {
        const m = errorMessages[result.error.code];
        setStatus({ ok: false, text: i18n.language === 'en' ? m.en : m.vi });
      }
    } catch {
      setStatus({ ok: false, text: t('signIn.cancelled') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="screen passkeys">
      <h1>{t('passkeys.title')}</h1>
      <p className="lead">{t('passkeys.intro')}</p>
      <form className="form" onSubmit={(event) => void register(event)}>
        <label>
          {t('passkeys.username')}
          <input
            name="staff-username"
            value={username}
            onChange={(event) => {
              setUsername(event.target.value);
            }}
          />
        </label>
        <button type="submit" className="primary" disabled={busy || username.trim() === ''}>
          {t('passkeys.register')}
        </button>
        {status && (
          <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'success' : 'error'}>
            {status.text}
          </p>
        )}
      </form>
    </main>
  );
}
