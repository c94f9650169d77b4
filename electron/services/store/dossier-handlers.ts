import type { CallContext, HandlerGroup } from '../../api/dispatcher';
import type { DossierStore } from './dossier-store';

export interface DossierHandlerDeps {
  readonly store: DossierStore;
  /** Who is calling, for the audit log (the signed-in staff member once auth lands). */
  readonly actorOf: (context: CallContext) => string;
}

/** `dossier.list`, `dossier.get`, `dossier.resubmit` over the store. */
export function createDossierHandlers(
  deps: DossierHandlerDeps,
): HandlerGroup<'dossier.list' | 'dossier.get' | 'dossier.resubmit'> {
  const { store } = deps;
  return {
    'dossier.list': (params, context) => ({
      dossiers: store.list(
        {
          ...(params.status === undefined ? {} : { status: params.status }),
          ...(params.syncState === undefined ? {} : { syncState: params.syncState }),
          ...(params.limit === undefined ? {} : { limit: params.limit }),
          ...(params.offset === undefined ? {} : { offset: params.offset }),
        },
        deps.actorOf(context),
      ),
      depth: store.outbox.depth(),
    }),
    'dossier.get': (params, context) => store.get(params.idOrCode, deps.actorOf(context)),
    'dossier.resubmit': (params, context) => {
      store.resubmit(params.idOrCode, deps.actorOf(context), params.fix ?? {});
      return { depth: store.outbox.depth() };
    },
  };
}

/** Forwards queue depth changes to the API's `queue.changed` event; returns the unsubscribe. */
export function forwardQueueChanges(
  store: DossierStore,
  emit: (payload: { pending: number; parked: number }) => void,
): () => void {
  return store.outbox.onChange(emit);
}
