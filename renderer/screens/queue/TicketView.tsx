import { useTranslation } from 'react-i18next';
import type { Result } from '../../../electron/api/contract';
import { useSpokenAlert, useSpokenScreen } from '../../components/voice/use-spoken';
import { useApiErrorText } from '../../i18n/use-api-error-text';
import { useCountdown } from './use-countdown';
import { useTicketPrint } from './use-ticket-print';

/** Long enough to copy the number down by hand, short enough to free the kiosk for the next citizen. */
export const TICKET_SECONDS = 20;

type TakenTicket = Result<'queue.take'>;

export function useWaitText(): (minutes: number) => string {
  const { t } = useTranslation();
  return (minutes) =>
    minutes < 1
      ? t('centreQueue.take.waitSoon')
      : minutes < 60
        ? t('centreQueue.take.waitMinutes', { n: minutes })
        : t('centreQueue.take.waitHours', {
            hours: Math.floor(minutes / 60),
            minutes: minutes % 60,
          });
}

/**
 * The number as large as the screen allows, the area, the people ahead and
 * the wait; what the printer did, in words; back to the start by itself.
 */
export function TicketView({
  ticket,
  onDone,
  note,
}: {
  readonly ticket: TakenTicket;
  readonly onDone: () => void;
  /** A line under the area (an appointment: "called first", or why not), shown and spoken. */
  readonly note?: string;
}) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const waitText = useWaitText();
  const print = useTicketPrint(ticket.id);
  const left = useCountdown(TICKET_SECONDS, onDone);
  const number = String(ticket.number);
  const ahead =
    ticket.peopleAhead === 0
      ? t('centreQueue.take.aheadNone')
      : t('centreQueue.take.ahead', { n: ticket.peopleAhead });
  useSpokenScreen(
    `${t('centreQueue.take.spokenTicket', { number, area: ticket.areaName, ahead })}${note === undefined ? '' : ` ${note}.`}`,
  );
  const failure = print.state === 'failed' ? errorText(print.error) : undefined;
  useSpokenAlert(failure);
  return (
    <main className="screen queue-ticket" data-ticket={ticket.id}>
      <h1>{t('centreQueue.take.yourNumber')}</h1>
      <p className="queue-number" data-number={number}>
        {number}
      </p>
      <p className="queue-area">{ticket.areaName}</p>
      {note !== undefined && (
        <p className={`queue-note${ticket.booked === true ? ' queue-note-booked' : ''}`}>{note}</p>
      )}
      <ul className="queue-facts">
        <li>{ahead}</li>
        <li>{waitText(ticket.estimatedWaitMinutes)}</li>
      </ul>
      <div className="queue-print" data-print={print.state}>
        {print.state === 'printing' && <p role="status">{t('centreQueue.take.printing')}</p>}
        {print.state === 'printed' && (
          <p role="status" className="queue-print-ok">
            {print.paperNearEnd
              ? t('centreQueue.take.printedNearEnd')
              : t('centreQueue.take.printed')}
          </p>
        )}
        {failure !== undefined && (
          <div role="alert" className="queue-print-failed">
            <p>{failure}</p>
            <p className="queue-remember">{t('centreQueue.take.remember', { number })}</p>
          </div>
        )}
      </div>
      <p className="lead">{t('centreQueue.take.watch')}</p>
      <div className="queue-done">
        <button type="button" className="primary" onClick={onDone}>
          {t('centreQueue.take.done')}
        </button>
        <p className="hint" aria-live="off">
          {t('centreQueue.take.autoReturn', { seconds: left })}
        </p>
      </div>
    </main>
  );
}
