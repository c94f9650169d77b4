import type Database from 'better-sqlite3';
import type { CentreQueueStore, QueueCall, QueueCallListener } from './centre-queue-store';

/** How often this process looks for commits by other processes (a cheap pragma read). */
const WATCH_MS = 300;

interface CalledRow {
  readonly number: number;
  readonly area: string;
  readonly counter: number;
  readonly calls: number;
  readonly called_at: number;
}

/**
 * The embedded queue's calls made by another process on the same SQLite
 * file (`kiosk queue call` from a script, a second shell) reach this
 * process's pages as `queue.called` too, as PostgreSQL's LISTEN does for a
 * shared queue. `PRAGMA data_version` changes only when another connection
 * commits, so between such commits the watch reads nothing else. A call is
 * published once: each is keyed by counter, number and call count. A recall's
 * `at` is its first call's time (the row keeps no time per recall).
 */
export function withOtherProcessCalls(
  queue: CentreQueueStore,
  database: Database.Database,
  areaNames: ReadonlyMap<string, string>,
): { readonly queue: CentreQueueStore; readonly stop: () => void } {
  const listeners = new Set<QueueCallListener>();
  const published = new Set<string>();
  const keyOf = (call: Pick<QueueCall, 'counter' | 'number' | 'calls'>) =>
    `${call.counter}:${call.number}:${call.calls}`;
  const publish = (call: QueueCall) => {
    const key = keyOf(call);
    if (published.has(key)) return;
    published.add(key);
    // Bounded: only the latest keys matter, a duplicate can only come from the last few.
    if (published.size > 2000) published.delete(published.values().next().value ?? '');
    for (const listener of listeners) listener(call);
  };
  queue.onCall(publish);

  const version = database.prepare<[], { data_version: number }>('PRAGMA data_version');
  // The tickets called now: at most one per counter. A first call or a recall
  // by another process shows as a key not published yet; a transfer or a
  // serve leaves this set and publishes nothing.
  const current = database.prepare<[], CalledRow>(
    `SELECT number, area, counter, calls, called_at FROM queue_tickets
     WHERE status = 'called' AND counter IS NOT NULL AND calls >= 1`,
  );
  // Calls made before this process started were announced then, not again now.
  for (const row of current.all()) published.add(keyOf(row));
  let seenVersion = version.get()?.data_version ?? 0;
  const timer = setInterval(() => {
    try {
      const now = version.get()?.data_version ?? 0;
      if (now === seenVersion) return;
      seenVersion = now;
      for (const row of current.all()) {
        publish({
          number: row.number,
          area: row.area,
          areaName: areaNames.get(row.area) ?? row.area,
          counter: row.counter,
          calls: row.calls,
          at: row.called_at,
        });
      }
    } catch {
      // A closed or busy database: the next tick tries again; pages still poll.
    }
  }, WATCH_MS);
  timer.unref();

  return {
    queue: {
      areas: () => queue.areas(),
      take: (input) => queue.take(input),
      callNext: (counter, options) => queue.callNext(counter, options),
      recall: (counter) => queue.recall(counter),
      skip: (counter) => queue.skip(counter),
      transfer: (counter, to) => queue.transfer(counter, to),
      serve: (counter, options) => queue.serve(counter, options),
      status: () => queue.status(),
      onCall: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    stop: () => {
      clearInterval(timer);
    },
  };
}
