import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Result } from '../../../electron/api/contract';
import type { ApiError } from '../../../electron/api/errors';
import { useKiosk } from '../../api/KioskContext';
import { useSpokenAlert, useSpokenScreen } from '../../components/voice/use-spoken';
import { useApiErrorText } from '../../i18n/use-api-error-text';
import { AppointmentCheckIn, useAppointmentNote, type CheckedIn } from './AppointmentCheckIn';
import { TicketView } from './TicketView';
import './queue.css';

type Area = Result<'queue.areas'>['areas'][number];

/** The area a citizen who does not know picks; the last one configured is the centre's "other". */
function otherArea(areas: readonly Area[]): Area | undefined {
  return areas.find((a) => /khác/i.test(a.name)) ?? areas.at(-1);
}

/**
 * "Lấy số thứ tự" on the kiosk: one question (which area), one large button
 * per area, then the ticket. Priority is the operator's decision, so the
 * screen sends those citizens to a clerk instead of offering a button.
 */
export function TakeNumber() {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const navigate = useNavigate();
  const errorText = useApiErrorText();
  const [areas, setAreas] = useState<readonly Area[] | null>(null);
  const [taking, setTaking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [ticket, setTicket] = useState<Result<'queue.take'> | null>(null);
  const [appointment, setAppointment] = useState<'card' | CheckedIn | null>(null);
  const appointmentNote = useAppointmentNote();

  useEffect(() => {
    let live = true;
    void api.queue.areas().then((result) => {
      if (!live) return;
      if (result.ok) setAreas(result.value.areas);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const take = async (area: string) => {
    setTaking(true);
    setError(null);
    const result = await api.queue.take({ area });
    setTaking(false);
    if (result.ok) setTicket(result.value);
    else setError(result.error);
  };
  const home = useCallback(() => void navigate('/', { replace: true }), [navigate]);
  // A chip was read: the core forgets that read too, as at the end of a self-service session.
  const homeAfterCard = useCallback(() => {
    void api.session.end({ reason: 'done' });
    home();
  }, [api, home]);

  useSpokenScreen(
    ticket === null && appointment === null
      ? `${t('centreQueue.take.question')} ${t('centreQueue.take.voiceChoices')}`
      : undefined,
  );
  const failure = error === null ? undefined : errorText(error);
  useSpokenAlert(failure);

  if (ticket !== null) return <TicketView ticket={ticket} onDone={home} />;
  if (appointment === 'card')
    return (
      <AppointmentCheckIn
        onTicket={setAppointment}
        onOrdinary={() => {
          void api.session.end({ reason: 'done' });
          setAppointment(null);
        }}
      />
    );
  if (appointment !== null)
    return (
      <TicketView
        ticket={appointment.ticket}
        onDone={homeAfterCard}
        note={appointmentNote(appointment)}
      />
    );
  const other = areas === null ? undefined : otherArea(areas);
  return (
    <main className="screen queue-take">
      <h1>{t('centreQueue.take.question')}</h1>
      {other !== undefined && (
        <p className="lead">{t('centreQueue.take.hint', { other: other.name })}</p>
      )}
      {areas === null && error === null && <p role="status">{t('centreQueue.take.loading')}</p>}
      {failure !== undefined && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      {areas !== null && (
        <div className="queue-areas">
          {areas.map((area) => (
            <button
              key={area.code}
              type="button"
              className="queue-area-button"
              disabled={taking}
              onClick={() => void take(area.code)}
            >
              {area.name}
            </button>
          ))}
        </div>
      )}
      {taking && <p role="status">{t('centreQueue.take.taking')}</p>}
      <button
        type="button"
        className="queue-appointment-button"
        disabled={taking}
        onClick={() => {
          setAppointment('card');
        }}
      >
        <span className="queue-appointment-title">{t('centreQueue.appointment.button')}</span>
        <span className="queue-appointment-hint">{t('centreQueue.appointment.buttonHint')}</span>
      </button>
      <p className="queue-priority-note">{t('centreQueue.take.priority')}</p>
      <div className="queue-nav">
        <button type="button" onClick={home}>
          {t('centreQueue.take.back')}
        </button>
      </div>
    </main>
  );
}
