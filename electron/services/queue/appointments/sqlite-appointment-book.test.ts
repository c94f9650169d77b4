import type Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CentreSchema } from '../../config/centre-schema';
import { migrate } from '../../store/migrator';
import { openDatabase } from '../../store/open-database';
import { queueMigrations } from '../queue-migrations';
import { SqliteCentreQueue } from '../sqlite-centre-queue';
import { checkInAppointment } from './appointment-check-in';
import { SqliteAppointmentBook } from './sqlite-appointment-book';

const MINUTE = 60_000;
const CCCD = '001099012345';
let dir: string;
let file: string;
let db: Database.Database;
let clock: number;
let book: SqliteAppointmentBook;
let queue: SqliteCentreQueue;

/** Vietnam local HH:MM on 2026-12-07 as epoch ms (UTC+7). */
function at(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return Date.UTC(2026, 11, 7, (h ?? 0) - 7, m ?? 0);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'appointments-'));
  file = join(dir, 'kiosk.sqlite3');
  db = openDatabase(file);
  migrate(db, queueMigrations);
  clock = at('08:00');
  const centre = CentreSchema.parse({});
  book = new SqliteAppointmentBook(db, { centre, now: () => clock });
  queue = new SqliteCentreQueue(db, { centre, now: () => clock });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const checkIn = (cccd = CCCD) => checkInAppointment({ book, queue, now: () => clock }, cccd);

describe('appointments on SQLite', () => {
  it('stores a keyed hash, never the ID number', async () => {
    const booked = await book.book({ cccd: CCCD, area: 'ht', day: '2026-12-07', slot: '09:30' });
    expect(booked).toMatchObject({
      area: 'HT',
      areaName: 'Hộ tịch',
      slot: '09:30',
      checkedInAt: null,
    });
    db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from(CCCD))).toBe(false);
    const row = db
      .prepare<[], { cccd_hmac: string }>('SELECT cccd_hmac FROM queue_appointments')
      .get();
    expect(row?.cccd_hmac).toMatch(/^[0-9a-f]{64}$/);
    // Not a plain SHA-256 someone could recompute from the number alone.
    const { createHash } = await import('node:crypto');
    expect(row?.cccd_hmac).not.toBe(createHash('sha256').update(CCCD).digest('hex'));
  });

  it('refuses a past day, a bad time, a bad number and the same slot twice', async () => {
    await expect(
      book.book({ cccd: CCCD, area: 'HT', day: '2026-12-06', slot: '09:30' }),
    ).rejects.toMatchObject({ code: 'APPOINTMENT_INVALID' });
    await expect(
      book.book({ cccd: CCCD, area: 'HT', day: '2026-12-07', slot: '9:30' }),
    ).rejects.toMatchObject({ code: 'APPOINTMENT_INVALID' });
    await expect(
      book.book({ cccd: '12345', area: 'HT', day: '2026-12-07', slot: '09:30' }),
    ).rejects.toMatchObject({ code: 'APPOINTMENT_INVALID' });
    await expect(
      book.book({ cccd: CCCD, area: 'XX', day: '2026-12-07', slot: '09:30' }),
    ).rejects.toMatchObject({ code: 'QUEUE_AREA_UNKNOWN' });
    await book.book({ cccd: CCCD, area: 'HT', day: '2026-12-07', slot: '09:30' });
    await expect(
      book.book({ cccd: CCCD, area: 'HT', day: '2026-12-07', slot: '09:30' }),
    ).rejects.toMatchObject({ code: 'APPOINTMENT_INVALID' });
  });

  it('gives a booked ticket on time, called after priority and before earlier walk-ins, once', async () => {
    await book.book({
      cccd: CCCD,
      area: 'HT',
      day: '2026-12-07',
      slot: '09:30',
      initials: 'N.V.A',
    });
    clock = at('09:05');
    const walkIn = await queue.take({ area: 'HT' });
    clock += MINUTE;
    const priority = await queue.take({ area: 'HT', priority: 'elderly' });
    clock += MINUTE;
    const done = await checkIn();
    expect(done.arrival).toBe('on_time');
    expect(done.ticket).toMatchObject({ booked: true, area: 'HT', peopleAhead: 1 });
    await expect(checkIn()).rejects.toMatchObject({ code: 'APPOINTMENT_ALREADY_USED' });
    const [listed] = await book.list('2026-12-07');
    expect(listed).toMatchObject({
      initials: 'N.V.A',
      arrival: 'on_time',
      ticketNumber: done.ticket.number,
    });
    const order = [];
    for (let i = 0; i < 3; i += 1) order.push((await queue.callNext(1))?.number);
    expect(order).toEqual([priority.number, done.ticket.number, walkIn.number]);
  });

  it('gives an ordinary ticket early or late and says so; nothing today says so', async () => {
    await book.book({ cccd: CCCD, area: 'HT', day: '2026-12-07', slot: '10:00' });
    await book.book({ cccd: '079200001111', area: 'CU', day: '2026-12-07', slot: '08:00' });
    clock = at('09:29');
    const early = await checkIn();
    expect(early.arrival).toBe('early');
    expect(early.ticket.booked).toBe(false);
    clock = at('08:31');
    const late = await checkIn('079200001111');
    expect(late).toMatchObject({ arrival: 'late', ticket: { booked: false, area: 'CU' } });
    await expect(checkIn('001099099999')).rejects.toMatchObject({ code: 'APPOINTMENT_NONE_TODAY' });
  });

  it('gives the claim back when the ticket cannot be taken', async () => {
    await book.book({ cccd: CCCD, area: 'HT', day: '2026-12-07', slot: '08:00' });
    const failing = { take: () => Promise.reject(new Error('printer room on fire')) };
    await expect(
      checkInAppointment({ book, queue: failing, now: () => clock }, CCCD),
    ).rejects.toThrow();
    expect((await checkIn()).ticket.booked).toBe(true);
  });

  it('forgets appointments older than 30 days when booking', async () => {
    await book.book({ cccd: CCCD, area: 'HT', day: '2026-12-07', slot: '08:00' });
    clock += 31 * 24 * 60 * MINUTE;
    await book.book({ cccd: CCCD, area: 'HT', day: '2027-01-07', slot: '08:00' });
    expect(await book.list('2026-12-07')).toEqual([]);
  });
});
