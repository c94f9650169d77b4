import type { Config } from '../services/config/config-schema';
import type { Portal } from '../services/portal/portal';
import { askPortal, DEFAULT_ASK_TIMEOUT_MS } from '../services/returns/readiness';
import {
  ReadinessRefresh,
  type ReadinessRefreshStore,
} from '../services/returns/readiness-refresh';
import type { DossierStore } from '../services/store/dossier-store';

/** The store's part the refresh needs: the dossier rows and the outbox's portal-status record. */
export function refreshStoreOf(store: DossierStore): ReadinessRefreshStore {
  return {
    awaitingResult: (limit) => store.awaitingResult(limit),
    markResultReady: (id, at) => store.markResultReady(id, at),
    recordPortalStatus: (id, status, at) => {
      store.outbox.recordPortalStatus(id, status, at);
    },
  };
}

/**
 * The readiness refresh, wired and started: the portal the sync engine uses,
 * `returns.readinessRefreshMinutes` apart, `returns.readinessBatch` lookups
 * a round. None without a valid portal or with the interval set to 0.
 */
export function startReadinessRefresh(deps: {
  readonly config: Config;
  readonly store: DossierStore;
  readonly portal: Pick<Portal, 'lookup'> | null;
  readonly log: ConstructorParameters<typeof ReadinessRefresh>[0]['log'];
}): ReadinessRefresh | null {
  const { portal, store } = deps;
  const minutes = deps.config.returns.readinessRefreshMinutes;
  if (portal === null || minutes === 0) return null;
  const refresh = new ReadinessRefresh(
    {
      store: refreshStoreOf(store),
      ask: (code) => askPortal(portal, code, DEFAULT_ASK_TIMEOUT_MS),
      log: deps.log,
    },
    { intervalMs: minutes * 60_000, batch: deps.config.returns.readinessBatch },
  );
  refresh.start();
  return refresh;
}
