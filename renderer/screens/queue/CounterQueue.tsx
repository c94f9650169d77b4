import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../electron/api/contract';
import type { ApiError, ApiResult } from '../../../electron/api/errors';
import { useKiosk } from '../../api/KioskContext';
import { useApiErrorText } from '../../i18n/use-api-error-text';
import { CurrentTicket, type TransferTarget } from './CurrentTicket';
import { PriorityTicket } from './PriorityTicket';
import { useMyCounter } from './use-my-counter';
import { WaitingTable } from './WaitingTable';
import './queue.css';

type Areas = Result<'queue.areas'>;
type Status = Result<'queue.status'>;

/** An action's outcome; `warn` when nothing happened that the clerk expected (nobody waits). */
interface Notice {
  readonly text: string;
  readonly tone: 'ok' | 'warn';
}

/**
 * Calls from any counter or process arrive as `queue.called`, takes, serves,
 * skips and transfers as `queue.areaChanged`, and refresh at once; this poll
 * only covers an event lost with the connection (cheap on SQLite and PostgreSQL).
 */
const REFRESH_MS = 5000;

/**
 * The clerk's call screen (`/queue`): choose the counter once, call the
 * next number, recall, skip a no-show, transfer, finish with the dossier
 * code; waiting numbers per area; priority numbers issued by the operator.
 */
export function CounterQueue() {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const errorText = useApiErrorText();
  const [counter, chooseCounter] = useMyCounter();
  const [areas, setAreas] = useState<Areas | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** Status reads asked so far: only the latest one's answer is shown. */
  const asked = useRef(0);
  // An event's read may answer after the read that follows the clerk's own
  // action (transfer, serve): its older picture must not overwrite the newer.
  const refresh = useCallback(async () => {
    const mine = ++asked.current;
    const result = await api.queue.status();
    if (result.ok && mine === asked.current) setStatus(result.value);
  }, [api]);

  useEffect(() => {
    void api.queue.areas().then((result) => {
      if (result.ok) setAreas(result.value);
      else setError(errorText(result.error));
    });
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    const stopCalls = api.on('queue.called', () => void refresh());
    const stopChanges = api.on('queue.areaChanged', () => void refresh());
    return () => {
      clearInterval(timer);
      stopCalls();
      stopChanges();
    };
  }, [api, refresh, errorText]);

  const counters = status?.counters.map((c) => c.counter) ?? [];
  const mine = status?.counters.find((c) => c.counter === counter);
  const myAreaNames = (areas?.areas ?? [])
    .filter((a) => mine?.areas.includes(a.code))
    .map((a) => a.name)
    .join(', ');

  /** Runs one action, then shows its outcome and the fresh status. */
  async function act<T>(
    run: () => Promise<ApiResult<T>>,
    done: (value: T) => string | Notice,
  ): Promise<void> {
    setBusy(true);
    setNotice(null);
    setError(null);
    const result = await run();
    if (result.ok) {
      const outcome = done(result.value);
      setNotice(typeof outcome === 'string' ? { text: outcome, tone: 'ok' } : outcome);
    } else setError(errorText(result.error));
    await refresh();
    setBusy(false);
  }

  const showError = (apiError: ApiError) => {
    setNotice(null);
    setError(errorText(apiError));
    void refresh();
  };

  return (
    <main className="screen queue-counter">
      <h1>{t('centreQueue.counter.title')}</h1>
      <div className="queue-counter-pick">
        <label>
          {t('centreQueue.counter.myCounter')}{' '}
          <select
            value={counter ?? ''}
            onChange={(e) => {
              chooseCounter(Number(e.target.value));
              setNotice(null);
              setError(null);
            }}
          >
            {counter === null && <option value="">{t('centreQueue.counter.chooseCounter')}</option>}
            {status?.counters.map((c) => (
              <option key={c.counter} value={c.counter}>
                {t('centreQueue.counter.counterOption', {
                  counter: c.counter,
                  areas: (areas?.areas ?? [])
                    .filter((a) => c.areas.includes(a.code))
                    .map((a) => a.name)
                    .join(', '),
                })}
              </option>
            ))}
          </select>
        </label>
        {counter === null && (
          <span className="hint">{t('centreQueue.counter.chooseCounterHint')}</span>
        )}
      </div>
      {counter !== null && (
        <button
          type="button"
          className="primary queue-call-next"
          disabled={busy}
          onClick={() =>
            void act(
              () => api.queue.call({ counter }),
              ({ ticket }) =>
                ticket === null
                  ? { text: t('centreQueue.counter.empty', { areas: myAreaNames }), tone: 'warn' }
                  : t('centreQueue.counter.called', { number: ticket.number, counter }),
            )
          }
        >
          {t('centreQueue.counter.callNext')}
        </button>
      )}
      <div aria-live="polite">
        {notice !== null && (
          <p role="status" className={notice.tone === 'ok' ? 'queue-ok' : 'queue-why'}>
            {notice.text}
          </p>
        )}
        {error !== null && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </div>
      {counter !== null && mine?.current && areas && (
        <CurrentTicket
          key={`${mine.current.id}:${counter}`}
          ticket={mine.current}
          counter={counter}
          maxCalls={areas.maxCalls}
          areas={areas.areas}
          counters={counters}
          busy={busy}
          onRecall={() =>
            void act(
              () => api.queue.recall({ counter }),
              (ticket) =>
                t('centreQueue.counter.recalled', { number: ticket.number, calls: ticket.calls }),
            )
          }
          onSkip={() =>
            void act(
              () => api.queue.skip({ counter }),
              (ticket) => t('centreQueue.counter.skipped', { number: ticket.number }),
            )
          }
          onTransfer={(to: TransferTarget) =>
            void act(
              () => api.queue.transfer({ counter, ...to }),
              (ticket) => t('centreQueue.counter.transferred', { number: ticket.number }),
            )
          }
          onServe={(code) =>
            void act(
              () => api.queue.serve(code === '' ? { counter } : { counter, dossierCode: code }),
              (ticket) =>
                ticket.dossierCode === null
                  ? t('centreQueue.counter.served', { number: ticket.number })
                  : t('centreQueue.counter.servedWithDossier', {
                      number: ticket.number,
                      code: ticket.dossierCode,
                    }),
            )
          }
        />
      )}
      {counter !== null && mine && !mine.current && (
        <p className="hint">{t('centreQueue.counter.noCurrent')}</p>
      )}
      {status && (
        <WaitingTable
          status={status}
          mine={mine?.areas ?? []}
          waitingHere={mine?.waitingHere ?? 0}
        />
      )}
      {areas && (
        <PriorityTicket
          areas={areas.areas}
          onIssued={(text) => {
            setError(null);
            setNotice({ text, tone: 'ok' });
            void refresh();
          }}
          onError={showError}
        />
      )}
    </main>
  );
}
