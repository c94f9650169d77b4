/**
 * Part 3 of `npm run bench -- queue` (issue 19): tickets per second the
 * shared centre queue allocates on PostgreSQL under 10 concurrent clients
 * (each its own machine: its own pool), beside the anchor measured in the
 * same run on the same cluster: 10 bare clients each looping
 * `INSERT … RETURNING` into a table of the same shape, nothing else.
 * Rounds alternate the two so load from other processes hits both alike.
 */
import pg from 'pg';
import { CentreSchema } from '../../../electron/services/config/centre-schema';
import { openSharedCentre } from '../../../electron/services/queue/open-shared-centre';
import { postgresAvailable, startPostgresCluster } from '../../support/postgres-cluster';

const CLIENTS = 10;
const ROUNDS = 4;
const PER_ROUND = 300;
const AREAS = ['HT', 'CT', 'CU', 'DD'] as const;

async function inParallel(count: number, job: (client: number, i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      while (next < count) await job(client, next++);
    }),
  );
}

export async function benchCentreQueue(): Promise<{ rate: number; anchor: number } | null> {
  if (!postgresAvailable()) {
    console.log('centre queue on PostgreSQL: skipped (install Debian package postgresql)');
    return null;
  }
  const cluster = await startPostgresCluster();
  const centre = CentreSchema.parse({});
  const machines = Array.from({ length: CLIENTS }, (_, i) =>
    openSharedCentre({ centre, url: cluster.url, machine: `bench-${i}` }),
  );
  const queues = machines.map((m) => m.queue);
  const bare = Array.from({ length: CLIENTS }, () => new pg.Client(cluster.url));
  try {
    await Promise.all(queues.map((q) => q.ready()));
    await Promise.all(bare.map((c) => c.connect()));
    await bare[0]?.query(`CREATE TABLE anchor_tickets (
      id bigserial PRIMARY KEY, day text NOT NULL, area text NOT NULL, priority text,
      status text NOT NULL, taken_at bigint NOT NULL)`);
    let queueMs = 0;
    let anchorMs = 0;
    for (let round = 0; round < ROUNDS; round++) {
      let t = performance.now();
      await inParallel(
        PER_ROUND,
        (client, i) =>
          bare[client]?.query(
            `INSERT INTO anchor_tickets (day, area, priority, status, taken_at)
           VALUES ($1, $2, $3, 'waiting', $4) RETURNING id`,
            ['2026-12-07', AREAS[i % 4], i % 7 === 0 ? 'elderly' : null, Date.now()],
          ) ?? Promise.resolve(),
      );
      anchorMs += performance.now() - t;
      t = performance.now();
      await inParallel(
        PER_ROUND,
        (client, i) =>
          queues[client]?.take({
            area: AREAS[i % 4] ?? 'HT',
            priority: i % 7 === 0 ? 'elderly' : null,
          }) ?? Promise.resolve(),
      );
      queueMs += performance.now() - t;
    }
    const count = ROUNDS * PER_ROUND;
    const distinct = cluster.psql('SELECT COUNT(DISTINCT number) FROM queue_tickets', 'centre');
    if (Number(distinct) !== count) throw new Error(`expected ${count} numbers, found ${distinct}`);
    const rate = (count * 1000) / queueMs;
    const anchor = (count * 1000) / anchorMs;
    console.log(`centre queue on PostgreSQL (${count} tickets, ${CLIENTS} concurrent clients):`);
    console.log(
      `  queue.take (number upsert + ticket + people ahead + estimate): ${rate.toFixed(0)} tickets/s`,
    );
    console.log(
      `  anchor bare INSERT … RETURNING, same clients and cluster:      ${anchor.toFixed(0)} rows/s`,
    );
    console.log(`  ratio take/insert: ${(rate / anchor).toFixed(2)}`);
    return { rate, anchor };
  } finally {
    await Promise.all(bare.map((c) => c.end().catch(() => undefined)));
    await Promise.all(machines.map((m) => m.close()));
    await cluster.remove();
  }
}
