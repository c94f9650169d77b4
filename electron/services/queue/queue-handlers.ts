import type { CallContext, HandlerGroup } from '../../api/dispatcher';
import type { CentreQueueStore } from './centre-queue-store';

export type QueueMethods =
  | 'queue.take'
  | 'queue.call'
  | 'queue.recall'
  | 'queue.skip'
  | 'queue.transfer'
  | 'queue.serve'
  | 'queue.status'
  | 'queue.areas';

export interface QueueHandlerDeps {
  readonly queue: CentreQueueStore;
  /**
   * Throws AUTH_REQUIRED / AUTH_FORBIDDEN unless a clerk is signed in on the
   * calling connection: calling is a counter's work, and a priority ticket is
   * the operator's decision, never a button an anonymous kiosk page presses.
   */
  readonly requireClerk: (context: CallContext) => { readonly username: string };
  /** config centre.maxCalls: the counter screen enables "skip" from that many calls. */
  readonly maxCalls: number;
}

/**
 * The `queue.*` methods. Taking an ordinary number and reading the status or
 * the areas need no sign-in: the kiosk's start screen and a hall display
 * have none, and nothing they return is personal.
 */
export function createQueueHandlers(deps: QueueHandlerDeps): HandlerGroup<QueueMethods> {
  const { queue } = deps;
  return {
    'queue.take': ({ area, priority }, context) => {
      if (priority !== undefined) deps.requireClerk(context);
      return queue.take({ area, priority: priority ?? null });
    },
    'queue.call': async ({ counter }, context) => {
      const { username } = deps.requireClerk(context);
      return { counter, ticket: await queue.callNext(counter, { clerk: username }) };
    },
    'queue.recall': ({ counter }, context) => {
      deps.requireClerk(context);
      return queue.recall(counter);
    },
    'queue.skip': ({ counter }, context) => {
      deps.requireClerk(context);
      return queue.skip(counter);
    },
    'queue.transfer': (params, context) => {
      deps.requireClerk(context);
      return queue.transfer(
        params.counter,
        'toCounter' in params ? { counter: params.toCounter } : { area: params.toArea },
      );
    },
    'queue.serve': ({ counter, dossierCode }, context) => {
      deps.requireClerk(context);
      return queue.serve(counter, dossierCode === undefined ? {} : { dossierCode });
    },
    'queue.status': () => queue.status(),
    'queue.areas': async () => ({ areas: await queue.areas(), maxCalls: deps.maxCalls }),
  };
}
