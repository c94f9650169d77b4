import type pg from 'pg';

/**
 * The shared queue's schema in the centre's PostgreSQL, created and migrated
 * by whichever kiosk connects first (issue 19 item 7). The same shape as the
 * SQLite tables (0001/0002), so the rules and views are shared; times are
 * epoch milliseconds (bigint) from the database's clock, one clock for every
 * machine of the centre.
 *
 * - `queue_days.last_number`: the day's last allocated number; an upsert
 *   under its row lock allocates, so no two machines get the same number.
 * - `queue_blocks`: numbers a ticket kiosk reserved to issue while the
 *   database is away (`used` counts those it has brought back).
 * - `queue_tickets.machine`: which machine issued the ticket, and `offline`
 *   marks one issued from a reserved block and reconciled later.
 */
const migrations: readonly {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}[] = [
  {
    version: 1,
    name: 'queue-tickets',
    sql: `
      CREATE TABLE queue_days (
        day text PRIMARY KEY,
        last_number integer NOT NULL CHECK (last_number >= 0)
      );
      CREATE TABLE queue_tickets (
        id text PRIMARY KEY,
        day text NOT NULL,
        number integer NOT NULL CHECK (number >= 1),
        area text NOT NULL,
        priority text CHECK (priority IN ('elderly', 'disability', 'pregnant', 'merit')),
        status text NOT NULL CHECK (status IN ('waiting', 'called', 'served', 'no_show')),
        counter integer,
        for_counter integer,
        calls integer NOT NULL DEFAULT 0 CHECK (calls >= 0),
        taken_at bigint NOT NULL,
        first_called_at bigint,
        called_at bigint,
        served_at bigint,
        dossier_code text,
        clerk text,
        machine text NOT NULL,
        offline boolean NOT NULL DEFAULT false,
        UNIQUE (day, number)
      );
      CREATE INDEX queue_tickets_waiting ON queue_tickets (day, area) WHERE status = 'waiting';
      CREATE INDEX queue_tickets_called ON queue_tickets (day, counter) WHERE status = 'called';
      CREATE INDEX queue_tickets_served ON queue_tickets (area, served_at) WHERE status = 'served';
      CREATE TABLE queue_blocks (
        day text NOT NULL,
        machine text NOT NULL,
        first_number integer NOT NULL,
        last_number integer NOT NULL CHECK (last_number >= first_number),
        reserved_at bigint NOT NULL,
        PRIMARY KEY (day, first_number)
      );
    `,
  },
  {
    // Appointments picked up with the CCCD, and the booked mark (SQLite's queue:0004, same shape).
    version: 2,
    name: 'appointments',
    sql: `
      ALTER TABLE queue_tickets ADD COLUMN booked boolean NOT NULL DEFAULT false;
      CREATE TABLE queue_appointments (
        id text PRIMARY KEY,
        day text NOT NULL,
        slot text NOT NULL CHECK (slot ~ '^[0-2][0-9]:[0-5][0-9]$'),
        area text NOT NULL,
        cccd_hmac text NOT NULL CHECK (length(cccd_hmac) = 64),
        initials text,
        booked_at bigint NOT NULL,
        booked_by text,
        checked_in_at bigint,
        arrival text CHECK (arrival IN ('on_time', 'early', 'late')),
        ticket_id text,
        ticket_number integer,
        UNIQUE (day, cccd_hmac, slot)
      );
      CREATE INDEX queue_appointments_by_card ON queue_appointments (cccd_hmac, day);
      CREATE INDEX queue_appointments_by_day ON queue_appointments (day, slot);
      CREATE TABLE queue_appointment_key (
        id integer PRIMARY KEY CHECK (id = 1),
        key bytea NOT NULL CHECK (length(key) = 32)
      );
    `,
  },
  {
    version: 3,
    name: 'ratings',
    // As the SQLite queue_ratings (queue:0002/0003): one rating per ticket, each
    // its own outbox row. `claimed_until`/`claimed_by`: the lease a machine's
    // delivery loop holds on a rating it is sending (postgres-ratings.ts).
    sql: `
      CREATE TABLE queue_ratings (
        id text PRIMARY KEY,
        ticket_id text REFERENCES queue_tickets(id),
        day text NOT NULL,
        counter integer NOT NULL CHECK (counter BETWEEN 1 AND 99),
        clerk text,
        dossier_code text,
        score text NOT NULL
          CHECK (score IN ('very_satisfied', 'satisfied', 'neutral', 'dissatisfied')),
        reasons jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(reasons) = 'array'),
        rated_at bigint NOT NULL,
        machine text NOT NULL,
        sent_at bigint,
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at bigint NOT NULL DEFAULT 0,
        last_error text,
        parked boolean NOT NULL DEFAULT false,
        claimed_until bigint,
        claimed_by text
      );
      CREATE UNIQUE INDEX queue_ratings_one_per_ticket ON queue_ratings (ticket_id)
        WHERE ticket_id IS NOT NULL;
      CREATE INDEX queue_ratings_by_day ON queue_ratings (day, counter);
      CREATE INDEX queue_ratings_owed ON queue_ratings (next_attempt_at)
        WHERE sent_at IS NULL AND NOT parked;
      CREATE INDEX queue_tickets_by_day ON queue_tickets (day);
    `,
  },
];

/** Any constant: every kiosk migrating the same database takes this one lock. */
const MIGRATION_LOCK = 1_900_190_007;

/** Applies what is missing in one transaction; machines starting together wait on one lock. */
export async function migrateCentreDb(client: pg.ClientBase): Promise<string[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS kiosk_queue_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = await client.query<{ version: number }>(
      'SELECT version FROM kiosk_queue_migrations',
    );
    const done = new Set(applied.rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    if (newest > (migrations.at(-1)?.version ?? 0))
      throw new Error(
        `centre queue database is at schema ${newest}, newer than this kiosk knows; update this kiosk`,
      );
    const ran: string[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO kiosk_queue_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      ran.push(`centre-queue:${String(m.version).padStart(4, '0')}-${m.name}`);
    }
    await client.query('COMMIT');
    return ran;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
