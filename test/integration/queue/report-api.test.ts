/**
 * report.centre through the core's real dispatcher and store: staff only,
 * the range checked with a Vietnamese reason, the figures those of the
 * tickets taken and called through the queue API itself.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentreReportSchema } from '../../../electron/api/contract/report';
import { StaffAccounts } from '../../../electron/services/auth/staff-accounts';
import { queueDay } from '../../../electron/services/queue/queue-rules';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { captureLogger } from '../../support/capture-logger';
import { clearOfVietnamMidnight } from '../../support/vn-midnight';

const CLERK = { username: 'canbo3', password: 'mat-khau-can-bo-3' };
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-report-api-'));
let core: Core;

async function call(method: string, params: unknown, connection = 'kiosk') {
  return await core.dispatch(method, params, {
    transport: 'ws',
    connection,
  });
}

beforeAll(async () => {
  writeFileSync(
    join(dataDir, 'config.json'),
    JSON.stringify({ centre: { areas: [{ code: 'HT', name: 'Hộ tịch', counters: [1] }] } }),
  );
  core = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
  await new StaffAccounts(core.store.database).create(CLERK.username, 'clerk', CLERK.password);
});

afterAll(async () => {
  await core.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('report.centre', () => {
  it('is refused to a page with nobody signed in (clerks’ ratings are not for the hall)', async () => {
    const today = queueDay(Date.now());
    expect(await call('report.centre', { from: today, to: today })).toMatchObject({
      ok: false,
      error: { code: 'AUTH_REQUIRED' },
    });
  });

  it('counts today’s tickets taken and called through the queue API for a signed-in clerk', async () => {
    // The core takes on the real clock: the tickets and the report's day are one Vietnam day.
    await clearOfVietnamMidnight(30_000);
    const today = queueDay(Date.now());
    expect(await call('auth.signIn', CLERK, 'counter-1')).toMatchObject({ ok: true });
    await call('queue.take', { area: 'HT' });
    await call('queue.take', { area: 'HT' });
    expect(await call('queue.call', { counter: 1 }, 'counter-1')).toMatchObject({ ok: true });
    const result = await call('report.centre', { from: today, to: today }, 'counter-1');
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const report = CentreReportSchema.parse(result.value);
    expect(report.period.areas).toEqual([
      expect.objectContaining({ code: 'HT', taken: 2, called: 1, waiting: 1, served: 0 }),
    ]);
    expect(report.days.map((d) => d.day)).toEqual([today]);
  });

  it('refuses a start after the end with REPORT_RANGE_INVALID, and a malformed date by the contract', async () => {
    const swapped = await call(
      'report.centre',
      { from: '2026-12-08', to: '2026-12-01' },
      'counter-1',
    );
    expect(swapped).toMatchObject({ ok: false, error: { code: 'REPORT_RANGE_INVALID' } });
    const malformed = await call(
      'report.centre',
      { from: '8/12/2026', to: '2026-12-01' },
      'counter-1',
    );
    expect(malformed).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });
});
