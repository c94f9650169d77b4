import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../electron/api/contract';

type Ticket = NonNullable<Result<'queue.call'>['ticket']>;
type Area = Result<'queue.areas'>['areas'][number];

export type TransferTarget = { readonly toCounter: number } | { readonly toArea: string };

interface CurrentTicketProps {
  readonly ticket: Ticket;
  readonly counter: number;
  readonly maxCalls: number;
  readonly areas: readonly Area[];
  readonly counters: readonly number[];
  readonly busy: boolean;
  readonly onRecall: () => void;
  readonly onSkip: () => void;
  readonly onTransfer: (to: TransferTarget) => void;
  readonly onServe: (dossierCode: string) => void;
}

/**
 * The ticket at this counter and what the clerk can do with it. "Skip" stays
 * disabled until the citizen was called `maxCalls` times, and says so, so a
 * slow walker is not dropped after one call.
 */
export function CurrentTicket(props: CurrentTicketProps) {
  const { t } = useTranslation();
  const { ticket, counter, maxCalls, busy } = props;
  const [dossierCode, setDossierCode] = useState('');
  const [target, setTarget] = useState('');
  const canSkip = ticket.calls >= maxCalls;
  const canRecall = ticket.calls < maxCalls;
  const otherCounters = props.counters.filter((c) => c !== counter);
  const otherAreas = props.areas.filter((a) => a.code !== ticket.area);
  const transfer = () => {
    const [kind, value = ''] = target.split(':');
    if (kind === 'c') props.onTransfer({ toCounter: Number(value) });
    if (kind === 'a') props.onTransfer({ toArea: value });
  };
  return (
    <section
      className="queue-current"
      aria-labelledby="queue-current-title"
      data-number={ticket.number}
      data-calls={ticket.calls}
    >
      <h2 id="queue-current-title">{t('centreQueue.counter.current')}</h2>
      <p className="queue-current-number">{ticket.number}</p>
      <dl>
        <dt>{t('centreQueue.counter.area')}</dt>
        <dd>{ticket.areaName}</dd>
        {ticket.priority !== null && (
          <>
            <dt>{t('centreQueue.counter.priority')}</dt>
            <dd className="queue-priority-reason">
              {t(`centreQueue.counter.reasons.${ticket.priority}`)}
            </dd>
          </>
        )}
        <dt>{t('centreQueue.counter.callsLabel')}</dt>
        <dd>{t('centreQueue.counter.calls', { n: ticket.calls, max: maxCalls })}</dd>
      </dl>
      <div className="queue-actions">
        <button type="button" disabled={busy || !canRecall} onClick={props.onRecall}>
          {t('centreQueue.counter.recall')}
        </button>
        <button
          type="button"
          disabled={busy || !canSkip}
          aria-describedby={canSkip ? undefined : 'queue-skip-why'}
          onClick={props.onSkip}
        >
          {t('centreQueue.counter.skip')}
        </button>
      </div>
      {!canSkip && (
        <p id="queue-skip-why" className="queue-why">
          {t('centreQueue.counter.skipWhy', { max: maxCalls, n: ticket.calls })}
        </p>
      )}
      <div className="queue-actions">
        <label>
          {t('centreQueue.counter.transferTo')}
          <select
            value={target}
            onChange={(e) => {
              setTarget(e.target.value);
            }}
          >
            <option value="">—</option>
            {otherCounters.map((c) => (
              <option key={`c${c}`} value={`c:${c}`}>
                {t('centreQueue.counter.transferCounter', { counter: c })}
              </option>
            ))}
            {otherAreas.map((a) => (
              <option key={`a${a.code}`} value={`a:${a.code}`}>
                {t('centreQueue.counter.transferArea', { name: a.name })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={busy || target === ''} onClick={transfer}>
          {t('centreQueue.counter.transfer')}
        </button>
      </div>
      <div className="queue-actions">
        <label>
          {t('centreQueue.counter.dossierCode')}
          <input
            value={dossierCode}
            maxLength={64}
            onChange={(e) => {
              setDossierCode(e.target.value);
            }}
            aria-describedby="queue-dossier-hint"
          />
        </label>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            props.onServe(dossierCode.trim());
          }}
        >
          {t('centreQueue.counter.serve')}
        </button>
      </div>
      <p id="queue-dossier-hint" className="hint">
        {t('centreQueue.counter.dossierCodeHint')}
      </p>
    </section>
  );
}
