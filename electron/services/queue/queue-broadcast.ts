import type {
  QueueCall,
  QueueCallListener,
  QueueChange,
  QueueChangeListener,
} from './centre-queue-store';

/**
 * The listeners of one queue object's calls and changes. Each is told after
 * the commit, so it sees only what happened; one that throws stops no other
 * (a display that failed must not hide a call or a count from the rest).
 */
export class QueueBroadcast {
  readonly #calls = new Set<QueueCallListener>();
  readonly #changes = new Set<QueueChangeListener>();

  onCall(listener: QueueCallListener): () => void {
    this.#calls.add(listener);
    return () => this.#calls.delete(listener);
  }

  onChange(listener: QueueChangeListener): () => void {
    this.#changes.add(listener);
    return () => this.#changes.delete(listener);
  }

  /** False while nobody listens for changes: the counts need not be read. */
  get hearsChanges(): boolean {
    return this.#changes.size > 0;
  }

  call(call: QueueCall): void {
    for (const listener of this.#calls) {
      try {
        listener(call);
      } catch {
        // See the class comment.
      }
    }
  }

  change(change: QueueChange): void {
    for (const listener of this.#changes) {
      try {
        listener(change);
      } catch {
        // See the class comment.
      }
    }
  }
}
