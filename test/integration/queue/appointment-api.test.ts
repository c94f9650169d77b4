/**
 * Appointments through the core's real dispatcher: booking and the day's
 * list for signed-in clerks only, a check-in refused for a number no chip
 * read gave, payloads checked by the contract, no ID number in any answer.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../electron/api/errors';
import { StaffAccounts } from '../../../electron/services/auth/staff-accounts';
import { vnNow } from '../../../electron/services/queue/appointments/appointment-rules';
import { clearOfVietnamMidnight } from '../../support/vn-midnight';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { captureLogger } from '../../support/capture-logger';

const CLERK = { username: 'canbo3', password: 'mat-khau-can-bo-3' };
const CCCD = '001099012345';
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-appointment-api-'));
let core: Core;

async function call(method: string, params: unknown, connection = 'kiosk') {
  return (await core.dispatch(method, params, { transport: 'ws', connection })) as ApiResult<
    Record<string, unknown>
  >;
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

describe('the appointment API', () => {
  it('books and lists for a signed-in clerk only; a check-in needs the card read by this core', async () => {
    // Booked for today, now, and checked in on the core's real clock: all before midnight or after it.
    await clearOfVietnamMidnight(60_000);
    const { day, minutes } = vnNow(Date.now());
    const slot = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const booking = { area: 'HT', cccd: CCCD, date: day, time: slot, initials: 't.t.m' };
    expect(await call('appointment.book', booking)).toMatchObject({
      ok: false,
      error: { code: 'AUTH_REQUIRED' },
    });
    expect(await call('appointment.list', {})).toMatchObject({
      ok: false,
      error: { code: 'AUTH_REQUIRED' },
    });
    expect(await call('auth.signIn', CLERK, 'counter-1')).toMatchObject({ ok: true });
    expect(await call('appointment.book', { ...booking, cccd: '0010' }, 'counter-1')).toMatchObject(
      {
        ok: false,
        error: { code: 'INVALID_PAYLOAD' },
      },
    );
    const booked = await call('appointment.book', booking, 'counter-1');
    expect(booked).toMatchObject({
      ok: true,
      value: { slot, area: 'HT', initials: 'T.T.M', bookedBy: CLERK.username, checkedInAt: null },
    });

    // A page typing 12 digits is not a chip read: refused until this core read that card
    // (the read itself, with pcscd + vicc, is test/e2e/queue-appointment.test.ts).
    const typed = await call('appointment.checkIn', { idNumber: CCCD });
    expect(typed).toMatchObject({ ok: false, error: { code: 'APPOINTMENT_CARD_NOT_READ' } });
    expect(core.store.database.prepare('SELECT count(*) AS n FROM queue_tickets').get()).toEqual({
      n: 0,
    });

    const listed = await call('appointment.list', { date: day }, 'counter-1');
    expect(listed).toMatchObject({
      ok: true,
      value: { day, appointments: [{ slot, checkedInAt: null, ticketNumber: null }] },
    });
    expect(JSON.stringify([booked, listed])).not.toContain(CCCD);
  });
});
