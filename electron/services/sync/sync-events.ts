import type { OutboxOp } from '../../api/contract/dossier';

/** The sync engine's events, typed for the UI badge ("3 hồ sơ chờ đồng bộ") and the `sync.progress` API event. */

export interface QueueDepth {
  /** Rows waiting to be sent (including ones scheduled for a later retry). */
  readonly pending: number;
  /** Rows parked after a rejection, waiting for staff. */
  readonly parked: number;
}

export interface SyncProgress extends QueueDepth {
  readonly dossierId: string;
  readonly entryId: string;
  /** For people: the dossier code (mã hồ sơ) when the row names it, else the file name, else the dossier id. */
  readonly label: string;
  readonly op: OutboxOp;
  readonly outcome: 'done' | 'retry' | 'parked';
  /** Vietnamese: the portal's refusal for `parked`, the transient cause for `retry`. */
  readonly message: string | null;
}

export interface SyncEventMap {
  readonly progress: SyncProgress;
  readonly depth: QueueDepth;
  readonly online: { readonly online: boolean };
}

type Listener<T> = (payload: T) => void;

/** A minimal typed emitter; a listener that throws never breaks the sync loop. */
export class SyncEvents {
  readonly #listeners = new Map<keyof SyncEventMap, Set<Listener<never>>>();

  on<K extends keyof SyncEventMap>(event: K, listener: Listener<SyncEventMap[K]>): () => void {
    let set = this.#listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  emit<K extends keyof SyncEventMap>(event: K, payload: SyncEventMap[K]): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      try {
        (listener as Listener<SyncEventMap[K]>)(payload);
      } catch {
        // A UI listener's bug must not stop the queue from draining.
      }
    }
  }
}
