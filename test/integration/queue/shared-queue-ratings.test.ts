/**
 * A centre whose queue is shared on PostgreSQL: the rating tablet on one
 * machine rates the ticket served at another machine's counter, once, even
 * when two machines try at the same instant; two machines' delivery loops
 * send each rating to the portal once; reports count every machine's
 * tickets and ratings. A real throwaway cluster and the real portal simulator.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../electron/api/errors';
import { startPortalSim } from '../../../electron/portal-sim/portal-sim-server';
import type { DanhGiaHaiLong } from '../../../electron/services/portal-contract/danh-gia-hai-long';
import { StaffAccounts } from '../../../electron/services/auth/staff-accounts';
import { CentreSchema } from '../../../electron/services/config/centre-schema';
import { PortalClient } from '../../../electron/services/portal/portal-client';
import { RatingSync } from '../../../electron/services/queue/ratings/rating-sync';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { captureLogger } from '../../support/capture-logger';
import { centreMachines } from '../../support/centre-machines';
import { clearOfVietnamMidnight } from '../../support/vn-midnight';
import {
  postgresAvailable,
  startPostgresCluster,
  type PostgresCluster,
} from '../../support/postgres-cluster';
import { until } from '../../support/until';
import { rememberSim, simGet } from '../sync/peers';

const CLERK = { username: 'canbo3', password: 'mat-khau-can-bo-3' };
const centre = CentreSchema.parse({});
const dirs: string[] = [];
let cluster: PostgresCluster | undefined;
const cores: Core[] = [];
const closers: (() => Promise<void>)[] = [];
const machines = centreMachines(centre);

function dataDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `kiosk-shared-${name}-`));
  dirs.push(dir);
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({ centre: { databaseUrl: cluster?.url } }),
  );
  return dir;
}

function caller(core: Core) {
  return async (method: string, params: unknown, connection: string) =>
    (await core.dispatch(method, params, { transport: 'ws', connection })) as ApiResult<
      Record<string, unknown>
    >;
}

/** One machine's own connections to the shared database: a queue and a ratings store. */
function machine(name: string) {
  return machines.open(cluster?.url ?? '', name);
}

describe.skipIf(!postgresAvailable())('ratings and reports on a shared queue', () => {
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  }, 120_000);

  afterAll(async () => {
    for (const core of cores.splice(0)) await core.dispose();
    await machines.closeAll();
    for (const close of closers.splice(0)) await close();
    await cluster?.remove();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("machine B's tablet rates the ticket served at machine A's counter; both machines' reports count it", async () => {
    // Two cores on the real clock: the ticket, the rating and the report's day are one Vietnam day.
    await clearOfVietnamMidnight(60_000);
    const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const a = createCore({
      dataDir: dataDir('a'),
      shell: 'browser',
      logger: captureLogger().logger,
    });
    cores.push(a);
    const b = createCore({
      dataDir: dataDir('b'),
      shell: 'browser',
      logger: captureLogger().logger,
    });
    cores.push(b);
    await new StaffAccounts(a.store.database).create(CLERK.username, 'clerk', CLERK.password);
    const atA = caller(a);
    const atB = caller(b);

    const taken = await atA('queue.take', { area: 'CU' }, 'kiosk');
    expect(taken).toMatchObject({ ok: true });
    expect(await atA('auth.signIn', CLERK, 'counter')).toMatchObject({ ok: true });
    expect(await atA('queue.call', { counter: 3 }, 'counter')).toMatchObject({ ok: true });
    expect(
      await atA('queue.serve', { counter: 3, dossierCode: 'HS-0001' }, 'counter'),
    ).toMatchObject({ ok: true });
    const number = taken.ok ? taken.value.number : -1;

    expect(await atB('rating.pending', { counter: 3 }, 'tablet')).toMatchObject({
      ok: true,
      value: { ticket: { number, area: 'CU' } },
    });
    expect(
      await atB('rating.submit', { counter: 3, number, score: 'satisfied' }, 'tablet'),
    ).toMatchObject({ ok: true, value: { number, counter: 3 } });
    expect(
      await atB('rating.submit', { counter: 3, number, score: 'satisfied' }, 'tablet'),
    ).toMatchObject({ ok: false, error: { code: 'RATING_ALREADY_GIVEN' } });
    expect(cluster?.psql('SELECT clerk, dossier_code FROM queue_ratings', 'centre')).toContain(
      'canbo3|HS-0001',
    );

    const report = await atA('report.centre', { from: day, to: day }, 'counter');
    expect(report).toMatchObject({
      ok: true,
      value: {
        period: {
          tickets: { taken: 1, served: 1 },
          satisfaction: { total: 1, satisfied: 1, satisfiedPercent: 100 },
          clerks: [{ clerk: 'canbo3', total: 1 }],
        },
      },
    });
    // Their delivery loops (to the unreachable default portal) would race the next tests'.
    for (const core of cores.splice(0)) await core.dispose();
  }, 60_000);

  it('two machines rating the same ticket at the same instant save one rating', async () => {
    const one = machine('quay-3');
    const two = machine('may-tinh-bang');
    const outcomes: string[] = [];
    for (let i = 0; i < 15; i++) {
      const taken = await one.queue.take({ area: 'DD' });
      await one.queue.callNext(3, { clerk: 'canbo3' });
      await one.queue.serve(3);
      const tries = await Promise.allSettled(
        [one, two].map((m) =>
          m.ratings.rate({ counter: 3, number: taken.number, score: 'very_satisfied' }),
        ),
      );
      const saved = tries.filter((t) => t.status === 'fulfilled');
      expect(saved).toHaveLength(1);
      for (const t of tries)
        if (t.status === 'rejected') outcomes.push((t.reason as { code: string }).code);
    }
    expect(new Set(outcomes)).toEqual(new Set(['RATING_ALREADY_GIVEN']));
    const rows = cluster?.psql(
      "SELECT count(*), count(DISTINCT ticket_id) FROM queue_ratings r JOIN queue_tickets t ON t.id = r.ticket_id WHERE t.area = 'DD'",
      'centre',
    );
    expect(rows?.trim()).toMatch(/^15\|15$/m);
  }, 60_000);

  it("two machines' delivery loops send each rating to the portal once", async () => {
    const sim = await startPortalSim({ port: 0, faults: 0, dataDir: null, seed: 19 });
    closers.push(() => sim.close());
    rememberSim(sim);
    const portal = () =>
      new PortalClient({
        baseUrl: sim.url,
        username: 'kiosk',
        password: 'kiosk-training',
        madonvi: '000.00.00.H00',
        timeoutMs: 2_000,
      });
    const one = machine('quay-3-sync');
    const two = machine('quay-1-sync');
    // The earlier tests' ratings are not this test's to count.
    cluster?.psql('UPDATE queue_ratings SET sent_at = 0 WHERE sent_at IS NULL', 'centre');
    for (let i = 0; i < 30; i++) {
      const taken = await one.queue.take({ area: 'CU' });
      await one.queue.callNext(3, { clerk: 'canbo3' });
      await one.queue.serve(3);
      await two.ratings.rate({ counter: 3, number: taken.number, score: 'neutral' });
    }
    const total = 30;
    // Small batches and quick polls, so both loops take turns at the same rows.
    const fast = {
      pollMs: 20,
      batch: 3,
      backoff: { baseMs: 20, maxMs: 200 },
    };
    const loops = [
      new RatingSync(one.ratings, portal(), fast),
      new RatingSync(two.ratings, portal(), fast),
    ];
    for (const loop of loops) loop.start();
    try {
      await until('every rating delivered', async () => (await one.ratings.depth()).owed === 0);
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      for (const loop of loops) await loop.stop();
    }
    const held = await simGet<{ surveys: DanhGiaHaiLong[]; held: number; replays: number }>(
      `${sim.url}/__sim/surveys`,
    );
    expect(held.held).toBe(total);
    expect(new Set(held.surveys.map((s) => s.MaDanhGia)).size).toBe(total);
    // Never sent twice: the simulator would have counted a second send as a replay.
    expect(held.replays).toBe(0);
    const split = cluster?.psql(
      'SELECT claimed_by, count(*) FROM queue_ratings WHERE sent_at IS NOT NULL GROUP BY claimed_by ORDER BY 1',
      'centre',
    );
    console.log(
      `two delivery loops: ${total} ratings held once, 0 replays; sent by\n${split ?? ''}`,
    );
  }, 60_000);
});
