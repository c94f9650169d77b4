import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CentreSchema } from '../config/centre-schema';
import { migrate } from '../store/migrator';
import { openDatabase } from '../store/open-database';
import { queueMigrations } from './queue-migrations';
import { SqliteCentreQueue } from './sqlite-centre-queue';

const MINUTE = 60_000;
let dir: string;
let db: Database.Database;
let clock: number;

function queue(centre: unknown = {}): SqliteCentreQueue {
  return new SqliteCentreQueue(db, { centre: CentreSchema.parse(centre), now: () => clock });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'queue-store-'));
  db = openDatabase(join(dir, 'kiosk.sqlite3'));
  migrate(db, queueMigrations);
  // 08:00 in Vietnam on a working day.
  clock = Date.UTC(2026, 11, 7, 1, 0);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the centre queue on SQLite', () => {
  it('numbers tickets 1, 2, 3… across areas, telling each how many are ahead and the wait', async () => {
    const q = queue();
    const first = await q.take({ area: 'HT' });
    const second = await q.take({ area: 'ht' });
    const other = await q.take({ area: 'CU' });
    expect([first.number, second.number, other.number]).toEqual([1, 2, 3]);
    expect(second).toMatchObject({ area: 'HT', areaName: 'Hộ tịch', status: 'waiting' });
    expect([first.peopleAhead, second.peopleAhead, other.peopleAhead]).toEqual([0, 1, 0]);
    // No history yet: 5 minutes a service (default) over HT's two counters.
    expect(second.estimatedWaitMinutes).toBe(3);
    expect(other.estimatedWaitMinutes).toBe(0);
  });

  it('restarts the numbers the next Vietnam day', async () => {
    const q = queue();
    await q.take({ area: 'HT' });
    await q.take({ area: 'HT' });
    clock += 24 * 60 * MINUTE;
    const next = await q.take({ area: 'HT' });
    expect(next.number).toBe(1);
    expect(next.peopleAhead).toBe(0);
  });

  it('a counter calls priority tickets first, then in order, only from its own areas', async () => {
    const q = queue();
    await q.take({ area: 'HT' }); // 1
    await q.take({ area: 'CU' }); // 2
    await q.take({ area: 'HT', priority: 'elderly' }); // 3
    const called = [];
    for (let i = 0; i < 3; i++) called.push((await q.callNext(1))?.number ?? null);
    expect(called).toEqual([3, 1, null]);
    expect((await q.callNext(3))?.number).toBe(2);
  });

  it('the next call ends the counter’s current ticket as served, with its times recorded', async () => {
    const q = queue();
    await q.take({ area: 'HT' });
    await q.take({ area: 'HT' });
    clock += 4 * MINUTE;
    const one = await q.callNext(1);
    clock += 6 * MINUTE;
    await q.callNext(1);
    const status = await q.status();
    expect(status.areas.find((a) => a.code === 'HT')).toMatchObject({ waiting: 0, served: 1 });
    expect(status.counters.find((c) => c.counter === 1)?.current?.number).toBe(2);
    const row = db
      .prepare<[string], { taken_at: number; first_called_at: number; served_at: number }>(
        'SELECT taken_at, first_called_at, served_at FROM queue_tickets WHERE id = ?',
      )
      .get(one!.id)!;
    expect(row.first_called_at - row.taken_at).toBe(4 * MINUTE);
    expect(row.served_at - row.first_called_at).toBe(6 * MINUTE);
  });

  it('estimates from recent service times once the area has some', async () => {
    const q = queue({ defaultServiceMinutes: 30 });
    for (let i = 0; i < 3; i++) await q.take({ area: 'CU' });
    for (let i = 0; i < 3; i++) {
      await q.callNext(3);
      clock += 8 * MINUTE;
      await q.serve(3);
    }
    await q.take({ area: 'CU' });
    const ticket = await q.take({ area: 'CU' });
    // One ahead, 8 minutes each (not the 30-minute default), one counter (3).
    expect(ticket).toMatchObject({ peopleAhead: 1, estimatedWaitMinutes: 8 });
  });

  it('recalls up to the configured number of calls, then only a skip (no-show) is allowed', async () => {
    const q = queue({ maxCalls: 2 });
    await q.take({ area: 'CU' });
    await q.callNext(3);
    await expect(q.skip(3)).rejects.toMatchObject({ code: 'QUEUE_SKIP_TOO_EARLY' });
    expect((await q.recall(3)).calls).toBe(2);
    await expect(q.recall(3)).rejects.toMatchObject({ code: 'QUEUE_CALL_LIMIT' });
    const skipped = await q.skip(3);
    expect(skipped.status).toBe('no_show');
    expect((await q.status()).areas.find((a) => a.code === 'CU')?.noShows).toBe(1);
    await expect(q.recall(3)).rejects.toMatchObject({ code: 'QUEUE_NO_CURRENT' });
  });

  it('transfers to another counter or area ahead of numbers taken later', async () => {
    const q = queue();
    await q.take({ area: 'HT' }); // 1
    await q.take({ area: 'DD' }); // 2
    await q.callNext(1);
    const moved = await q.transfer(1, { area: 'DD' });
    expect(moved).toMatchObject({ status: 'waiting', area: 'DD', calls: 0 });
    expect((await q.callNext(3))?.number).toBe(1);
    const back = await q.transfer(3, { counter: 2 });
    expect(back.forCounter).toBe(2);
    // Counter 3 serves DD but the ticket now waits for counter 2 alone.
    expect((await q.callNext(3))?.number).toBe(2);
    expect((await q.callNext(2))?.number).toBe(1);
    await expect(q.transfer(2, { counter: 2 })).rejects.toMatchObject({ code: 'QUEUE_INVALID' });
  });

  it('ties a served ticket to the dossier received at the counter', async () => {
    const q = queue();
    await q.take({ area: 'CT' });
    await q.callNext(2);
    await expect(q.serve(2, { dossierCode: 'mã hồ sơ' })).rejects.toMatchObject({
      code: 'QUEUE_INVALID',
    });
    const served = await q.serve(2, { dossierCode: '000.00.00.H00-261207-0001' });
    expect(served).toMatchObject({ status: 'served', dossierCode: '000.00.00.H00-261207-0001' });
    expect(served.servedAt).toBe(clock);
  });

  it('tells call listeners of each call and recall after it is committed, and of nothing else', async () => {
    const q = queue();
    const calls: unknown[] = [];
    q.onCall(() => {
      throw new Error('a broken display');
    });
    const stop = q.onCall((call) => calls.push(call));
    await q.take({ area: 'HT' });
    expect(await q.callNext(3)).toBeNull();
    expect(calls).toEqual([]);
    await q.take({ area: 'HT' });
    const called = clock;
    await q.callNext(1);
    clock += MINUTE;
    await q.recall(1);
    await expect(q.recall(9)).rejects.toThrow();
    await q.serve(1);
    stop();
    await q.callNext(1);
    expect(calls).toEqual([
      { number: 1, area: 'HT', areaName: 'Hộ tịch', counter: 1, calls: 1, at: called },
      { number: 1, area: 'HT', areaName: 'Hộ tịch', counter: 1, calls: 2, at: clock },
    ]);
  });

  it('tells change listeners of takes, serves, skips and transfers with the waiting count, and not of calls or refusals', async () => {
    const q = queue({
      areas: [
        { code: 'HT', name: 'Hộ tịch', counters: [1] },
        { code: 'CU', name: 'Cư trú', counters: [2] },
      ],
      maxCalls: 1,
    });
    const changes: unknown[] = [];
    q.onChange(() => {
      throw new Error('a broken screen');
    });
    q.onChange((change) => changes.push(change));
    await q.take({ area: 'HT' });
    await q.take({ area: 'HT' });
    await q.take({ area: 'HT' });
    await q.callNext(1);
    await q.skip(1);
    await q.callNext(1);
    await q.transfer(1, { area: 'CU' });
    await q.callNext(1);
    await expect(q.serve(2)).rejects.toMatchObject({ code: 'QUEUE_NO_CURRENT' });
    await q.serve(1);
    const at = clock;
    expect(changes).toEqual([
      { area: 'HT', areaName: 'Hộ tịch', waiting: 1, at },
      { area: 'HT', areaName: 'Hộ tịch', waiting: 2, at },
      { area: 'HT', areaName: 'Hộ tịch', waiting: 3, at },
      { area: 'HT', areaName: 'Hộ tịch', waiting: 2, at },
      { area: 'HT', areaName: 'Hộ tịch', waiting: 1, at },
      { area: 'CU', areaName: 'Cư trú', waiting: 1, at },
      { area: 'HT', areaName: 'Hộ tịch', waiting: 0, at },
    ]);
  });

  it('refuses an unknown area or counter, naming the valid ones', async () => {
    const q = queue();
    const area = await q.take({ area: 'XYZ' }).catch((e: unknown) => e);
    expect(area).toMatchObject({ code: 'QUEUE_AREA_UNKNOWN' });
    expect((area as { vi: string }).vi).toContain('HT (Hộ tịch)');
    const counter = await q.callNext(9).catch((e: unknown) => e);
    expect(counter).toMatchObject({ code: 'QUEUE_COUNTER_UNKNOWN' });
    expect((counter as { vi: string }).vi).toContain('1, 2, 3');
  });

  it('refuses a priority reason the schema does not know, at the database too', () => {
    expect(() =>
      db
        .prepare(
          "INSERT INTO queue_tickets (id, day, number, area, priority, status, taken_at) VALUES ('x', 'd', 1, 'HT', 'vip', 'waiting', 0)",
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});
