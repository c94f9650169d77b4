import type { CallContext, HandlerGroup } from '../api/dispatcher';
import type { EventHub } from '../api/event-hub';
import type { CentreConfig } from '../services/config/centre-schema';
import type { HealthProbe } from '../services/health/health-check';
import type { SurveyPortal } from '../services/portal/survey-portal';
import type { OpenedCentreQueue } from '../services/queue/open-centre-queue';
import {
  createAppointmentHandlers,
  type AppointmentMethods,
} from '../services/queue/appointments/appointment-handlers';
import { createQueueHandlers, type QueueMethods } from '../services/queue/queue-handlers';
import { queueAreasOf } from '../services/queue/queue-rules';
import {
  createRatingHandlers,
  type RatingMethods,
} from '../services/queue/ratings/rating-handlers';
import { createRatingProbe } from '../services/queue/ratings/rating-probe';
import { RatingSync } from '../services/queue/ratings/rating-sync';
import { RecentTickets, rememberTaken } from '../services/queue/recent-tickets';
import { readCentreReport } from '../services/queue/reports/read-centre-report';
import { createReportHandlers } from '../services/queue/reports/report-handlers';
import {
  createTicketPrintHandlers,
  type TicketPrintDeps,
} from '../services/queue/ticket-print-handlers';

export interface QueueWiring {
  readonly handlers: HandlerGroup<
    QueueMethods | AppointmentMethods | 'ticket.print' | RatingMethods | 'report.centre'
  >;
  /** Diagnostics line `ratings`: ratings owed to the portal and refused by it. */
  readonly ratingProbe: HealthProbe;
  /** Stops forwarding calls and delivering ratings, then closes the queue's connections. */
  readonly stop: () => Promise<void>;
}

/**
 * The centre queue, wired with everything that reads its tickets: `queue.*`,
 * `appointment.*` (a booking picked up with the CCCD), `ticket.print`, `rating.*` (with the loop that delivers ratings to the
 * portal) and `report.centre`. The opened queue brings its own ratings and
 * report facts, so the embedded SQLite queue and a centre's shared
 * PostgreSQL one wire the same.
 *
 * Every call or recall the queue commits is published as `queue.called`,
 * every other change (take, serve, skip, transfer) as `queue.areaChanged`, to
 * every page, signed in or not, because the hall display (`/display`) has
 * no sign-in.
 */
export function wireQueue(deps: {
  readonly centre: OpenedCentreQueue;
  readonly config: CentreConfig;
  readonly events: EventHub;
  /** Throws AUTH_REQUIRED / AUTH_FORBIDDEN unless a clerk or an admin is signed in. */
  readonly requireClerk: (context: CallContext) => { readonly username: string };
  readonly printer: TicketPrintDeps['printer'];
  readonly centreName: string;
  /** The ID number of the chip the core read last: an appointment is picked up only with it. */
  readonly lastChipId: () => string | null;
  /** Null when the portal settings are invalid: ratings are kept, not delivered. */
  readonly portal: SurveyPortal | null;
  readonly onRatingError: (message: string) => void;
}): QueueWiring {
  const stopEvents = deps.centre.queue.onCall((call) => {
    // Copied field by field: the event carries the contract's shape and
    // nothing a store might add later (a clerk's name, a dossier).
    deps.events.emit('queue.called', {
      number: call.number,
      area: call.area,
      areaName: call.areaName,
      counter: call.counter,
      calls: call.calls,
      at: call.at,
    });
  });
  // Takes, serves, skips and transfers: the screens' waiting counts follow at once.
  const stopChanges = deps.centre.queue.onChange((change) => {
    deps.events.emit('queue.areaChanged', {
      area: change.area,
      areaName: change.areaName,
      waiting: change.waiting,
      at: change.at,
    });
  });
  // Tickets this core handed out lately: the only ones `ticket.print` prints.
  const recent = new RecentTickets();
  // Citizens' ratings: each is its own outbox row, delivered to the portal's
  // survey interface (UNCONFIRMED) by its own small loop.
  const { ratings } = deps.centre;
  const ratingSync =
    deps.portal === null
      ? undefined
      : new RatingSync(ratings, deps.portal, { onError: deps.onRatingError });
  ratingSync?.start();
  const areas = queueAreasOf(deps.config);
  // One wrapped store: a ticket from an appointment check-in prints like any other.
  const taken = rememberTaken(deps.centre.queue, recent);
  return {
    handlers: {
      ...createQueueHandlers({
        queue: taken,
        requireClerk: deps.requireClerk,
        maxCalls: deps.config.maxCalls,
      }),
      ...createAppointmentHandlers({
        book: deps.centre.appointments,
        queue: taken,
        requireClerk: deps.requireClerk,
        lastChipId: deps.lastChipId,
      }),
      ...createTicketPrintHandlers({
        recent,
        printer: deps.printer,
        centreName: deps.centreName,
      }),
      ...createRatingHandlers({ ratings, onRated: () => ratingSync?.wake() }),
      ...createReportHandlers({
        centreReport: (from, to) => readCentreReport(deps.centre.reportFacts, areas, { from, to }),
        requireStaff: deps.requireClerk,
      }),
    },
    ratingProbe: createRatingProbe({ outbox: ratings, delivering: ratingSync !== undefined }),
    stop: async () => {
      stopEvents();
      stopChanges();
      // The delivery pass in flight finishes before the connections close under it.
      await ratingSync?.stop();
      await deps.centre.close();
    },
  };
}
