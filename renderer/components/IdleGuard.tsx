import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Seconds of warning before the wipe, so a slow reader is not cut off mid-form. */
const WARNING_SECONDS = 15;
const activityEvents = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

interface IdleGuardProps {
  readonly timeoutSeconds: number;
  readonly onIdle: () => void;
}

/**
 * Watches for input. After `timeoutSeconds` without any, it asks "are you
 * still there?" for a few seconds, then calls `onIdle` (back to start, wipe).
 */
export function IdleGuard({ timeoutSeconds, onIdle }: IdleGuardProps) {
  const { t } = useTranslation();
  const warnAfter = Math.max(timeoutSeconds - WARNING_SECONDS, Math.ceil(timeoutSeconds / 2));
  const [remaining, setRemaining] = useState<number | undefined>(undefined);
  const lastInput = useRef(0);
  const onIdleRef = useRef(onIdle);

  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    const touch = () => {
      lastInput.current = Date.now();
      setRemaining(undefined);
    };
    lastInput.current = Date.now();
    for (const name of activityEvents) window.addEventListener(name, touch, { passive: true });
    const timer = window.setInterval(() => {
      const idleSeconds = (Date.now() - lastInput.current) / 1000;
      if (idleSeconds >= timeoutSeconds) {
        lastInput.current = Date.now();
        setRemaining(undefined);
        onIdleRef.current();
      } else if (idleSeconds >= warnAfter) {
        setRemaining(Math.ceil(timeoutSeconds - idleSeconds));
      }
    }, 500);
    return () => {
      for (const name of activityEvents) window.removeEventListener(name, touch);
      window.clearInterval(timer);
    };
  }, [timeoutSeconds, warnAfter]);

  if (remaining === undefined) return null;
  return (
    <div
      className="idle-overlay"
      role="alertdialog"
      aria-labelledby="idle-title"
      aria-describedby="idle-body"
    >
      <div className="idle-box">
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p id="idle-body">{t('idle.body', { seconds: remaining })}</p>
        <button type="button" className="primary" autoFocus>
          {t('idle.stay')}
        </button>
      </div>
    </div>
  );
}
