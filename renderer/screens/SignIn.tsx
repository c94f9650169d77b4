import {
  startAuthentication,
  WebAuthnAbortService,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessages } from '../../electron/api/error-messages';
import type { ApiError } from '../../electron/api/errors';
import { useKiosk } from '../api/KioskContext';
import { useStaff } from '../api/use-staff';

/**
 * How long the page waits for a security key before giving up by itself:
 * with no key plugged in (or an account without one) the browser would
 * otherwise wait as long as it likes, leaving the clerk on "Đang xác thực…".
 */
const PASSKEY_WAIT_MS = 60_000;

/** Staff sign-in: a FIDO2 security key first (fingerprint), the password as fallback. */
export function SignIn() {
  const { t, i18n } = useTranslation();
  const { api } = useKiosk();
  const { setStaff } = useStaff();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [waitingForKey, setWaitingForKey] = useState(false);
  const [noAccounts, setNoAccounts] = useState(false);
  useEffect(() => {
    void api.auth.status().then((result) => {
      if (result.ok) setNoAccounts(result.value.accounts === 0);
    });
  }, [api]);
  const message = (e: ApiError) =>
    i18n.language === 'en' ? errorMessages[e.code].en : errorMessages[e.code].vi;

  const withPassword = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await api.auth.signIn({ username: username.trim(), password });
    setBusy(false);
    setPassword('');
    if (result.ok) setStaff(result.value);
    else setError(message(result.error));
  };

  const withPasskey = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const options = await api.auth.passkeyOptions(
        username.trim() === '' ? {} : { username: username.trim() },
      );
      if (!options.ok) {
        setError(message(options.error));
        return;
      }
      setWaitingForKey(true);
      // An object: the timer's callback sets it after this function's flow has moved on.
      const wait = { timedOut: false };
      const timer = setTimeout(() => {
        wait.timedOut = true;
        WebAuthnAbortService.cancelCeremony();
      }, PASSKEY_WAIT_MS);
      let response;
      try {
        response = await startAuthentication({
          optionsJSON: options.value.options as unknown as PublicKeyCredentialRequestOptionsJSON,
        });
      } catch {
        setError(t(wait.timedOut ? 'signIn.timedOut' : 'signIn.cancelled'));
        return;
      } finally {
        clearTimeout(timer);
        setWaitingForKey(false);
      }
      const result = await api.auth.passkeySignIn({ response });
      if (result.ok) setStaff(result.value);
      else setError(message(result.error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="screen sign-in">
      <h1>{t('signIn.title')}</h1>
      {noAccounts && (
        <p role="status" className="error">
          {t('signIn.noAccounts')}
        </p>
      )}
      <form className="form" onSubmit={(event) => void withPassword(event)}>
        <label>
          {t('signIn.username')}
          <input
            name="username"
            autoComplete="username webauthn"
            value={username}
            onChange={(event) => {
              setUsername(event.target.value);
            }}
          />
        </label>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void withPasskey()}
        >
          {t('signIn.passkey')}
        </button>
        <p className="hint">{t('signIn.passkeyHint')}</p>
        {waitingForKey && (
          <p role="status" className="waiting-for-key">
            {t('signIn.waitingForKey')}{' '}
            <button
              type="button"
              onClick={() => {
                WebAuthnAbortService.cancelCeremony();
              }}
            >
              {t('signIn.cancelKey')}
            </button>
          </p>
        )}
        <p className="divider">{t('signIn.or')}</p>
        <label>
          {t('signIn.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
        </label>
        <button type="submit" disabled={busy || username.trim() === '' || password === ''}>
          {busy ? t('signIn.working') : t('signIn.submit')}
        </button>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
