/**
 * The rating methods through the core's real dispatcher: no sign-in (the
 * tablet faces the citizen), but only the ticket pending at that counter,
 * once; payloads checked by the contract before the store sees them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../electron/api/errors';
import { StaffAccounts } from '../../../electron/services/auth/staff-accounts';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { captureLogger } from '../../support/capture-logger';

const CLERK = { username: 'canbo3', password: 'mat-khau-can-bo-3' };
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-rating-api-'));
let core: Core;

async function call(method: string, params: unknown, connection = 'tablet') {
  return (await core.dispatch(method, params, { transport: 'ws', connection })) as ApiResult<
    Record<string, unknown>
  >;
}

beforeAll(async () => {
  writeFileSync(
    join(dataDir, 'config.json'),
    JSON.stringify({ centre: { areas: [{ code: 'CU', name: 'Cư trú', counters: [3] }] } }),
  );
  core = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
  await new StaffAccounts(core.store.database).create(CLERK.username, 'clerk', CLERK.password);
});

afterAll(async () => {
  await core.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the rating API', () => {
  it('an anonymous page rates the ticket just served at its counter, once', async () => {
    expect(await call('rating.pending', { counter: 3 })).toEqual({
      ok: true,
      value: { counter: 3, ticket: null },
    });
    expect(await call('rating.submit', { counter: 3, score: 'satisfied' })).toMatchObject({
      ok: false,
      error: { code: 'RATING_NONE_PENDING' },
    });
    await call('queue.take', { area: 'CU' }, 'kiosk');
    await call('auth.signIn', CLERK, 'counter-3');
    await call('queue.call', { counter: 3 }, 'counter-3');
    await call(
      'queue.serve',
      { counter: 3, dossierCode: '000.00.00.H00-261207-0001' },
      'counter-3',
    );
    expect(await call('rating.pending', { counter: 3 })).toEqual({
      ok: true,
      value: { counter: 3, ticket: { number: 1, area: 'CU', areaName: 'Cư trú' } },
    });
    const rated = await call('rating.submit', {
      counter: 3,
      number: 1,
      score: 'dissatisfied',
      reasons: ['unclear_guidance'],
    });
    expect(rated).toMatchObject({ ok: true, value: { number: 1, reasons: ['unclear_guidance'] } });
    expect(
      await call('rating.submit', { counter: 3, number: 1, score: 'very_satisfied' }),
    ).toMatchObject({ ok: false, error: { code: 'RATING_ALREADY_GIVEN' } });
    const row = core.store.database
      .prepare('SELECT clerk, dossier_code, score FROM queue_ratings')
      .all();
    expect(row).toEqual([
      { clerk: 'canbo3', dossier_code: '000.00.00.H00-261207-0001', score: 'dissatisfied' },
    ]);
  });

  it('refuses a score or a reason outside the contract before the store sees it', async () => {
    expect(await call('rating.submit', { counter: 3, score: 'great' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(
      await call('rating.submit', { counter: 3, score: 'neutral', reasons: ['free text'] }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });
});
