import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CentreSchema } from '../../config/centre-schema';
import { migrate } from '../../store/migrator';
import { openDatabase } from '../../store/open-database';
import { queueMigrations } from '../queue-migrations';
import { SqliteCentreQueue } from '../sqlite-centre-queue';
import { createRatingProbe } from './rating-probe';
import { SqliteRatings } from './sqlite-ratings';

const MINUTE = 60_000;
let dir: string;
let db: Database.Database;
let clock: number;
const centre = CentreSchema.parse({});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'queue-ratings-'));
  db = openDatabase(join(dir, 'kiosk.sqlite3'));
  migrate(db, queueMigrations);
  clock = Date.UTC(2026, 11, 7, 1, 0);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function stores() {
  const now = () => clock;
  return {
    queue: new SqliteCentreQueue(db, { centre, now }),
    ratings: new SqliteRatings(db, { areas: centre.areas, now }),
  };
}

/** Ticket served at counter 3 by `clerk`, with the dossier received for it. */
async function servedAt3(clerk = 'canbo3', dossierCode = '000.00.00.H00-261207-0001') {
  const { queue, ratings } = stores();
  const taken = await queue.take({ area: 'CU' });
  await queue.callNext(3, { clerk });
  clock += 4 * MINUTE;
  await queue.serve(3, { dossierCode });
  clock += 10_000;
  return { queue, ratings, taken };
}

describe('ratings on SQLite', () => {
  it('ties a rating to the served ticket, its clerk and its dossier, and owes it to the portal', async () => {
    const { ratings, taken } = await servedAt3();
    expect(await ratings.pending(3)).toEqual({
      number: taken.number,
      area: 'CU',
      areaName: 'Cư trú',
    });
    const saved = await ratings.rate({
      counter: 3,
      number: taken.number,
      score: 'dissatisfied',
      reasons: ['attitude', 'waited_long'],
    });
    expect(saved).toMatchObject({ number: taken.number, reasons: ['waited_long', 'attitude'] });
    const row = db.prepare('SELECT * FROM queue_ratings').get();
    expect(row).toMatchObject({
      ticket_id: taken.id,
      counter: 3,
      clerk: 'canbo3',
      dossier_code: '000.00.00.H00-261207-0001',
      score: 'dissatisfied',
      reasons: '["waited_long","attitude"]',
      sent_at: null,
    });
    expect(await ratings.owed(clock, 10)).toMatchObject([
      { id: saved.id, number: taken.number, clerk: 'canbo3' },
    ]);
    expect(await ratings.pending(3)).toBeNull();
  });

  it('refuses a second rating of one ticket with a typed error', async () => {
    const { ratings, taken } = await servedAt3();
    await ratings.rate({ counter: 3, number: taken.number, score: 'satisfied' });
    await expect(
      ratings.rate({ counter: 3, number: taken.number, score: 'very_satisfied' }),
    ).rejects.toMatchObject({ code: 'RATING_ALREADY_GIVEN' });
    expect(db.prepare('SELECT COUNT(*) AS n FROM queue_ratings').get()).toEqual({ n: 1 });
  });

  it('refuses a rating at a counter with nothing pending, and for a number it has moved past', async () => {
    const { ratings, queue, taken } = await servedAt3();
    await expect(ratings.rate({ counter: 1, score: 'satisfied' })).rejects.toMatchObject({
      code: 'RATING_NONE_PENDING',
    });
    await expect(
      ratings.rate({ counter: 3, number: taken.number + 5, score: 'satisfied' }),
    ).rejects.toMatchObject({ code: 'RATING_NONE_PENDING' });
    await expect(ratings.rate({ counter: 42, score: 'satisfied' })).rejects.toMatchObject({
      code: 'QUEUE_COUNTER_UNKNOWN',
    });
    // The window passes: the served ticket is no longer asked about.
    clock += 10 * MINUTE;
    expect(await ratings.pending(3)).toBeNull();
    const next = await queue.take({ area: 'DD' });
    await queue.callNext(3, { clerk: 'canbo3' });
    expect(await ratings.pending(3)).toMatchObject({ number: next.number });
  });

  it('refuses reasons that are not in the list or come with a good score', async () => {
    const { ratings } = await servedAt3();
    await expect(
      ratings.rate({ counter: 3, score: 'very_satisfied', reasons: ['attitude'] }),
    ).rejects.toMatchObject({ code: 'RATING_INVALID' });
    await expect(
      ratings.rate({ counter: 3, score: 'dissatisfied', reasons: ['too slow'] }),
    ).rejects.toMatchObject({ code: 'RATING_INVALID' });
    expect(await ratings.pending(3)).not.toBeNull();
  });

  it('keeps an owed rating through retries until the portal acknowledges it, or parks a refused one', async () => {
    const { ratings, taken } = await servedAt3();
    const saved = await ratings.rate({ counter: 3, number: taken.number, score: 'neutral' });
    await ratings.retryLater(saved.id, 'Cổng không trả lời', clock + MINUTE);
    expect(await ratings.owed(clock, 10)).toEqual([]);
    expect(await ratings.owed(clock + MINUTE, 10)).toMatchObject([{ id: saved.id, attempts: 1 }]);
    expect(await ratings.depth()).toEqual({ owed: 1, parked: 0 });
    await ratings.delivered(saved.id, clock + MINUTE);
    expect(await ratings.owed(clock + 2 * MINUTE, 10)).toEqual([]);
    expect(await ratings.depth()).toEqual({ owed: 0, parked: 0 });
  });

  it('tells Diagnostics how many ratings are owed, warns after an hour and on a refusal', async () => {
    const { ratings, taken } = await servedAt3();
    const probe = createRatingProbe({ outbox: ratings, delivering: true, now: () => clock });
    expect(await probe.check()).toMatchObject({ status: 'ok', detail: '0 owed, 0 refused' });
    const saved = await ratings.rate({ counter: 3, number: taken.number, score: 'satisfied' });
    expect(await probe.check()).toMatchObject({
      status: 'ok',
      detailVi:
        '1 đánh giá chờ gửi lên Cổng, 0 đánh giá bị Cổng từ chối; đánh giá chờ lâu nhất đã 0 phút',
    });
    clock += 61 * MINUTE;
    expect(await probe.check()).toMatchObject({ status: 'warn' });
    await ratings.park(saved.id, 'Cổng từ chối');
    const refused = await probe.check();
    expect(refused).toMatchObject({ status: 'warn', detail: '0 owed, 1 refused' });
    expect(refused.fix?.vi).toContain('1 đánh giá bị Cổng từ chối');
  });
});
