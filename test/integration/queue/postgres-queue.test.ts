import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentreSchema } from '../../../electron/services/config/centre-schema';
import type { QueueCall } from '../../../electron/services/queue/centre-queue-store';
import {
  OfflineTicketStash,
  offlineStashMigrations,
} from '../../../electron/services/queue/offline-ticket-stash';
import type { PostgresCentreQueue } from '../../../electron/services/queue/postgres-centre-queue';
import { readCentreReport } from '../../../electron/services/queue/reports/read-centre-report';
import { queueDay } from '../../../electron/services/queue/queue-rules';
import { migrate } from '../../../electron/services/store/migrator';
import { centreMachines } from '../../support/centre-machines';
import {
  postgresAvailable,
  startPostgresCluster,
  type PostgresCluster,
} from '../../support/postgres-cluster';
import { until } from '../../support/until';

// Three areas served by both counters, so the two counters race for every ticket.
const centre = CentreSchema.parse({
  areas: [
    { code: 'HT', name: 'Hộ tịch', counters: [1, 2] },
    { code: 'CU', name: 'Cư trú', counters: [1, 2] },
    { code: 'DD', name: 'Đất đai', counters: [1, 2] },
  ],
  offlineBlock: 20,
});
const AREAS = ['HT', 'CU', 'DD'] as const;

let cluster: PostgresCluster;
const machines = centreMachines(centre);

/** One machine of the centre: its own pools and its own LISTEN connection. */
function machine(name: string, stash?: OfflineTicketStash, url = cluster.url): PostgresCentreQueue {
  return machines.open(url, name, stash === undefined ? {} : { stash }).queue;
}

function localStash(): OfflineTicketStash {
  const db = new Database(':memory:');
  migrate(db, offlineStashMigrations);
  return new OfflineTicketStash(db);
}

describe.skipIf(!postgresAvailable())('the centre queue on PostgreSQL', () => {
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  });
  afterAll(async () => {
    await machines.closeAll();
    await cluster.remove();
  });

  it('creates its schema itself, once, when several machines start together', async () => {
    const started = [machine('kiosk-a'), machine('quay-1'), machine('quay-2')];
    await Promise.all(started.map((m) => m.ready()));
    expect(cluster.psql('SELECT version, name FROM kiosk_queue_migrations', 'centre')).toBe(
      '1|queue-tickets\n2|appointments\n3|ratings\n',
    );
  });

  it('500 tickets from two kiosks, called by two counters at once: no number twice, none called twice, priority first', async () => {
    cluster.emptyQueue();
    const kiosks = [machine('kiosk-1'), machine('kiosk-2')];
    const counters = [machine('quay-1'), machine('quay-2')];
    const display = machine('man-hinh');
    const calls: { call: QueueCall; seenAt: number }[] = [];
    display.onCall((call) => calls.push({ call, seenAt: Date.now() }));
    await display.listening();

    const started = performance.now();
    const taken = await Promise.all(
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(async (client) => {
        const got: number[] = [];
        for (let i = client; i < 500; i += 10) {
          const kiosk = kiosks[i % 2] ?? kiosks[0];
          const t = await kiosk!.take({
            area: AREAS[i % 3] ?? 'HT',
            priority: i % 7 === 0 ? 'elderly' : null,
          });
          got.push(t.number);
        }
        return got;
      }),
    );
    const takeSeconds = (performance.now() - started) / 1000;
    const numbers = taken.flat();
    expect(new Set(numbers).size).toBe(500);
    expect(Math.max(...numbers)).toBe(500);

    const sent = new Map<string, number>();
    const byCounter = await Promise.all(
      counters.map(async (counter, i) => {
        const got: { number: number; priority: boolean; sentAt: number; answeredAt: number }[] = [];
        for (let n = 0; n < 600; n++) {
          const before = Date.now();
          const ticket = await counter.callNext(i + 1, { clerk: `canbo${i + 1}` });
          const answeredAt = Date.now();
          if (ticket === null) break;
          sent.set(`${ticket.number}`, before);
          got.push({
            number: ticket.number,
            priority: ticket.priority !== null,
            sentAt: before,
            answeredAt,
          });
        }
        return got;
      }),
    );
    const called = byCounter.flat().map((t) => t.number);
    expect(called.length).toBe(500);
    expect(new Set(called).size).toBe(500);
    // Each counter called every priority ticket it got before any ordinary one, each kind in order.
    for (const seq of byCounter) {
      const firstOrdinary = seq.findIndex((t) => !t.priority);
      expect(seq.slice(firstOrdinary).every((t) => !t.priority)).toBe(true);
      const pri = seq.filter((t) => t.priority).map((t) => t.number);
      const ord = seq.filter((t) => !t.priority).map((t) => t.number);
      expect(pri).toEqual([...pri].sort((a, b) => a - b));
      expect(ord).toEqual([...ord].sort((a, b) => a - b));
    }
    // And across both counters: no ordinary ticket was called while a priority one waited.
    // Judged from the calls, not the database's millisecond times: two calls in flight pick
    // under SKIP LOCKED in either order. Once an ordinary call has come back, no priority
    // call may still be asked for (every ticket was taken before the calls began).
    const all = byCounter.flat();
    const lastPrioritySent = Math.max(...all.filter((t) => t.priority).map((t) => t.sentAt));
    const firstOrdinaryAnswered = Math.min(
      ...all.filter((t) => !t.priority).map((t) => t.answeredAt),
    );
    expect(lastPrioritySent).toBeLessThanOrEqual(firstOrdinaryAnswered);

    await until('every call on the display', () => calls.length >= 500, 5000);
    const latencies = calls.map(({ call, seenAt }) => seenAt - (sent.get(`${call.number}`) ?? 0));
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? Infinity;
    expect(new Set(calls.map((c) => c.call.number)).size).toBe(500);
    expect(Math.max(...latencies)).toBeLessThan(1000);
    console.log(
      `postgres queue: 500 takes by 10 clients in ${takeSeconds.toFixed(2)} s (${(500 / takeSeconds).toFixed(0)}/s); call→display p99 ${p99} ms, max ${Math.max(...latencies)} ms`,
    );
  });

  it('a database stopped mid-way: the kiosk issues reserved numbers, counters say the queue is offline, and nothing is lost or doubled once it returns', async () => {
    cluster.emptyQueue();
    const stash = localStash();
    const kiosk = machine('kiosk-offline', stash);
    const counter = machine('quay-offline');
    const display = machine('man-hinh-offline');
    const heard: number[] = [];
    display.onCall((call) => heard.push(call.number));
    await display.listening();
    const first = await kiosk.take({ area: 'HT' });
    expect(first.number).toBe(1);
    // The day the store numbered the ticket in, read once (not the clock again: 17:00 UTC may pass).
    const day = first.day;
    await until('the reserved block', () => stash.remaining(day) === 20, 5000);
    expect(cluster.psql('SELECT first_number, last_number FROM queue_blocks', 'centre')).toBe(
      '2|21\n',
    );

    await cluster.stop();
    const offline = [];
    for (let i = 0; i < 5; i++)
      offline.push(await kiosk.take({ area: 'CU', priority: i === 4 ? 'pregnant' : null }));
    expect(offline.map((t) => t.number)).toEqual([2, 3, 4, 5, 6]);
    expect(offline.map((t) => t.peopleAhead)).toEqual([0, 1, 2, 3, 0]);
    await expect(counter.callNext(1)).rejects.toMatchObject({ code: 'QUEUE_OFFLINE' });
    await expect(counter.status()).rejects.toMatchObject({ code: 'QUEUE_OFFLINE' });

    await cluster.start();
    await until(
      'the offline tickets written back',
      async () => {
        await kiosk.reconcile().catch(() => 0);
        return stash.pending().length === 0;
      },
      5000,
    );
    // Written once even if reconcile runs again (a reply lost after the commit).
    expect(await kiosk.reconcile()).toBe(0);
    expect(
      cluster.psql('SELECT number, area, offline FROM queue_tickets ORDER BY number', 'centre'),
    ).toBe('1|HT|f\n2|CU|t\n3|CU|t\n4|CU|t\n5|CU|t\n6|CU|t\n');
    // Numbers after the database returns follow the reserved block.
    const after = await kiosk.take({ area: 'HT' });
    expect(after.number).toBe(22);
    // The display's LISTEN connection came back by itself.
    await until(
      'the display listening again',
      () =>
        display.listening().then(
          () => true,
          () => false,
        ),
      5000,
    );
    // The pregnant woman's ticket issued offline is still called first, and the display hears it.
    const next = await counter.callNext(1);
    expect(next?.number).toBe(6);
    await until('the call on the display after the restart', () => heard.includes(6), 5000);
  });

  it('a ticket kiosk taking many numbers at once reserves one offline block, not one per take', async () => {
    cluster.emptyQueue();
    const stash = localStash();
    const kiosk = machine('kiosk-burst', stash);
    const taken = await Promise.all(
      Array.from({ length: 12 }, (_, i) => kiosk.take({ area: AREAS[i % 3] ?? 'HT' })),
    );
    const day = taken.at(-1)?.day ?? '';
    await until('the reserved block', () => stash.remaining(day) === 20, 5000);
    // Let any other top-up the burst started finish before counting blocks.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cluster.psql('SELECT count(*) FROM queue_blocks', 'centre')).toBe('1\n');
    const numbers = taken.map((t) => t.number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(12);
    // The one block holds 20 numbers no online take was given; it may have been reserved
    // mid-burst, so the takes' numbers can lie on both sides of it.
    const [first = NaN, last = NaN] = cluster
      .psql('SELECT first_number, last_number FROM queue_blocks', 'centre')
      .trim()
      .split('|')
      .map(Number);
    expect(last - first + 1).toBe(20);
    expect(numbers.filter((n) => n >= first && n <= last)).toEqual([]);
    // Nothing else was reserved: the day's counter stops at the higher of the two.
    expect(cluster.psql('SELECT last_number FROM queue_days', 'centre')).toBe(
      `${String(Math.max(last, ...numbers))}\n`,
    );
  });

  it('tickets issued offline and written back reach every machine’s counts as changes', async () => {
    cluster.emptyQueue();
    const stash = localStash();
    const day = queueDay(Date.now());
    // Numbers a kiosk issued from its block while the database was away, as takeOffline records them.
    stash.addBlock(day, 900, 909);
    for (const [i, area] of (['DD', 'DD', 'HT'] as const).entries())
      stash.issue({ id: `offline-${i}`, day, area, priority: null, taken_at: Date.now() });
    const display = machine('man-hinh-ghi-lai');
    const changes: { area: string; waiting: number }[] = [];
    display.onChange((change) => changes.push(change));
    await display.listening();
    const kiosk = machine('kiosk-ghi-lai', stash);
    await until(
      'the offline tickets written back',
      async () => {
        await kiosk.reconcile();
        return stash.pending().length === 0;
      },
      5000,
    );
    await until(
      'the written-back tickets in the display’s counts',
      () =>
        changes.some((c) => c.area === 'DD' && c.waiting === 2) &&
        changes.some((c) => c.area === 'HT' && c.waiting === 1),
      5000,
    );
  });

  it('tickets an earlier Vietnam day left waiting or called are closed as not served by the next day’s first counter write, and reported so', async () => {
    cluster.emptyQueue();
    // 16:55 in Vietnam; then 07:30 the next morning.
    let clock = Date.UTC(2026, 11, 7, 9, 55);
    const opened = machines.open(cluster.url, 'quay-het-ngay', { now: () => clock });
    const counter = opened.queue;
    await counter.take({ area: 'HT' });
    await counter.take({ area: 'HT' });
    await counter.take({ area: 'CU' });
    await counter.callNext(1);
    await counter.callNext(2);
    await counter.serve(2);
    clock = Date.UTC(2026, 11, 8, 0, 30);
    // Before any write of the new day: no counter shows yesterday's ticket, the report counts it not served.
    expect((await counter.status()).counters.map((c) => c.current)).toEqual([null, null]);
    const yesterday = { from: '2026-12-07', to: '2026-12-07' };
    const report = () => readCentreReport(opened.reportFacts, centre.areas, yesterday, () => clock);
    {
      expect((await report()).period.tickets).toMatchObject({
        taken: 3,
        served: 1,
        noShows: 2,
        waiting: 0,
        called: 0,
      });
      expect((await counter.take({ area: 'HT' })).number).toBe(1);
      expect(await counter.callNext(1)).toMatchObject({ day: '2026-12-08', number: 1 });
      expect(
        cluster.psql(
          'SELECT day, number, status, served_at IS NULL FROM queue_tickets ORDER BY day, number',
          'centre',
        ),
      ).toBe(
        '2026-12-07|1|no_show|t\n2026-12-07|2|served|f\n2026-12-07|3|no_show|t\n2026-12-08|1|called|t\n',
      );
      expect((await report()).period.tickets).toMatchObject({ served: 1, noShows: 2 });
    }
  });

  it('tells each citizen how many wait before them, priority tickets going first', async () => {
    cluster.emptyQueue();
    const kiosk = machine('kiosk-ahead');
    const ahead = [];
    for (const priority of [null, null, 'elderly', 'merit', null] as const)
      ahead.push((await kiosk.take({ area: 'DD', priority })).peopleAhead);
    expect(ahead).toEqual([0, 1, 0, 1, 4]);
  });

  it('machines with their own credentials share one schema, set up with the README’s psql commands', async () => {
    cluster.psql('CREATE ROLE centre_queue NOLOGIN');
    cluster.psql('CREATE DATABASE centre_roles OWNER centre_queue');
    for (const role of ['may_lay_so', 'quay_1']) {
      cluster.psql(`CREATE ROLE ${role} LOGIN PASSWORD '${role}-pw' IN ROLE centre_queue`);
      cluster.psql(`ALTER ROLE ${role} SET role = 'centre_queue'`);
    }
    const url = (role: string) =>
      `postgresql://${role}:${role}-pw@127.0.0.1:${cluster.port}/centre_roles`;
    const kiosk = machine('may-lay-so', undefined, url('may_lay_so'));
    const counter = machine('quay-1', undefined, url('quay_1'));
    expect((await kiosk.take({ area: 'HT' })).number).toBe(1);
    expect((await counter.callNext(1))?.number).toBe(1);
    expect(
      cluster.psql(
        "SELECT tableowner FROM pg_tables WHERE tablename = 'queue_tickets'",
        'centre_roles',
      ),
    ).toBe('centre_queue\n');
  });

  it('answers in Vietnamese with what to do when a counter has no called number', async () => {
    const counter = machine('quay-loi');
    await expect(counter.recall(2)).rejects.toMatchObject({
      code: 'QUEUE_NO_CURRENT',
      vi: 'Quầy số 2 chưa gọi số nào. Gọi số tiếp theo trước.',
    });
  });
});
