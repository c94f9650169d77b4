import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../electron/api/contract';
import type { ApiError } from '../../../electron/api/errors';
import { useKiosk } from '../../api/KioskContext';
import { useSpokenAlert, useSpokenScreen } from '../../components/voice/use-spoken';
import { useApiErrorText } from '../../i18n/use-api-error-text';
import { KioskCardStep } from '../self-service/KioskCardStep';

export type CheckedIn = Result<'appointment.checkIn'>;

/**
 * "Tôi đã đặt lịch hẹn": the kiosk's own card step (the same keypad and
 * reader states as the self-service flow), then the core looks up today's
 * appointment of the number the chip gave. Only that number leaves this
 * screen; the rest of the chip read (name, photo) is dropped here.
 */
export function AppointmentCheckIn({
  onTicket,
  onOrdinary,
}: {
  readonly onTicket: (checkedIn: CheckedIn) => void;
  /** Back to the area buttons for an ordinary number. */
  readonly onOrdinary: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const errorText = useApiErrorText();
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [readerDown, setReaderDown] = useState(false);
  useSpokenScreen(readerDown ? undefined : t('centreQueue.appointment.question'));
  const failure = error === null ? undefined : errorText(error);
  useSpokenAlert(failure);

  const checkIn = async (idNumber: string) => {
    setChecking(true);
    setError(null);
    const result = await api.appointment.checkIn({ idNumber });
    setChecking(false);
    if (result.ok) onTicket(result.value);
    else setError(result.error);
  };

  return (
    <main className="screen queue-appointment">
      <h1>{t('centreQueue.appointment.question')}</h1>
      {failure === undefined && !checking && (
        <KioskCardStep
          onRead={(read) => void checkIn(read.citizen.id)}
          onReaderDown={setReaderDown}
          hint={t('centreQueue.appointment.hint')}
        />
      )}
      {checking && (
        <p role="status" className="progress">
          {t('centreQueue.appointment.checking')}
        </p>
      )}
      {failure !== undefined && (
        <p role="alert" className="error queue-appointment-error">
          {failure}
        </p>
      )}
      <div className="queue-nav">
        {failure !== undefined && (
          <button
            type="button"
            onClick={() => {
              setError(null);
            }}
          >
            {t('centreQueue.appointment.again')}
          </button>
        )}
        <button
          type="button"
          className={failure === undefined ? '' : 'primary'}
          onClick={onOrdinary}
        >
          {t('centreQueue.appointment.ordinary')}
        </button>
      </div>
    </main>
  );
}

/** The line the ticket screen shows under the number: called first, or why not. */
export function useAppointmentNote(): (checkedIn: CheckedIn) => string {
  const { t } = useTranslation();
  return ({ arrival, slot }) =>
    arrival === 'on_time'
      ? t('centreQueue.appointment.onTime', { slot })
      : arrival === 'early'
        ? t('centreQueue.appointment.early', { slot })
        : t('centreQueue.appointment.late', { slot });
}
