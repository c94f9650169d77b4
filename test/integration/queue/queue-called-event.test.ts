/**
 * The `queue.called` event through the real core: a clerk's call and recall
 * reach every listener of the core's hub (what both transports forward to
 * their pages), shaped by the contract, with nothing personal in them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../../../electron/api/contract';
import { StaffAccounts } from '../../../electron/services/auth/staff-accounts';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { captureLogger } from '../../support/capture-logger';

const CLERK = { username: 'canbo3', password: 'mat-khau-can-bo-3' };
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-queue-called-'));
let core: Core;
const heard: { name: string; payload: unknown }[] = [];

beforeAll(async () => {
  writeFileSync(
    join(dataDir, 'config.json'),
    JSON.stringify({ centre: { areas: [{ code: 'HT', name: 'Hộ tịch', counters: [3] }] } }),
  );
  core = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
  core.events.subscribe((name, payload) => heard.push({ name, payload }));
  await new StaffAccounts(core.store.database).create(CLERK.username, 'clerk', CLERK.password);
});

afterAll(async () => {
  await core.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

const dispatch = (method: string, params: unknown, connection: string) =>
  core.dispatch(method, params, { transport: 'ws', connection });

describe('queue.called', () => {
  it('is published for a call and for each recall, and carries only number, area and counter', async () => {
    expect(await dispatch('auth.signIn', CLERK, 'counter-3')).toMatchObject({ ok: true });
    expect(await dispatch('queue.take', { area: 'HT' }, 'kiosk')).toMatchObject({ ok: true });
    const before = Date.now();
    expect(await dispatch('queue.call', { counter: 3 }, 'counter-3')).toMatchObject({ ok: true });
    expect(await dispatch('queue.recall', { counter: 3 }, 'counter-3')).toMatchObject({
      ok: true,
    });
    const calls = heard.filter((e) => e.name === 'queue.called').map((e) => e.payload);
    expect(calls).toHaveLength(2);
    for (const [i, payload] of calls.entries()) {
      expect(events['queue.called'].safeParse(payload).success).toBe(true);
      expect(Object.keys(payload as object).sort()).toEqual(
        ['area', 'areaName', 'at', 'calls', 'counter', 'number'].sort(),
      );
      expect(payload).toMatchObject({
        number: 1,
        area: 'HT',
        areaName: 'Hộ tịch',
        counter: 3,
        calls: i + 1,
      });
      expect((payload as { at: number }).at).toBeGreaterThanOrEqual(before - 1000);
    }
  });

  it('is not published when the queue is empty (nothing was called)', async () => {
    const count = heard.filter((e) => e.name === 'queue.called').length;
    expect(await dispatch('queue.call', { counter: 3 }, 'counter-3')).toMatchObject({
      ok: true,
      value: { ticket: null },
    });
    expect(heard.filter((e) => e.name === 'queue.called')).toHaveLength(count);
  });
});
