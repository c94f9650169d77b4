/**
 * The `sync.*` API methods and the `sync.progress` event over a running
 * {@link SyncEngine}. The composition root starts the engine, spreads these
 * handlers into the dispatcher and passes the transports' emit to
 * {@link forwardSyncProgress}.
 */
import type { SyncProgressView, SyncStatusView } from '../../api/contract/sync';
import type { HandlerGroup } from '../../api/dispatcher';
import type { SyncEngine, SyncStatus } from './sync-engine';

export function toStatusView(status: SyncStatus): SyncStatusView {
  return {
    online: status.online,
    pending: status.pending,
    parked: status.parked,
    lastSyncAt: status.lastSyncAt === null ? null : new Date(status.lastSyncAt).toISOString(),
    lastError: status.lastError,
  };
}

export function createSyncHandlers(deps: {
  readonly engine: SyncEngine;
}): HandlerGroup<'sync.status' | 'sync.now'> {
  return {
    'sync.status': () => toStatusView(deps.engine.status()),
    'sync.now': async () => {
      const status = await deps.engine.syncNow();
      return toStatusView(status);
    },
  };
}

/** Forwards the engine's progress (and online changes) as `sync.progress` payloads; returns the unsubscribe. */
export function forwardSyncProgress(
  engine: SyncEngine,
  emit: (payload: SyncProgressView) => void,
): () => void {
  const off = engine.events.on('progress', (p) => {
    emit({
      dossierId: p.dossierId,
      op: p.op,
      outcome: p.outcome,
      message: p.message,
      pending: p.pending,
      parked: p.parked,
      online: engine.status().online,
    });
  });
  return off;
}
