import type { CallContext, HandlerGroup } from '../api/dispatcher';
import type { EventHub } from '../api/event-hub';
import type { CentreQueueStore } from '../services/queue/centre-queue-store';
import { createQueueHandlers, type QueueMethods } from '../services/queue/queue-handlers';

export interface QueueWiring {
  readonly handlers: HandlerGroup<QueueMethods>;
  /** Stops forwarding calls (the core is closing). */
  readonly stop: () => void;
}

/**
 * The centre queue, wired: its `queue.*` methods, and every call or recall
 * it commits published as `queue.called` to every page, signed in or not,
 * because the hall display (`/display`) has no sign-in. The store is passed
 * in, so the embedded SQLite queue and a centre's shared one wire the same.
 */
export function wireQueue(deps: {
  readonly queue: CentreQueueStore;
  readonly events: EventHub;
  readonly requireClerk: (context: CallContext) => { readonly username: string };
  readonly maxCalls: number;
}): QueueWiring {
  const stop = deps.queue.onCall((call) => {
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
  return {
    handlers: createQueueHandlers({
      queue: deps.queue,
      requireClerk: deps.requireClerk,
      maxCalls: deps.maxCalls,
    }),
    stop,
  };
}
