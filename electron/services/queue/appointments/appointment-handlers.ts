import type { CallContext, HandlerGroup } from '../../../api/dispatcher';
import type { CentreQueueStore } from '../centre-queue-store';
import type { AppointmentBook } from './appointment-book';
import { checkInAppointment } from './appointment-check-in';
import { cardNotRead } from './appointment-errors';
import { vnNow } from './appointment-rules';

export type AppointmentMethods = 'appointment.book' | 'appointment.list' | 'appointment.checkIn';

/**
 * The `appointment.*` methods. Booking and the day's list are a clerk's
 * work; checking in is the kiosk's, with no sign-in, and returns nothing
 * personal (slot, area, ticket). `queue` is the same wrapped store the
 * `queue.*` methods use, so a check-in ticket can be printed like any other.
 */
export function createAppointmentHandlers(deps: {
  readonly book: AppointmentBook;
  readonly queue: Pick<CentreQueueStore, 'take'>;
  readonly requireClerk: (context: CallContext) => { readonly username: string };
  /**
   * The ID number of this core's last chip read (null when none, or after the
   * session ended): the renderer is untrusted, so a check-in is accepted only
   * for the card the reader actually read, never for 12 digits a page typed.
   */
  readonly lastChipId: () => string | null;
  readonly now?: () => number;
}): HandlerGroup<AppointmentMethods> {
  const now = deps.now ?? Date.now;
  return {
    'appointment.book': ({ area, cccd, date, time, initials }, context) => {
      const { username } = deps.requireClerk(context);
      return deps.book.book({
        cccd,
        area,
        day: date,
        slot: time,
        initials: initials ?? null,
        bookedBy: username,
      });
    },
    'appointment.list': async ({ date }, context) => {
      deps.requireClerk(context);
      const day = date ?? vnNow(now()).day;
      return { day, appointments: await deps.book.list(day) };
    },
    'appointment.checkIn': async ({ idNumber }) => {
      if (deps.lastChipId() !== idNumber) throw cardNotRead();
      const { appointment, arrival, ticket } = await checkInAppointment(
        { book: deps.book, queue: deps.queue, now },
        idNumber,
      );
      return {
        slot: appointment.slot,
        area: appointment.area,
        areaName: appointment.areaName,
        arrival,
        ticket,
      };
    },
  };
}
