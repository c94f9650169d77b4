import type Database from 'better-sqlite3';
import type { CentreQueueStore, QueueCall } from './centre-queue-store';
import { QueueBroadcast } from './queue-broadcast';
import { IN_AREA_LINE_SQL, queueDay } from './queue-rules';

/** How often this process looks for commits by other processes (a cheap pragma read). */
const WATCH_MS = 300;

interface CalledRow {
  readonly number: number;
  readonly area: string;
  readonly counter: number;
  readonly calls: number;
  /** The latest call or recall (queue:0006); the first call's time on older rows. */
  readonly at: number;
}

interface CountRow {
  readonly area: string;
  readonly status: string;
  readonly n: number;
  /** Of those, the ones in the area's line (not sent to one counter). */
  readonly in_line: number;
}

/**
 * The embedded queue's calls and changes made by another process on the
 * same SQLite file (`kiosk queue call` or `take` from a script, a second
 * shell) reach this process's pages as `queue.called` and `queue.areaChanged`
 * too, as PostgreSQL's LISTEN does for a shared queue. `PRAGMA data_version`
 * changes only when another connection commits, so between such commits the
 * watch reads nothing else. A call is published once: each is keyed by
 * counter, number and call count. A change is an area whose counts of today
 * (its line, waiting, called, served, no-show) differ from the last look,
 * unless a call of that area was just published (the call already says so).
 * The line counts on its own: a call and a transfer to one counter within
 * one look leave the area's other counts as they were. A recall carries its
 * own time (last_call_at), not the first call's.
 */
export function withOtherProcessCalls(
  queue: CentreQueueStore,
  database: Database.Database,
  areaNames: ReadonlyMap<string, string>,
  now: () => number = Date.now,
): { readonly queue: CentreQueueStore; readonly stop: () => void } {
  const broadcast = new QueueBroadcast();
  const published = new Set<string>();
  const keyOf = (call: Pick<QueueCall, 'counter' | 'number' | 'calls'>) =>
    `${call.counter}:${call.number}:${call.calls}`;
  const publish = (call: QueueCall) => {
    const key = keyOf(call);
    if (published.has(key)) return;
    published.add(key);
    // Bounded: only the latest keys matter, a duplicate can only come from the last few.
    if (published.size > 2000) published.delete(published.values().next().value ?? '');
    broadcast.call(call);
  };
  queue.onCall(publish);
  queue.onChange((change) => {
    broadcast.change(change);
  });

  const version = database.prepare<[], { data_version: number }>('PRAGMA data_version');
  // The tickets called now: at most one per counter. A first call or a recall
  // by another process shows as a key not published yet; a transfer or a
  // serve leaves this set and publishes nothing.
  const current = database.prepare<[], CalledRow>(
    `SELECT number, area, counter, calls, COALESCE(last_call_at, called_at) AS at FROM queue_tickets
     WHERE status = 'called' AND counter IS NOT NULL AND calls >= 1`,
  );
  const counts = database.prepare<[string], CountRow>(
    `SELECT area, status, COUNT(*) AS n, SUM(${IN_AREA_LINE_SQL}) AS in_line
     FROM queue_tickets WHERE day = ? GROUP BY area, status`,
  );
  /**
   * Each area's counts of `day`: its line (queue-rules' waitingInArea, as
   * queue.status counts it), and all of them as one comparable string.
   */
  const lookAtCounts = (day: string): Map<string, { waiting: number; all: string }> => {
    const byArea = new Map<string, Record<string, number>>();
    for (const row of counts.all(day))
      byArea.set(row.area, {
        ...byArea.get(row.area),
        [row.status]: row.n,
        ...(row.status === 'waiting' ? { line: row.in_line } : {}),
      });
    return new Map(
      [...byArea].map(([area, n]) => [
        area,
        {
          waiting: n.line ?? 0,
          all: `${n.line ?? 0}/${n.waiting ?? 0}/${n.called ?? 0}/${n.served ?? 0}/${n.no_show ?? 0}`,
        },
      ]),
    );
  };
  // Calls made before this process started were announced then, not again now.
  for (const row of current.all()) published.add(keyOf(row));
  let seenDay = queueDay(now());
  let seenCounts = lookAtCounts(seenDay);
  let seenVersion = version.get()?.data_version ?? 0;
  const timer = setInterval(() => {
    try {
      const dataVersion = version.get()?.data_version ?? 0;
      if (dataVersion === seenVersion) return;
      seenVersion = dataVersion;
      const calledAreas = new Set<string>();
      for (const row of current.all()) {
        if (published.has(keyOf(row))) continue;
        calledAreas.add(row.area);
        publish({
          number: row.number,
          area: row.area,
          areaName: areaNames.get(row.area) ?? row.area,
          counter: row.counter,
          calls: row.calls,
          at: row.at,
        });
      }
      const at = now();
      const day = queueDay(at);
      const counted = lookAtCounts(day);
      const before = day === seenDay ? seenCounts : new Map<string, { all: string }>();
      for (const [area, { waiting, all }] of counted) {
        if (before.get(area)?.all === all || calledAreas.has(area)) continue;
        broadcast.change({ area, areaName: areaNames.get(area) ?? area, waiting, at });
      }
      seenDay = day;
      seenCounts = counted;
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
      onCall: (listener) => broadcast.onCall(listener),
      onChange: (listener) => broadcast.onChange(listener),
    },
    stop: () => {
      clearInterval(timer);
    },
  };
}
