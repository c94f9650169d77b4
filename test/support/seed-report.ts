import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../electron/services/store/dossier-store';

/**
 * A centre's day written straight into a data folder's queue tables, with
 * times chosen so every figure of the report can be worked out by hand. The
 * folder must have been opened once by the kiosk (migrations run). Ratings
 * are written as the rating screen will (queue:0002's table).
 *
 * 2026-12-01, area HT (Hộ tịch): three tickets
 *   #1 waited 4 min, served in 6 min at counter 1 by lan, rated very satisfied
 *   #2 priority (elderly), waited 10 min, served in 12 min at counter 1 by lan, rated satisfied
 *   #3 waited 30 min, no-show
 * 2026-12-02, area CT (Chứng thực): #1 waited 22 min, served in 8 min at
 *   counter 2 by minh, rated dissatisfied; #2 left waiting (reported a no-show: the day has ended).
 * 2026-11-30 (outside the usual range): HT #1 waited 50 min, served, rated neutral.
 * Waits 4, 10, 30, 22 → median 16, p90 30 (day one: median 10); services 6, 12, 8 → median 8.
 */
export function seedCentreDay(dataDir: string): void {
  const db = new Database(join(dataDir, DATABASE_FILE));
  const at = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+07:00`);
  const ticket = db.prepare(
    `INSERT INTO queue_tickets (id, day, number, area, priority, status, counter, calls,
       taken_at, first_called_at, called_at, served_at, clerk)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rating = db.prepare(
    `INSERT INTO queue_ratings (id, ticket_id, day, counter, clerk, score, rated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const served = (
    id: string,
    day: string,
    number: number,
    area: string,
    counter: number,
    clerk: string,
    times: readonly [taken: string, called: string, servedAt: string],
    priority: string | null = null,
  ) =>
    ticket.run(
      id,
      day,
      number,
      area,
      priority,
      'served',
      counter,
      1,
      at(day, times[0]),
      at(day, times[1]),
      at(day, times[1]),
      at(day, times[2]),
      clerk,
    );
  db.transaction(() => {
    served('t1', '2026-12-01', 1, 'HT', 1, 'lan', ['08:00', '08:04', '08:10']);
    served('t2', '2026-12-01', 2, 'HT', 1, 'lan', ['08:02', '08:12', '08:24'], 'elderly');
    ticket.run(
      't3',
      '2026-12-01',
      3,
      'HT',
      null,
      'no_show',
      2,
      3,
      at('2026-12-01', '08:05'),
      at('2026-12-01', '08:35'),
      at('2026-12-01', '08:37'),
      null,
      'minh',
    );
    served('t4', '2026-12-02', 1, 'CT', 2, 'minh', ['09:00', '09:22', '09:30']);
    ticket.run(
      't5',
      '2026-12-02',
      2,
      'CT',
      null,
      'waiting',
      null,
      0,
      at('2026-12-02', '09:10'),
      null,
      null,
      null,
      null,
    );
    served('t6', '2026-11-30', 1, 'HT', 1, 'lan', ['08:00', '08:50', '08:55']);
    rating.run('r1', 't1', '2026-12-01', 1, 'lan', 'very_satisfied', at('2026-12-01', '08:11'));
    rating.run('r2', 't2', '2026-12-01', 1, 'lan', 'satisfied', at('2026-12-01', '08:25'));
    rating.run('r3', 't4', '2026-12-02', 2, 'minh', 'dissatisfied', at('2026-12-02', '09:31'));
    rating.run('r4', 't6', '2026-11-30', 1, 'lan', 'neutral', at('2026-11-30', '08:56'));
  })();
  db.close();
}
