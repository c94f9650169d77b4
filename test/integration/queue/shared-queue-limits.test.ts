/**
 * A centre whose queue is shared on PostgreSQL: ratings and centre reports,
 * which still read this machine's SQLite, say so plainly instead of
 * answering "nothing pending" or an empty report.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorText } from '../../../electron/api/error-messages';
import type { ApiResult } from '../../../electron/api/errors';
import { StaffAccounts } from '../../../electron/services/auth/staff-accounts';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { captureLogger } from '../../support/capture-logger';
import {
  postgresAvailable,
  startPostgresCluster,
  type PostgresCluster,
} from '../../support/postgres-cluster';

const CLERK = { username: 'canbo3', password: 'mat-khau-can-bo-3' };
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-shared-limits-'));
let cluster: PostgresCluster | undefined;
let core: Core | undefined;

async function call(method: string, params: unknown, connection = 'counter') {
  if (core === undefined) throw new Error('core not started');
  return (await core.dispatch(method, params, { transport: 'ws', connection })) as ApiResult<
    Record<string, unknown>
  >;
}

describe.skipIf(!postgresAvailable())('ratings and reports on a shared queue', () => {
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    writeFileSync(
      join(dataDir, 'config.json'),
      JSON.stringify({ centre: { databaseUrl: cluster.url } }),
    );
    core = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
    await new StaffAccounts(core.store.database).create(CLERK.username, 'clerk', CLERK.password);
  }, 120_000);

  afterAll(async () => {
    await core?.dispose();
    await cluster?.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the queue itself is the shared one; a rating or a report says why it cannot run yet', async () => {
    const taken = await call('queue.take', { area: 'HT' }, 'kiosk');
    expect(taken).toMatchObject({ ok: true, value: { number: 1 } });
    expect(cluster?.psql('SELECT count(*) FROM queue_tickets', 'centre').trim()).toContain('1');

    const pending = await call('rating.pending', { counter: 1 }, 'rating-tablet');
    expect(pending).toMatchObject({ ok: false, error: { code: 'QUEUE_SHARED_UNSUPPORTED' } });
    expect(apiErrorText({ code: 'QUEUE_SHARED_UNSUPPORTED' }).vi).toContain(
      'Tạm dùng phiếu đánh giá giấy',
    );
    const submit = await call('rating.submit', { counter: 1, score: 'satisfied' }, 'rating-tablet');
    expect(submit).toMatchObject({ ok: false, error: { code: 'QUEUE_SHARED_UNSUPPORTED' } });

    expect(await call('auth.signIn', CLERK)).toMatchObject({ ok: true });
    const report = await call('report.centre', { from: '2026-12-01', to: '2026-12-07' });
    expect(report).toMatchObject({ ok: false, error: { code: 'QUEUE_SHARED_UNSUPPORTED' } });
  }, 60_000);
});
