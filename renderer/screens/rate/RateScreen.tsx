import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  ratingReasons,
  ratingScores,
  scoresWithReasons,
  type RatingReason,
  type RatingScore,
} from '../../../electron/api/contract/rating';
import { useKiosk } from '../../api/KioskContext';
import { useErrorText } from '../self-service/use-error-text';
import { ScoreFace } from './ScoreFace';
import './rate.css';

/**
 * The counter's next call (`queue.called`, which ends the ticket before it
 * as served) makes the screen ask at once; this slower poll is the fallback
 * for a ticket finished without a next call, and for events lost while the
 * connection was down.
 */
const POLL_MS = 5_000;
/** How long "thank you" (or an error) stays before the screen waits for the next ticket. */
const MESSAGE_MS = 6_000;
/** A citizen who chose a lower score and walked away still has their score sent. */
const REASONS_TIMEOUT_MS = 45_000;

interface Pending {
  readonly number: number;
  readonly areaName: string;
}

type Step =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'ask'; readonly ticket: Pending }
  | { readonly kind: 'reasons'; readonly ticket: Pending; readonly score: RatingScore }
  | { readonly kind: 'thanks' }
  | { readonly kind: 'error'; readonly text: string };

/** `?counter=3` as a counter number, or null when absent or not 1–99. */
function counterOf(raw: string | null): number | null {
  if (raw === null || !/^\d{1,2}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= 99 ? n : null;
}

/**
 * The screen facing the citizen at a counter (a tablet or second monitor, no
 * sign-in): it waits for the ticket just served there, asks for one of four
 * scores, then reasons for the two lower ones, thanks, and waits again.
 */
export function RateScreen({ connected }: { readonly connected: boolean }) {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const counter = counterOf(params.get('counter'));
  const [step, setStep] = useState<Step>({ kind: 'waiting' });
  const [chosen, setChosen] = useState<readonly RatingReason[]>([]);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  // Ask for the pending ticket while waiting or asking (the counter may move on).
  useEffect(() => {
    if (counter === null || (step.kind !== 'waiting' && step.kind !== 'ask')) return;
    let live = true;
    const poll = async () => {
      const result = await api.rating.pending({ counter });
      if (!live || !result.ok) return;
      const ticket = result.value.ticket;
      setStep((current) => {
        if (current.kind !== 'waiting' && current.kind !== 'ask') return current;
        if (ticket === null) return { kind: 'waiting' };
        if (current.kind === 'ask' && current.ticket.number === ticket.number) return current;
        return { kind: 'ask', ticket };
      });
    };
    void poll();
    const timer = window.setInterval(() => void poll(), POLL_MS);
    const stop = api.on('queue.called', (call) => {
      if (call.counter === counter) void poll();
    });
    return () => {
      live = false;
      window.clearInterval(timer);
      stop();
    };
  }, [api, counter, step.kind]);

  // "Thank you" and errors give way to waiting for the next ticket.
  useEffect(() => {
    if (step.kind !== 'thanks' && step.kind !== 'error') return;
    const timer = window.setTimeout(() => {
      setStep({ kind: 'waiting' });
    }, MESSAGE_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [step.kind]);

  const submit = useCallback(
    async (ticket: Pending, score: RatingScore, reasons: readonly RatingReason[]) => {
      if (counter === null || sending.current) return;
      sending.current = true;
      setBusy(true);
      const result = await api.rating.submit({
        counter,
        number: ticket.number,
        score,
        reasons: [...reasons],
      });
      sending.current = false;
      setBusy(false);
      setChosen([]);
      setStep(result.ok ? { kind: 'thanks' } : { kind: 'error', text: errorText(result.error) });
    },
    [api, counter, errorText],
  );

  // The reasons step sends the score on its own if nobody finishes it.
  useEffect(() => {
    if (step.kind !== 'reasons') return;
    const timer = window.setTimeout(() => {
      void submit(step.ticket, step.score, chosen);
    }, REASONS_TIMEOUT_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [step, chosen, submit]);

  const choose = (ticket: Pending, score: RatingScore) => {
    if (scoresWithReasons.includes(score)) setStep({ kind: 'reasons', ticket, score });
    else void submit(ticket, score, []);
  };

  const toggle = (reason: RatingReason) => {
    setChosen((now) => (now.includes(reason) ? now.filter((r) => r !== reason) : [...now, reason]));
  };

  return (
    <main className="rate-screen">
      <header className="rate-head">
        <span className="rate-title">{t('rate.title')}</span>
        {counter !== null && <span className="rate-counter">{t('rate.counter', { counter })}</span>}
      </header>
      {!connected && (
        <p role="alert" className="rate-alert">
          {t('connection.lost')}
        </p>
      )}
      {counter === null ? (
        <p role="alert" className="rate-alert">
          {t('rate.noCounter')}
        </p>
      ) : step.kind === 'waiting' ? (
        <section className="rate-waiting" aria-live="polite">
          <h1>{t('rate.waiting')}</h1>
          <p>{t('rate.waitingHint')}</p>
        </section>
      ) : step.kind === 'ask' ? (
        <section className="rate-ask">
          <h1>
            <span className="rate-number">{t('rate.ticket', { number: step.ticket.number })}</span>{' '}
            — {t('rate.question')}
          </h1>
          <div className="rate-scores">
            {ratingScores.map((score) => (
              <button
                key={score}
                type="button"
                className={`rate-score rate-${score}`}
                disabled={busy}
                onClick={() => {
                  choose(step.ticket, score);
                }}
              >
                <ScoreFace score={score} />
                <span>{t(`rate.scores.${score}`)}</span>
              </button>
            ))}
          </div>
        </section>
      ) : step.kind === 'reasons' ? (
        <section className="rate-reasons">
          <p className={`rate-chosen rate-${step.score}`}>
            <ScoreFace score={step.score} />
            {t('rate.chosen', { score: t(`rate.scores.${step.score}`) })}
          </p>
          <h1>{t('rate.reasonsQuestion')}</h1>
          <p>{t('rate.reasonsHint')}</p>
          <div className="rate-reason-list">
            {ratingReasons.map((reason) => (
              <button
                key={reason}
                type="button"
                className="rate-reason"
                aria-pressed={chosen.includes(reason)}
                disabled={busy}
                onClick={() => {
                  toggle(reason);
                }}
              >
                <span className="rate-check" aria-hidden="true">
                  {chosen.includes(reason) ? '✓' : ''}
                </span>
                {t(`rate.reasons.${reason}`)}
              </button>
            ))}
          </div>
          <div className="rate-actions">
            <button
              type="button"
              className="rate-back"
              disabled={busy}
              onClick={() => {
                setChosen([]);
                setStep({ kind: 'ask', ticket: step.ticket });
              }}
            >
              {t('rate.back')}
            </button>
            <button
              type="button"
              className="rate-send"
              disabled={busy}
              onClick={() => void submit(step.ticket, step.score, chosen)}
            >
              {busy
                ? t('rate.sending')
                : chosen.length > 0
                  ? t('rate.send')
                  : t('rate.skipReasons')}
            </button>
          </div>
        </section>
      ) : step.kind === 'thanks' ? (
        <section className="rate-thanks" role="status">
          <h1>{t('rate.thanks')}</h1>
          <p>{t('rate.thanksDetail')}</p>
        </section>
      ) : (
        <section className="rate-error" role="alert">
          <p>{step.text}</p>
        </section>
      )}
    </main>
  );
}
