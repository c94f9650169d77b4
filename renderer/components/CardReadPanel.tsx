import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload, Result } from '../../electron/api/contract';
import { errorMessages } from '../../electron/api/error-messages';
import { useKiosk } from '../api/KioskContext';
import { typedCardAccess, type CardAccess } from '../../electron/api/contract/card';

type CardRead = Result<'card.read'>;
type Progress = EventPayload<'card.progress'>;

interface CardReadPanelProps {
  /** The 12-digit ID when already known (a QR scan): its last 6 digits are the CAN. */
  readonly knownId?: string;
  readonly onRead: (result: CardRead) => void;
  /** Large keypad-friendly fields for the self-service kiosk. */
  readonly large?: boolean;
}

/**
 * Reads the chip: the citizen gives the 12-digit ID (PACE with CAN = its
 * last 6 digits) or the clerk types the MRZ fields (BAC). Shows progress per
 * file, then the photo and a clear trusted / not trusted badge.
 */
export function CardReadPanel({ knownId, onRead, large }: CardReadPanelProps) {
  const { t, i18n } = useTranslation();
  const { api } = useKiosk();
  const [mode, setMode] = useState<'can' | 'mrz'>('can');
  const [idNumber, setIdNumber] = useState(knownId ?? '');
  const [mrz, setMrz] = useState({ doc: '', dob: '', expiry: '' });
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<CardRead | undefined>(undefined);

  useEffect(() => api.on('card.progress', setProgress), [api]);

  const access = (): CardAccess | undefined =>
    mode === 'can' ? typedCardAccess({ mode, idNumber }) : typedCardAccess({ mode, ...mrz });

  const read = async () => {
    const chosen = access();
    if (!chosen) return;
    setReading(true);
    setError(undefined);
    setResult(undefined);
    setProgress(undefined);
    const answer = await api.card.read({ access: chosen, waitSeconds: 30 });
    setReading(false);
    if (answer.ok) {
      setResult(answer.value);
      onRead(answer.value);
    } else {
      const message = errorMessages[answer.error.code];
      setError(i18n.language === 'en' ? message.en : message.vi);
    }
  };

  const passive = result?.passiveAuthentication;
  return (
    <section className={`card-read${large ? ' large' : ''}`} aria-labelledby="card-read-title">
      <h2 id="card-read-title">{t('card.title')}</h2>
      <p>{t('card.place')}</p>
      <fieldset className="access">
        <legend>{t('card.access')}</legend>
        <label>
          <input
            type="radio"
            name="access"
            checked={mode === 'can'}
            onChange={() => {
              setMode('can');
            }}
          />
          {t('card.byCan')}
        </label>
        <label>
          <input
            type="radio"
            name="access"
            checked={mode === 'mrz'}
            onChange={() => {
              setMode('mrz');
            }}
          />
          {t('card.byMrz')}
        </label>
      </fieldset>
      <div className="form">
        {mode === 'can' ? (
          <label>
            {t('card.idNumber')}
            <input
              name="card-id"
              inputMode="numeric"
              autoComplete="off"
              maxLength={12}
              value={idNumber}
              onChange={(event) => {
                setIdNumber(event.target.value.replace(/\D/g, ''));
              }}
            />
          </label>
        ) : (
          (['doc', 'dob', 'expiry'] as const).map((key) => (
            <label key={key}>
              {t(`card.${key}`)}
              <input
                name={`card-${key}`}
                autoComplete="off"
                maxLength={key === 'doc' ? 9 : 6}
                value={mrz[key]}
                onChange={(event) => {
                  setMrz({ ...mrz, [key]: event.target.value });
                }}
              />
            </label>
          ))
        )}
        <button
          type="button"
          className="primary"
          disabled={reading || !access()}
          onClick={() => void read()}
        >
          {t('card.read')}
        </button>
        {reading && (
          <button type="button" onClick={() => void api.card.cancel()}>
            {t('card.cancel')}
          </button>
        )}
      </div>
      {reading && (
        <div role="status" aria-live="polite" className="progress">
          <p>{t('card.reading')}</p>
          {progress && (
            <>
              <progress max={Math.max(progress.total, 1)} value={progress.done} />
              <p>
                {t('card.file', {
                  file: progress.file,
                  done: progress.done,
                  total: progress.total,
                })}
              </p>
            </>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {result && passive && (
        <div className="card-result" data-trust={passive.status}>
          <p className={`trust trust-${passive.status}`} role="status">
            {passive.status === 'trusted' ? t('card.trusted') : t('card.untrusted')}
          </p>
          {passive.failures.map((failure) => (
            <p key={failure.code} className="fix">
              {i18n.language === 'en' ? failure.en : failure.vi}
            </p>
          ))}
          {result.warnings.map((warning) => (
            <p key={`${warning.code}-${warning.file}`} className="warning" role="status">
              {i18n.language === 'en' ? warning.en : warning.vi}
            </p>
          ))}
          {result.photo && (
            <img src={result.photo.dataUrl} alt={t('card.photo')} className="portrait" />
          )}
          <p className="counters">
            {t('card.counters', {
              apdus: result.counters.apdus,
              bytes: result.counters.bytesReceived,
              ms: result.counters.ms,
              protocol: result.accessProtocol,
            })}
          </p>
        </div>
      )}
    </section>
  );
}
