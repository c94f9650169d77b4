/**
 * The queue through the core's real dispatcher (what the kiosk's start
 * screen, a clerk's page and a hall display will call): payloads checked by
 * the contract, calling and priority tickets for signed-in clerks only.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../electron/api/errors';
import { StaffAccounts } from '../../../electron/services/auth/staff-accounts';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { captureLogger } from '../../support/capture-logger';

const CLERK = { username: 'canbo2', password: 'mat-khau-can-bo-2' };
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-queue-api-'));
let core: Core;

/** A call on its own connection: a kiosk page and a clerk's page are different sockets. */
async function call(method: string, params: unknown, connection = 'kiosk') {
  return (await core.dispatch(method, params, { transport: 'ws', connection })) as ApiResult<
    Record<string, unknown>
  >;
}

beforeAll(async () => {
  writeFileSync(
    join(dataDir, 'config.json'),
    JSON.stringify({
      centre: {
        areas: [
          { code: 'HT', name: 'Hộ tịch', counters: [1] },
          { code: 'DD', name: 'Đất đai', counters: [2] },
        ],
      },
    }),
  );
  core = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
  await new StaffAccounts(core.store.database).create(CLERK.username, 'clerk', CLERK.password);
});

afterAll(async () => {
  await core.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the queue API', () => {
  it('lists the configured areas to anyone (the kiosk start screen has no sign-in)', async () => {
    const result = await call('queue.areas', {});
    expect(result).toEqual({
      ok: true,
      value: {
        areas: [
          { code: 'HT', name: 'Hộ tịch', counters: [1] },
          { code: 'DD', name: 'Đất đai', counters: [2] },
        ],
        maxCalls: 3,
      },
    });
  });

  it('lets a kiosk page take an ordinary number but not a priority one', async () => {
    const taken = await call('queue.take', { area: 'HT' });
    expect(taken).toMatchObject({
      ok: true,
      value: { number: 1, areaName: 'Hộ tịch', peopleAhead: 0, estimatedWaitMinutes: 0 },
    });
    const priority = await call('queue.take', { area: 'HT', priority: 'elderly' });
    expect(priority).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
  });

  it('refuses a bad payload before the queue sees it, and names an unknown area', async () => {
    const bad = await call('queue.take', { area: 'HT', priority: 'vip' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const unknown = await call('queue.take', { area: 'CU' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'QUEUE_AREA_UNKNOWN' } });
  });

  it('a signed-in clerk gives a priority ticket and calls it first at their counter', async () => {
    expect(await call('auth.signIn', CLERK, 'counter-1')).toMatchObject({ ok: true });
    expect(await call('queue.call', { counter: 1 })).toMatchObject({
      ok: false,
      error: { code: 'AUTH_REQUIRED' },
    });
    const urgent = await call('queue.take', { area: 'HT', priority: 'pregnant' }, 'counter-1');
    expect(urgent).toMatchObject({ ok: true, value: { number: 2, peopleAhead: 0 } });
    const first = await call('queue.call', { counter: 1 }, 'counter-1');
    expect(first).toMatchObject({
      ok: true,
      value: { counter: 1, ticket: { number: 2, clerk: CLERK.username } },
    });
    const second = await call('queue.call', { counter: 1 }, 'counter-1');
    expect(second).toMatchObject({ ok: true, value: { ticket: { number: 1 } } });
    const none = await call('queue.call', { counter: 1 }, 'counter-1');
    expect(none).toEqual({ ok: true, value: { counter: 1, ticket: null } });
    const wrong = await call('queue.call', { counter: 7 }, 'counter-1');
    expect(wrong).toMatchObject({ ok: false, error: { code: 'QUEUE_COUNTER_UNKNOWN' } });
  });

  it('a clerk recalls, skips a no-show after three calls, transfers, and serves with the dossier', async () => {
    const counter1 = (method: string, params: unknown) => call(method, params, 'counter-1');
    expect(await call('queue.recall', { counter: 1 })).toMatchObject({
      ok: false,
      error: { code: 'AUTH_REQUIRED' },
    });
    expect(await counter1('queue.recall', { counter: 1 })).toMatchObject({
      ok: false,
      error: { code: 'QUEUE_NO_CURRENT' },
    });
    // Number 3 does not come: called, recalled twice, then a no-show (not before).
    expect(await call('queue.take', { area: 'HT' })).toMatchObject({ value: { number: 3 } });
    expect(await counter1('queue.call', { counter: 1 })).toMatchObject({
      value: { ticket: { number: 3, calls: 1 } },
    });
    expect(await counter1('queue.skip', { counter: 1 })).toMatchObject({
      ok: false,
      error: { code: 'QUEUE_SKIP_TOO_EARLY' },
    });
    expect(await counter1('queue.recall', { counter: 1 })).toMatchObject({ value: { calls: 2 } });
    expect(await counter1('queue.recall', { counter: 1 })).toMatchObject({ value: { calls: 3 } });
    expect(await counter1('queue.recall', { counter: 1 })).toMatchObject({
      ok: false,
      error: { code: 'QUEUE_CALL_LIMIT' },
    });
    expect(await counter1('queue.skip', { counter: 1 })).toMatchObject({
      ok: true,
      value: { number: 3, status: 'no_show' },
    });
    // Number 4 came to the wrong counter: sent to Đất đai, where counter 2 calls it.
    expect(await call('queue.take', { area: 'HT' })).toMatchObject({ value: { number: 4 } });
    expect(await counter1('queue.call', { counter: 1 })).toMatchObject({
      value: { ticket: { number: 4 } },
    });
    expect(await counter1('queue.transfer', { counter: 1, toArea: 'XX' })).toMatchObject({
      ok: false,
      error: { code: 'QUEUE_AREA_UNKNOWN' },
    });
    expect(
      await counter1('queue.transfer', { counter: 1, toCounter: 2, toArea: 'DD' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await counter1('queue.transfer', { counter: 1, toArea: 'DD' })).toMatchObject({
      ok: true,
      value: { number: 4, area: 'DD', status: 'waiting' },
    });
    expect(await counter1('queue.call', { counter: 2 })).toMatchObject({
      value: { ticket: { number: 4, area: 'DD' } },
    });
    const served = await counter1('queue.serve', { counter: 2, dossierCode: 'G22.99-261206-0001' });
    expect(served).toMatchObject({
      ok: true,
      value: { number: 4, status: 'served', dossierCode: 'G22.99-261206-0001' },
    });
    expect(served.ok && typeof served.value.servedAt === 'number').toBe(true);
  });

  it('shows the status per area and counter without a sign-in', async () => {
    const status = await call('queue.status', {});
    expect(status).toMatchObject({
      ok: true,
      value: {
        areas: [
          { code: 'HT', waiting: 0, served: 2, noShows: 1 },
          { code: 'DD', waiting: 0, served: 1 },
        ],
        counters: [
          { counter: 1, areas: ['HT'], current: null },
          { counter: 2, areas: ['DD'], current: null },
        ],
      },
    });
  });
});
