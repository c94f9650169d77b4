import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../electron/api/contract';
import { priorityReasons } from '../../../electron/api/contract/queue';
import type { ApiError } from '../../../electron/api/errors';
import { useKiosk } from '../../api/KioskContext';

type Area = Result<'queue.areas'>['areas'][number];
type Reason = (typeof priorityReasons)[number];

/** The operator's decision: a priority number for a citizen standing at the counter. */
export function PriorityTicket({
  areas,
  onIssued,
  onError,
}: {
  readonly areas: readonly Area[];
  readonly onIssued: (text: string) => void;
  readonly onError: (error: ApiError) => void;
}) {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const [area, setArea] = useState(areas[0]?.code ?? '');
  const [reason, setReason] = useState<Reason>('elderly');
  const [busy, setBusy] = useState(false);
  const issue = async () => {
    setBusy(true);
    const result = await api.queue.take({ area, priority: reason });
    setBusy(false);
    if (!result.ok) {
      onError(result.error);
      return;
    }
    onIssued(
      t('centreQueue.counter.priorityIssued', {
        number: result.value.number,
        reason: t(`centreQueue.counter.reasons.${reason}`),
        area: result.value.areaName,
      }),
    );
  };
  return (
    <section className="queue-priority" aria-labelledby="queue-priority-title">
      <h2 id="queue-priority-title">{t('centreQueue.counter.priorityTitle')}</h2>
      <p className="hint">{t('centreQueue.counter.priorityHint')}</p>
      <div className="queue-field">
        <label htmlFor="queue-priority-area">{t('centreQueue.counter.priorityArea')}</label>
        <select
          id="queue-priority-area"
          value={area}
          onChange={(e) => {
            setArea(e.target.value);
          }}
        >
          {areas.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="queue-field">
        <label htmlFor="queue-priority-reason">{t('centreQueue.counter.priorityReason')}</label>
        <select
          id="queue-priority-reason"
          value={reason}
          onChange={(e) => {
            setReason(priorityReasons.find((r) => r === e.target.value) ?? 'elderly');
          }}
        >
          {priorityReasons.map((r) => (
            <option key={r} value={r}>
              {t(`centreQueue.counter.reasons.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="button" disabled={busy || area === ''} onClick={() => void issue()}>
        {t('centreQueue.counter.priorityIssue')}
      </button>
    </section>
  );
}
