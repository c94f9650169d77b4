import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CentreSchema } from '../config/centre-schema';
import { migrate } from '../store/migrator';
import { openDatabase } from '../store/open-database';
import { queueMigrations } from './queue-migrations';
import { readCentreReport } from './reports/read-centre-report';
import { sqliteReportFacts } from './reports/sqlite-report-facts';
import { SqliteCentreQueue } from './sqlite-centre-queue';

const MINUTE = 60_000;
const centre = CentreSchema.parse({
  areas: [
    { code: 'HT', name: 'Hộ tịch', counters: [1] },
    { code: 'CU', name: 'Cư trú', counters: [2] },
  ],
});
let dir: string;
let db: Database.Database;
let clock: number;
const queue = () => new SqliteCentreQueue(db, { centre, now: () => clock });
const statuses = () =>
  db
    .prepare<[], { day: string; number: number; status: string; served_at: number | null }>(
      'SELECT day, number, status, served_at FROM queue_tickets ORDER BY day, number',
    )
    .all();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'queue-day-end-'));
  db = openDatabase(join(dir, 'kiosk.sqlite3'));
  migrate(db, queueMigrations);
  // 16:55 in Vietnam on 2026-12-07 (09:55 UTC): counter 1 calls its last number of the day.
  clock = Date.UTC(2026, 11, 7, 9, 55);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('tickets left open when the Vietnam day ends', () => {
  it('are closed as not served by the first counter write of the next day, and no counter shows them', async () => {
    const q = queue();
    await q.take({ area: 'HT' }); // 1: called, never finished
    await q.take({ area: 'HT' }); // 2: still waiting at closing time
    await q.take({ area: 'CU' }); // 3: served
    await q.callNext(1);
    await q.callNext(2);
    await q.serve(2);
    // 07:30 the next morning in Vietnam (00:30 UTC on 2026-12-08).
    clock = Date.UTC(2026, 11, 8, 0, 30);
    const morning = await q.status();
    expect(morning.day).toBe('2026-12-08');
    expect(morning.counters.map((c) => c.current)).toEqual([null, null]);
    expect(morning.areas.map((a) => a.waiting)).toEqual([0, 0]);

    const first = await q.take({ area: 'HT' });
    expect(first.number).toBe(1);
    // Counter 1's first call of the day is today's number, not yesterday's ticket served late.
    expect(await q.callNext(1)).toMatchObject({ day: '2026-12-08', number: 1 });
    expect(statuses()).toEqual([
      { day: '2026-12-07', number: 1, status: 'no_show', served_at: null },
      { day: '2026-12-07', number: 2, status: 'no_show', served_at: null },
      { day: '2026-12-07', number: 3, status: 'served', served_at: Date.UTC(2026, 11, 7, 9, 55) },
      { day: '2026-12-08', number: 1, status: 'called', served_at: null },
    ]);
  });

  it('stay open through a refused counter write (it rolls back) and close at the next one', async () => {
    const q = queue();
    await q.take({ area: 'HT' });
    clock = Date.UTC(2026, 11, 8, 0, 30);
    await expect(q.serve(1)).rejects.toMatchObject({ code: 'QUEUE_NO_CURRENT' });
    expect(statuses().map((t) => t.status)).toEqual(['waiting']);
    await q.callNext(2);
    expect(statuses().map((t) => t.status)).toEqual(['no_show']);
  });

  it('count as not served in a report of that day even before any write closed them', async () => {
    const q = queue();
    await q.take({ area: 'HT' });
    await q.take({ area: 'HT' });
    await q.callNext(1);
    clock += 2 * MINUTE;
    // Read at 08:00 the next day: nobody has taken a number yet, the rows are still open.
    clock = Date.UTC(2026, 11, 8, 1, 0);
    expect(statuses().map((t) => t.status)).toEqual(['called', 'waiting']);
    const report = await readCentreReport(
      sqliteReportFacts(db),
      centre.areas,
      { from: '2026-12-07', to: '2026-12-07' },
      () => clock,
    );
    expect(report.period.tickets).toMatchObject({
      taken: 2,
      served: 0,
      noShows: 2,
      waiting: 0,
      called: 0,
    });
  });

  it('stay open the same day: a report of today counts them as waiting and called', async () => {
    const q = queue();
    await q.take({ area: 'HT' });
    await q.take({ area: 'HT' });
    await q.callNext(1);
    const report = await readCentreReport(
      sqliteReportFacts(db),
      centre.areas,
      { from: '2026-12-07', to: '2026-12-07' },
      () => clock,
    );
    expect(report.period.tickets).toMatchObject({ waiting: 1, called: 1, noShows: 0 });
  });
});
