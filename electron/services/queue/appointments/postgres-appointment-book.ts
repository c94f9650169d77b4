import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { CentreConfig } from '../../config/centre-schema';
import type { QueueArea } from '../centre-queue-store';
import type { PostgresCentreDb } from '../postgres-centre-db';
import { queueOffline } from '../postgres-connection';
import type { Appointment, AppointmentBook, BookInput, Claim } from './appointment-book';
import { arrivalAt, chooseAppointment, oldestKept, vnNow } from './appointment-rules';
import { APPOINTMENT_COLUMNS, appointmentView, type AppointmentRow } from './appointment-rows';
import { checkBooking, duplicateBooking } from './booking-input';
import { cccdHmac, newCentreKey } from './cccd-hmac';

/**
 * The appointment book in the centre's shared PostgreSQL queue database, so
 * any machine of the centre books and any ticket kiosk picks up. A claim
 * locks the card's rows for the day (SELECT … FOR UPDATE): a second kiosk
 * reading the same card waits for the first to commit, then sees the row
 * picked up and answers `already`.
 */
export class PostgresAppointmentBook implements AppointmentBook {
  readonly #db: PostgresCentreDb;
  readonly #areas: readonly QueueArea[];
  readonly #now: () => number;
  #key: Buffer | null = null;

  constructor(options: {
    readonly centre: CentreConfig;
    /** The machine's queue pool: a pick-up is as short as a take, and feeds one. */
    readonly db: PostgresCentreDb;
    readonly now?: () => number;
  }) {
    this.#areas = options.centre.areas.map((a) => ({
      code: a.code,
      name: a.name,
      counters: [...a.counters],
    }));
    this.#db = options.db;
    this.#now = options.now ?? Date.now;
  }

  async book(input: BookInput): Promise<Appointment> {
    const at = this.#now();
    const today = vnNow(at).day;
    const b = checkBooking(input, this.#areas, today);
    return this.#online(async (client) => {
      const hmac = cccdHmac(await this.#centreKey(client), b.cccd);
      await client.query('DELETE FROM queue_appointments WHERE day < $1', [oldestKept(today)]);
      const { rows } = await client.query<AppointmentRow>(
        `INSERT INTO queue_appointments
           (id, day, slot, area, cccd_hmac, initials, booked_at, booked_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (day, cccd_hmac, slot) DO NOTHING
         RETURNING ${APPOINTMENT_COLUMNS}`,
        [uuidv7(), b.day, b.slot, b.area.code, hmac, b.initials, at, b.bookedBy],
      );
      const row = rows[0];
      if (row === undefined) throw duplicateBooking(b.day, b.slot);
      return appointmentView(row, this.#areas);
    });
  }

  list(day: string): Promise<readonly Appointment[]> {
    return this.#online(async (client) => {
      const { rows } = await client.query<AppointmentRow>(
        `SELECT ${APPOINTMENT_COLUMNS} FROM queue_appointments WHERE day = $1 ORDER BY slot, booked_at`,
        [day],
      );
      return rows.map((r) => appointmentView(r, this.#areas));
    });
  }

  claim(input: { cccd: string; day: string; minutes: number; at: number }): Promise<Claim> {
    return this.#online(async (client): Promise<Claim> => {
      const hmac = cccdHmac(await this.#centreKey(client), input.cccd);
      const { rows } = await client.query<AppointmentRow>(
        `SELECT ${APPOINTMENT_COLUMNS} FROM queue_appointments
         WHERE cccd_hmac = $1 AND day = $2 FOR UPDATE`,
        [hmac, input.day],
      );
      const chosen = chooseAppointment(
        rows.map((r) => appointmentView(r, this.#areas)),
        input.minutes,
      );
      if (chosen.kind === 'none') return { kind: 'none' };
      if (chosen.kind === 'already') return { kind: 'already', appointment: chosen.row };
      const arrival = arrivalAt(chosen.row.slot, input.minutes);
      const done = await client.query(
        `UPDATE queue_appointments SET checked_in_at = $1, arrival = $2
         WHERE id = $3 AND checked_in_at IS NULL`,
        [input.at, arrival, chosen.row.id],
      );
      if (done.rowCount !== 1) return { kind: 'already', appointment: chosen.row };
      return { kind: 'claimed', appointment: { ...chosen.row, checkedInAt: input.at, arrival } };
    });
  }

  async settle(id: string, ticket: { id: string; number: number }): Promise<void> {
    await this.#online((client) =>
      client.query(
        'UPDATE queue_appointments SET ticket_id = $1, ticket_number = $2 WHERE id = $3',
        [ticket.id, ticket.number, id],
      ),
    );
  }

  async release(id: string): Promise<void> {
    await this.#online((client) =>
      client.query(
        `UPDATE queue_appointments SET checked_in_at = NULL, arrival = NULL
         WHERE id = $1 AND ticket_id IS NULL`,
        [id],
      ),
    );
  }

  /** The centre key, created by the first machine that needs it (ON CONFLICT: all agree on one). */
  async #centreKey(client: pg.ClientBase): Promise<Buffer> {
    if (this.#key !== null) return this.#key;
    await client.query(
      'INSERT INTO queue_appointment_key (id, key) VALUES (1, $1) ON CONFLICT (id) DO NOTHING',
      [newCentreKey()],
    );
    const { rows } = await client.query<{ key: Buffer }>(
      'SELECT key FROM queue_appointment_key WHERE id = 1',
    );
    const key = rows[0]?.key;
    if (key === undefined) throw new Error('queue: the appointment key row is missing');
    this.#key = key;
    return key;
  }

  /** Runs `body` in a transaction; a lost database becomes QUEUE_OFFLINE. */
  #online<T>(body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.#db.online(body, queueOffline);
  }
}
