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
    expect(first).toMatchObject({ ok: true, value: { counter: 1, ticket: { number: 2 } } });
    const second = await call('queue.call', { counter: 1 }, 'counter-1');
    expect(second).toMatchObject({ ok: true, value: { ticket: { number: 1 } } });
    const none = await call('queue.call', { counter: 1 }, 'counter-1');
    expect(none).toEqual({ ok: true, value: { counter: 1, ticket: null } });
    const wrong = await call('queue.call', { counter: 7 }, 'counter-1');
    expect(wrong).toMatchObject({ ok: false, error: { code: 'QUEUE_COUNTER_UNKNOWN' } });
  });

  it('shows the status per area and counter without a sign-in', async () => {
    const status = await call('queue.status', {});
    expect(status).toMatchObject({
      ok: true,
      value: {
        areas: [
          { code: 'HT', waiting: 0, served: 2 },
          { code: 'DD', waiting: 0 },
        ],
        counters: [
          { counter: 1, areas: ['HT'], current: null },
          { counter: 2, areas: ['DD'], current: null },
        ],
      },
    });
  });
});
