import type { CentreQueueStore, TakenTicket } from '../centre-queue-store';
import type { Appointment, AppointmentBook, Arrival } from './appointment-book';
import {
  appointmentAlreadyUsed,
  appointmentInvalid,
  noAppointmentToday,
} from './appointment-errors';
import { vnNow } from './appointment-rules';
import { isCitizenId } from '../../../../native/smartcard/citizen/citizen';

export interface CheckedIn {
  readonly appointment: Appointment;
  readonly arrival: Arrival;
  readonly ticket: TakenTicket;
}

/**
 * Picks up today's appointment of the card read at the kiosk: claims it
 * (once, whichever kiosk is first), then takes a ticket for its area
 * through the ordinary queue — booked when the citizen came within the
 * window, ordinary when early or late — and records the ticket on it.
 *
 * The claim commits before the ticket is taken (the queue may be another
 * database's store), so a failed take gives the claim back; a crash between
 * the two leaves the appointment picked up without a ticket, which the
 * second kiosk's message and the staff list (ticket "—") make visible.
 */
export async function checkInAppointment(
  deps: {
    readonly book: AppointmentBook;
    readonly queue: Pick<CentreQueueStore, 'take'>;
    readonly now?: () => number;
  },
  cccd: string,
): Promise<CheckedIn> {
  if (!isCitizenId(cccd))
    throw appointmentInvalid(
      'Không đọc được số định danh trên thẻ. Mời Ông/Bà đặt lại thẻ lên đầu đọc, hoặc chọn lĩnh vực để lấy số thường.',
      'The ID number could not be read from the card. Place the card again, or choose an area for an ordinary number.',
    );
  const at = (deps.now ?? Date.now)();
  const { day, minutes } = vnNow(at);
  const claim = await deps.book.claim({ cccd, day, minutes, at });
  if (claim.kind === 'none') throw noAppointmentToday();
  if (claim.kind === 'already') throw appointmentAlreadyUsed(claim.appointment);
  const { appointment } = claim;
  const arrival = appointment.arrival ?? 'on_time';
  let ticket: TakenTicket;
  try {
    ticket = await deps.queue.take({ area: appointment.area, booked: arrival === 'on_time' });
  } catch (error) {
    await deps.book.release(appointment.id).catch(() => undefined);
    throw error;
  }
  // The citizen holds the ticket whatever happens next; a failed note only leaves the number off the list.
  await deps.book.settle(appointment.id, ticket).catch(() => undefined);
  return { appointment: { ...appointment, ticketNumber: ticket.number }, arrival, ticket };
}
