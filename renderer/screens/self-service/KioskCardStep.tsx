import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../electron/api/contract';
import type { FormField } from '../../../electron/api/contract/procedure';
import { useKiosk } from '../../api/KioskContext';
import { KioskFormFields } from '../../components/touch/KioskFormFields';
import { useSpokenAlert } from '../../components/voice/use-spoken';
import { useErrorText } from './use-error-text';
import { useHelpCounter } from './use-help-counter';
import { useReaderState } from './use-reader-state';
import { typedCardAccess, type CardAccess } from '../../../electron/api/contract/card';

type CardRead = Result<'card.read'>;

/** The citizen places the card: the core waits this long for it, then says so. */
const WAIT_SECONDS = 15;
/** Errors that mean "no reader right now": the citizen gets the outage text, not pcscd's name. */
const OUTAGE = new Set(['CARD_PCSCD_DOWN', 'CARD_NO_READER']);

interface KioskCardStepProps {
  readonly onRead: (result: CardRead) => void;
  /** The screen's heading and voice follow the reader: nothing to type while it is down. */
  readonly onReaderDown: (down: boolean) => void;
  /** The line above the keypad; the self-service text (it fills the e-form) by default. */
  readonly hint?: string;
}

/** A field of this step in the e-form's shape, so it gets the same keypad; `label` is already translated. */
export const localField = (
  key: string,
  label: string,
  type: FormField['type'],
  maxLength: number,
): FormField => ({
  key,
  label: { vi: label, en: label },
  type,
  required: true,
  maxLength,
  fill: null,
});

/**
 * The card step for touch: the 12-digit number (or the MRZ's three fields)
 * on a keypad, "Đọc thẻ", a plain progress line. When the reader is down —
 * seen within 2 s — the step says so in plain words, asks for nothing to be
 * typed (only a chip read is accepted here) and names the counter. A reader
 * that comes back is used at once.
 */
export function KioskCardStep({ onRead, onReaderDown, hint }: KioskCardStepProps) {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const errorText = useErrorText();
  const reader = useReaderState();
  const [mode, setMode] = useState<'can' | 'mrz'>('can');
  const [values, setValues] = useState<Record<string, string>>({});
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const attempt = useRef(0);
  const counter = useHelpCounter();
  useSpokenAlert(reader === 'down' ? t('touch.readerDown', { counter }) : error);

  useEffect(() => {
    onReaderDown(reader === 'down');
  }, [reader, onReaderDown]);

  // A reader lost mid-read: the read is abandoned at once rather than waiting for its timeout.
  useEffect(() => {
    if (reader === 'down' && reading) {
      // The cancelled read then answers at once; its answer is ignored (attempt moved on).
      attempt.current += 1;
      void api.card.cancel({});
    }
  }, [reader, reading, api]);

  const fields =
    mode === 'can'
      ? [localField('cardId', t('touch.card.idNumber'), 'idNumber', 12)]
      : [
          localField('cardDoc', t('touch.card.doc'), 'number', 9),
          localField('cardDob', t('touch.card.dob'), 'number', 6),
          localField('cardExpiry', t('touch.card.expiry'), 'number', 6),
        ];

  const access = (): CardAccess | undefined =>
    mode === 'can'
      ? typedCardAccess({ mode, idNumber: values.cardId ?? '' })
      : typedCardAccess({
          mode,
          doc: values.cardDoc ?? '',
          dob: values.cardDob ?? '',
          expiry: values.cardExpiry ?? '',
        });

  const read = async () => {
    const chosen = access();
    if (!chosen || reader !== 'ready') return;
    attempt.current += 1;
    const mine = attempt.current;
    setReading(true);
    setError(undefined);
    const answer = await api.card.read({ access: chosen, waitSeconds: WAIT_SECONDS });
    setReading(false);
    if (mine !== attempt.current) return;
    if (answer.ok) onRead(answer.value);
    else if (!OUTAGE.has(answer.error.code)) setError(errorText(answer.error));
  };

  if (reader === 'down') {
    return (
      <section className="reader-down" data-reader="down">
        <p role="alert" className="error outage">
          {t('touch.readerDown', { counter })}
        </p>
        <p>{t('touch.readerDownWhat')}</p>
        <p className="hint">{t('touch.readerComesBack')}</p>
      </section>
    );
  }

  return (
    <section className="kiosk-card" data-reader={reader}>
      <p className="lead">{hint ?? t('selfService.card.hint')}</p>
      <fieldset className="choice-rows">
        <legend>{t('touch.card.access')}</legend>
        {(['can', 'mrz'] as const).map((m) => (
          <label key={m} className="choice-row">
            <input
              type="radio"
              name="access"
              checked={mode === m}
              onChange={() => {
                setMode(m);
              }}
            />
            {m === 'can' ? t('touch.card.byCan') : t('touch.card.byMrz')}
          </label>
        ))}
      </fieldset>
      <KioskFormFields
        key={mode}
        fields={fields}
        values={values}
        errors={{}}
        onChange={(key, value) => {
          setValues((v) => ({ ...v, [key]: value }));
        }}
      />
      <div className="answer-buttons">
        <button
          type="button"
          className="primary big"
          disabled={reading || reader !== 'ready' || !access()}
          onClick={() => void read()}
        >
          {t('card.read')}
        </button>
        {reading && (
          <button type="button" className="big" onClick={() => void api.card.cancel({})}>
            {t('card.cancel')}
          </button>
        )}
      </div>
      {reading && (
        <p role="status" aria-live="polite" className="progress">
          {t('card.reading')}
        </p>
      )}
      {error && (
        <>
          <p role="alert" className="error">
            {error}
          </p>
          <p>{t('touch.readFailedCounter', { counter })}</p>
        </>
      )}
    </section>
  );
}
