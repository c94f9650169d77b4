import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { CentreConfig } from '../../config/centre-schema';
import type { QueueArea } from '../centre-queue-store';
import { run } from '../ticket-rows';
import type { Appointment, AppointmentBook, BookInput, Claim } from './appointment-book';
import { arrivalAt, chooseAppointment, oldestKept, vnNow } from './appointment-rules';
import { APPOINTMENT_COLUMNS, appointmentView, type AppointmentRow } from './appointment-rows';
import { checkBooking, duplicateBooking } from './booking-input';
import { cccdHmac, newCentreKey } from './cccd-hmac';

/**
 * The appointment book in the kiosk's own SQLite file, beside the embedded
 * queue. A claim runs in BEGIN IMMEDIATE: the write lock orders kiosks and
 * `kiosk queue` commands sharing the file, and the UPDATE only touches a row
 * not yet picked up, so one check-in wins.
 */
export class SqliteAppointmentBook implements AppointmentBook {
  readonly #db: Database.Database;
  readonly #areas: readonly QueueArea[];
  readonly #now: () => number;
  #key: Buffer | null = null;

  constructor(
    db: Database.Database,
    options: { readonly centre: CentreConfig; readonly now?: () => number },
  ) {
    this.#db = db;
    this.#areas = options.centre.areas.map((a) => ({
      code: a.code,
      name: a.name,
      counters: [...a.counters],
    }));
    this.#now = options.now ?? Date.now;
  }

  book(input: BookInput): Promise<Appointment> {
    return run(() => {
      const at = this.#now();
      const today = vnNow(at).day;
      const b = checkBooking(input, this.#areas, today);
      const hmac = cccdHmac(this.#centreKey(), b.cccd);
      return this.#db
        .transaction((): Appointment => {
          this.#db.prepare('DELETE FROM queue_appointments WHERE day < ?').run(oldestKept(today));
          const row = this.#db
            .prepare<unknown[], AppointmentRow>(
              `INSERT INTO queue_appointments
                 (id, day, slot, area, cccd_hmac, initials, booked_at, booked_by)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (day, cccd_hmac, slot) DO NOTHING
               RETURNING ${APPOINTMENT_COLUMNS}`,
            )
            .get(uuidv7(), b.day, b.slot, b.area.code, hmac, b.initials, at, b.bookedBy);
          if (row === undefined) throw duplicateBooking(b.day, b.slot);
          return appointmentView(row, this.#areas);
        })
        .immediate();
    });
  }

  list(day: string): Promise<readonly Appointment[]> {
    return run(() =>
      this.#db
        .prepare<[string], AppointmentRow>(
          `SELECT ${APPOINTMENT_COLUMNS} FROM queue_appointments WHERE day = ? ORDER BY slot, booked_at`,
        )
        .all(day)
        .map((r) => appointmentView(r, this.#areas)),
    );
  }

  claim(input: { cccd: string; day: string; minutes: number; at: number }): Promise<Claim> {
    return run(() => {
      const hmac = cccdHmac(this.#centreKey(), input.cccd);
      return this.#db
        .transaction((): Claim => {
          const rows = this.#db
            .prepare<[string, string], AppointmentRow>(
              `SELECT ${APPOINTMENT_COLUMNS} FROM queue_appointments WHERE cccd_hmac = ? AND day = ?`,
            )
            .all(hmac, input.day)
            .map((r) => appointmentView(r, this.#areas));
          const chosen = chooseAppointment(rows, input.minutes);
          if (chosen.kind === 'none') return { kind: 'none' };
          if (chosen.kind === 'already') return { kind: 'already', appointment: chosen.row };
          const arrival = arrivalAt(chosen.row.slot, input.minutes);
          const done = this.#db
            .prepare(
              `UPDATE queue_appointments SET checked_in_at = ?, arrival = ?
               WHERE id = ? AND checked_in_at IS NULL`,
            )
            .run(input.at, arrival, chosen.row.id);
          // Under the write lock nobody else can have claimed it; the guard is the last line.
          if (done.changes !== 1) return { kind: 'already', appointment: chosen.row };
          return {
            kind: 'claimed',
            appointment: { ...chosen.row, checkedInAt: input.at, arrival },
          };
        })
        .immediate();
    });
  }

  settle(id: string, ticket: { id: string; number: number }): Promise<void> {
    return run(() => {
      this.#db
        .prepare('UPDATE queue_appointments SET ticket_id = ?, ticket_number = ? WHERE id = ?')
        .run(ticket.id, ticket.number, id);
    });
  }

  release(id: string): Promise<void> {
    return run(() => {
      this.#db
        .prepare(
          `UPDATE queue_appointments SET checked_in_at = NULL, arrival = NULL
           WHERE id = ? AND ticket_id IS NULL`,
        )
        .run(id);
    });
  }

  /** The centre key, created by the first use (INSERT OR IGNORE: two processes agree on one). */
  #centreKey(): Buffer {
    if (this.#key !== null) return this.#key;
    this.#db
      .prepare('INSERT OR IGNORE INTO queue_appointment_key (id, key) VALUES (1, ?)')
      .run(newCentreKey());
    const row = this.#db
      .prepare<[], { key: Buffer }>('SELECT key FROM queue_appointment_key WHERE id = 1')
      .get();
    if (row === undefined) throw new Error('queue: the appointment key row is missing');
    this.#key = row.key;
    return row.key;
  }
}
