import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { CentreConfig } from '../config/centre-schema';
import { StoreError } from '../store/store-error';
import type {
  CentreQueueStore,
  PriorityReason,
  QueueArea,
  QueueCallListener,
  QueueChangeListener,
  QueueStatus,
  QueueTicket,
  TakenTicket,
  TransferTarget,
} from './centre-queue-store';
import type { OfflineTicketStash, StashedTicket } from './offline-ticket-stash';
import { CALL_CHANNEL, CHANGE_CHANNEL, PostgresCallListener } from './postgres-call-listener';
import { DB_NOW, type PostgresCentreDb } from './postgres-centre-db';
import { noReservedNumbers, queueOffline } from './postgres-connection';
import {
  RANK_SQL,
  readStatus,
  recentServiceDurations,
  TICKET_COLUMNS,
  waitingAhead,
} from './postgres-queue-reads';
import { callLimit, noCurrent, skipTooEarly } from './queue-errors';
import {
  checkCounter,
  checkDossierCode,
  closeEarlierDaysSql,
  checkTransfer,
  estimateWaitMinutes,
  findArea,
  IN_AREA_LINE_SQL,
  queueAreasOf,
  peopleAhead,
  queueDay,
  statusWhenPassedOver,
} from './queue-rules';
import { ticketView, type TicketRow } from './ticket-rows';

const RECENT_SERVICES = 20;
/** pg_advisory_xact_lock(COUNTER_LOCK, counter): one change at a time per counter. */
const COUNTER_LOCK = 1_900_190_019;
const RECONCILE_EVERY_MS = 3000;

export interface PostgresCentreQueueOptions {
  readonly centre: CentreConfig;
  /** This machine's queue pool; its name is recorded on the tickets and blocks it issues. */
  readonly db: PostgresCentreDb;
  /** Where a ticket kiosk keeps reserved numbers and offline tickets; absent: no offline numbers. */
  readonly stash?: OfflineTicketStash;
  /** Tests only: a fixed clock instead of the database's. */
  readonly now?: () => number;
}

/**
 * The centre queue shared through PostgreSQL by every machine of a centre
 * (issue 19 item 7). Numbers come from a row-locked upsert, so processes on
 * any machine never get the same one; a counter takes its next ticket with
 * FOR UPDATE SKIP LOCKED, so two counters never call the same one, and
 * sends the call with pg_notify in the same transaction (delivered at
 * commit to every machine's LISTEN). While the database is away, `take`
 * issues numbers from the block this machine reserved earlier and writes
 * them back when the database returns; counters get QUEUE_OFFLINE.
 */
export class PostgresCentreQueue implements CentreQueueStore {
  readonly #db: PostgresCentreDb;
  readonly #areas: readonly QueueArea[];
  readonly #centre: CentreConfig;
  readonly #machine: string;
  readonly #stash: OfflineTicketStash | undefined;
  readonly #now: (() => number) | undefined;
  readonly #listener: PostgresCallListener;
  #reconciling: Promise<number> | null = null;
  #toppingUp: Promise<void> | undefined;
  #timer: NodeJS.Timeout | null = null;
  /** Block top-ups and write-backs started after a take; close() waits for them. */
  readonly #background = new Set<Promise<unknown>>();
  /** The last waiting count per area seen online: the offline ticket's "people ahead". */
  readonly #lastWaiting = new Map<string, number>();

  constructor(options: PostgresCentreQueueOptions) {
    this.#centre = options.centre;
    this.#areas = queueAreasOf(options.centre);
    this.#db = options.db;
    this.#machine = options.db.machine;
    this.#stash = options.stash;
    this.#now = options.now;
    this.#listener = new PostgresCallListener(
      options.db.url,
      options.db.machine,
      () => void this.reconcile(),
    );
    if (this.#stash !== undefined) {
      this.#timer = setInterval(() => {
        this.#inBackground(this.reconcile());
      }, RECONCILE_EVERY_MS);
      this.#timer.unref();
    }
  }

  /** Creates or migrates the schema (once per process; retried after a failure). */
  ready(): Promise<void> {
    return this.#db.ready();
  }

  areas(): Promise<readonly QueueArea[]> {
    return Promise.resolve(this.#areas);
  }

  async take(input: {
    area: string;
    priority?: PriorityReason | null;
    booked?: boolean;
  }): Promise<TakenTicket> {
    const area = findArea(this.#areas, input.area);
    const priority = input.priority ?? null;
    const booked = input.booked === true;
    try {
      // No transaction around it: the allocation is one statement, the counts after it are reads.
      const ticket = await this.#online(
        (client) => this.#takeOnline(client, area, priority, booked),
        null,
      );
      this.#inBackground(this.#topUpBlock().then(() => this.reconcile()));
      return ticket;
    } catch (error) {
      if (!(error instanceof StoreError) || error.code !== 'QUEUE_OFFLINE') throw error;
      if (this.#stash === undefined) throw error;
      return this.#takeOffline(area, priority);
    }
  }

  async #takeOnline(
    client: pg.ClientBase,
    area: QueueArea,
    priority: PriorityReason | null,
    booked: boolean,
  ): Promise<TakenTicket> {
    const day = queueDay(this.#clock());
    // One statement, so one implicit transaction: the day row stays locked only for the
    // allocation and the insert, and numbers and times follow commit order.
    const inserted = await client.query<TicketRow>(
      `WITH allocated AS (
         INSERT INTO queue_days (day, last_number) VALUES ($2, 1)
         ON CONFLICT (day) DO UPDATE SET last_number = queue_days.last_number + 1
         RETURNING last_number, COALESCE($6::bigint, ${DB_NOW}) AS at
       )
       INSERT INTO queue_tickets (id, day, number, area, priority, status, taken_at, machine, booked)
       SELECT $1, $2, last_number, $3, $4, 'waiting', at, $5, $7 FROM allocated
       RETURNING ${TICKET_COLUMNS}`,
      [uuidv7(), day, area.code, priority, this.#machine, this.#now?.() ?? null, booked],
    );
    const ticket = this.#view(this.#first(inserted.rows));
    const { ahead, waiting } = await waitingAhead(client, ticket);
    this.#lastWaiting.set(area.code, waiting);
    const taken = {
      ...ticket,
      peopleAhead: ahead,
      estimatedWaitMinutes: await this.#estimate(client, area, ahead),
    };
    // Autocommit: the ticket is committed already. Sent after the citizen has the answer, so
    // a take costs no extra round trip; the count is the one this take saw.
    this.#inBackground(
      this.#online(
        (c) => this.#sendChange(c, { area: area.code, waiting, at: ticket.takenAt }),
        null,
      ),
    );
    return taken;
  }

  #takeOffline(area: QueueArea, priority: PriorityReason | null): TakenTicket {
    const stash = this.#stash;
    if (stash === undefined) throw noReservedNumbers();
    const at = this.#clock();
    const issued = stash.issue({
      id: uuidv7(),
      day: queueDay(at),
      area: area.code,
      priority,
      taken_at: at,
    });
    if (issued === null) throw noReservedNumbers();
    const ticket = ticketView(stashedRow(issued), this.#areas);
    // This machine's offline tickets before it, plus (for an ordinary ticket) those waiting
    // when the database was last seen: a priority ticket goes before all of those.
    const mine = this.#stash?.pending().map((t) => ticketView(stashedRow(t), this.#areas)) ?? [];
    const seen = priority === null ? (this.#lastWaiting.get(area.code) ?? 0) : 0;
    const ahead = peopleAhead(ticket, mine) + seen;
    return {
      ...ticket,
      peopleAhead: ahead,
      estimatedWaitMinutes: estimateWaitMinutes({
        peopleAhead: ahead,
        serviceDurationsMs: [],
        counters: area.counters.length,
        defaultServiceMinutes: this.#centre.defaultServiceMinutes,
      }),
    };
  }

  /** Reserves a block of numbers for offline use when this machine has none left for today. */
  /**
   * One reservation in flight at a time: every take starts a top-up in the
   * background, and takes made together would each see the block still
   * empty and each reserve one (a kiosk then held 5–8 blocks and the day's
   * numbers jumped by hundreds).
   */
  #topUpBlock(): Promise<void> {
    this.#toppingUp ??= this.#reserveBlock().finally(() => {
      this.#toppingUp = undefined;
    });
    return this.#toppingUp;
  }

  async #reserveBlock(): Promise<void> {
    const stash = this.#stash;
    if (stash === undefined) return;
    const day = queueDay(this.#clock());
    if (stash.remaining(day) > 0) return;
    const size = this.#centre.offlineBlock;
    const block = await this.#online(async (client) => {
      const { rows } = await client.query<{ last: number; at: number }>(
        `INSERT INTO queue_days (day, last_number) VALUES ($1, $2)
         ON CONFLICT (day) DO UPDATE SET last_number = queue_days.last_number + $2
         RETURNING last_number AS last, ${DB_NOW} AS at`,
        [day, size],
      );
      const row = rows[0];
      if (row === undefined) throw new Error('queue: the block upsert returned no row');
      const first = row.last - size + 1;
      await client.query(
        `INSERT INTO queue_blocks (day, machine, first_number, last_number, reserved_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [day, this.#machine, first, row.last, row.at],
      );
      return { first, last: row.last };
    });
    // Recorded after PostgreSQL committed: a block lost before this line is only a gap in numbers.
    stash.addBlock(day, block.first, block.last);
  }

  /**
   * Writes the tickets issued offline to PostgreSQL, each once (by id), and
   * forgets each only after its commit. Returns how many were written.
   */
  reconcile(): Promise<number> {
    const stash = this.#stash;
    if (stash === undefined) return Promise.resolve(0);
    this.#reconciling ??= (async () => {
      let written = 0;
      for (const ticket of stash.pending()) {
        await this.#online(async (client) => {
          const inserted = await client.query(
            `INSERT INTO queue_tickets
               (id, day, number, area, priority, status, taken_at, machine, offline)
             VALUES ($1, $2, $3, $4, $5, 'waiting', $6, $7, true)
             ON CONFLICT (id) DO NOTHING`,
            [
              ticket.id,
              ticket.day,
              ticket.number,
              ticket.area,
              ticket.priority,
              ticket.taken_at,
              this.#machine,
            ],
          );
          // Counters and displays learn of the ticket now, not at the next call.
          if (inserted.rowCount === 1)
            await this.#notifyChange(client, [ticket.area], ticket.day, await this.#time(client));
        });
        stash.forget(ticket.id);
        written++;
      }
      return written;
    })().finally(() => {
      this.#reconciling = null;
    });
    return this.#reconciling;
  }

  async callNext(
    counter: number,
    options: { readonly clerk?: string } = {},
  ): Promise<QueueTicket | null> {
    checkCounter(this.#areas, counter);
    const codes = this.#areas.filter((a) => a.counters.includes(counter)).map((a) => a.code);
    return this.#online(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [COUNTER_LOCK, counter]);
      const day = queueDay(this.#clock());
      // Before the call's time is read: that time stays next to the pick, as priority order needs.
      await client.query(closeEarlierDaysSql('postgres', '$1'), [day]);
      const at = await this.#time(client);
      await this.#passOver(client, day, counter, at);
      // The same order as queue-rules' callOrder; SKIP LOCKED: another counter's pick is passed over.
      const next = await client.query<{ id: string }>(
        `SELECT id FROM queue_tickets
         WHERE day = $1 AND status = 'waiting'
           AND ((for_counter IS NULL AND area = ANY($2::text[])) OR for_counter = $3)
         ORDER BY ${RANK_SQL}, taken_at, number
         LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [day, codes, counter],
      );
      const id = next.rows[0]?.id;
      if (id === undefined) return null;
      const called = await client.query<TicketRow>(
        `UPDATE queue_tickets SET status = 'called', counter = $1, calls = 1, called_at = $2,
           first_called_at = COALESCE(first_called_at, $2), clerk = $3
         WHERE id = $4 RETURNING ${TICKET_COLUMNS}`,
        [counter, at, options.clerk ?? null, id],
      );
      const ticket = this.#view(this.#first(called.rows));
      await this.#notify(client, ticket, at);
      return ticket;
    });
  }

  recall(counter: number): Promise<QueueTicket> {
    return this.#onCurrent(counter, async (client, row, at) => {
      if (row.calls >= this.#centre.maxCalls) throw callLimit(row.number, this.#centre.maxCalls);
      const updated = await client.query<TicketRow>(
        `UPDATE queue_tickets SET calls = calls + 1 WHERE id = $1 RETURNING ${TICKET_COLUMNS}`,
        [row.id],
      );
      await this.#notify(client, this.#view(this.#first(updated.rows)), at);
    });
  }

  skip(counter: number): Promise<QueueTicket> {
    return this.#onCurrent(counter, async (client, row, at) => {
      if (row.calls < this.#centre.maxCalls)
        throw skipTooEarly(row.number, row.calls, this.#centre.maxCalls);
      await client.query("UPDATE queue_tickets SET status = 'no_show' WHERE id = $1", [row.id]);
      await this.#notifyChange(client, [row.area], row.day, at);
    });
  }

  transfer(counter: number, to: TransferTarget): Promise<QueueTicket> {
    return this.#onCurrent(counter, async (client, row, at) => {
      const target = checkTransfer(this.#areas, row, counter, to);
      if ('counter' in target) {
        await client.query(
          "UPDATE queue_tickets SET status = 'waiting', calls = 0, for_counter = $1 WHERE id = $2",
          [target.counter, row.id],
        );
        await this.#notifyChange(client, [row.area], row.day, at);
        return;
      }
      await client.query(
        "UPDATE queue_tickets SET status = 'waiting', calls = 0, area = $1, for_counter = NULL WHERE id = $2",
        [target.area.code, row.id],
      );
      // Both areas' waiting counts changed.
      await this.#notifyChange(client, [row.area, target.area.code], row.day, at);
    });
  }

  serve(counter: number, options: { dossierCode?: string } = {}): Promise<QueueTicket> {
    return this.#onCurrent(counter, async (client, row, at) => {
      // After the counter checks: a wrong counter or no called ticket is said first.
      const code = checkDossierCode(options.dossierCode);
      await client.query(
        "UPDATE queue_tickets SET status = 'served', served_at = $1, dossier_code = $2 WHERE id = $3",
        [at, code ?? null, row.id],
      );
      await this.#notifyChange(client, [row.area], row.day, at);
    });
  }

  status(): Promise<QueueStatus> {
    return this.#online(async (client) => {
      const status = await readStatus(client, this.#areas, queueDay(this.#clock()), (area, n) =>
        this.#estimate(client, area, n),
      );
      for (const a of status.areas) this.#lastWaiting.set(a.code, a.waiting);
      return status;
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  onCall(listener: QueueCallListener): () => void {
    return this.#listener.add(listener);
  }

  onChange(listener: QueueChangeListener): () => void {
    return this.#listener.addChange(listener);
  }

  /** Resolves once calls from every machine reach onCall listeners. */
  listening(): Promise<void> {
    return this.#listener.listening();
  }

  /** Stops the timer, the background work and the LISTEN connection; the pool is its opener's to close. */
  async close(): Promise<void> {
    if (this.#timer !== null) clearInterval(this.#timer);
    await Promise.allSettled([...this.#background]);
    await this.#listener.close();
  }

  /** Work the citizen does not wait for; a failure is retried by the next take or the timer. */
  #inBackground(work: Promise<unknown>): void {
    const tracked = work.catch(() => undefined).finally(() => this.#background.delete(tracked));
    this.#background.add(tracked);
  }

  /** Runs `body` in a transaction; a lost database becomes QUEUE_OFFLINE. */
  #online<T>(body: (client: pg.PoolClient) => Promise<T>, mode?: string | null): Promise<T> {
    return this.#db.online(body, queueOffline, mode);
  }

  async #onCurrent(
    counter: number,
    change: (client: pg.PoolClient, row: TicketRow, at: number) => Promise<void>,
  ): Promise<QueueTicket> {
    checkCounter(this.#areas, counter);
    return this.#online(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [COUNTER_LOCK, counter]);
      const day = queueDay(this.#clock());
      await client.query(closeEarlierDaysSql('postgres', '$1'), [day]);
      const current = await client.query<TicketRow>(
        `SELECT ${TICKET_COLUMNS} FROM queue_tickets
         WHERE day = $1 AND status = 'called' AND counter = $2 FOR UPDATE`,
        [day, counter],
      );
      const row = current.rows[0];
      if (row === undefined) throw noCurrent(counter);
      await change(client, row, await this.#time(client));
      const after = await client.query<TicketRow>(
        `SELECT ${TICKET_COLUMNS} FROM queue_tickets WHERE id = $1`,
        [row.id],
      );
      return this.#view(this.#first(after.rows));
    });
  }

  /** Closes the counter's current ticket by queue-rules' statusWhenPassedOver, inside callNext. */
  async #passOver(client: pg.ClientBase, day: string, counter: number, at: number): Promise<void> {
    const { rows } = await client.query<TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM queue_tickets
       WHERE day = $1 AND status = 'called' AND counter = $2 FOR UPDATE`,
      [day, counter],
    );
    const current = rows[0];
    if (current === undefined) return;
    const status = statusWhenPassedOver(this.#view(current), this.#centre.maxCalls);
    await client.query('UPDATE queue_tickets SET status = $1, served_at = $2 WHERE id = $3', [
      status,
      status === 'served' ? at : null,
      current.id,
    ]);
  }

  /** Queued by NOTIFY inside the transaction: sent only if the call commits. */
  async #notify(client: pg.ClientBase, ticket: QueueTicket, at: number): Promise<void> {
    if (ticket.counter === null) return;
    const call = {
      number: ticket.number,
      area: ticket.area,
      areaName: ticket.areaName,
      counter: ticket.counter,
      calls: ticket.calls,
      at,
    };
    await client.query('SELECT pg_notify($1, $2)', [CALL_CHANNEL, JSON.stringify(call)]);
  }

  /**
   * Queued by NOTIFY like a call: each area's waiting count of `day` as this
   * transaction sees it, sent only if the change commits.
   */
  async #notifyChange(
    client: pg.ClientBase,
    areas: readonly string[],
    day: string,
    at: number,
  ): Promise<void> {
    for (const area of new Set(areas)) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM queue_tickets
         WHERE day = $1 AND area = $2 AND status = 'waiting' AND ${IN_AREA_LINE_SQL}`,
        [day, area],
      );
      await this.#sendChange(client, { area, waiting: rows[0]?.n ?? 0, at });
    }
  }

  async #sendChange(
    client: pg.ClientBase,
    change: { readonly area: string; readonly waiting: number; readonly at: number },
  ): Promise<void> {
    const areaName = this.#areas.find((a) => a.code === change.area)?.name ?? change.area;
    await client.query('SELECT pg_notify($1, $2)', [
      CHANGE_CHANNEL,
      JSON.stringify({ ...change, areaName }),
    ]);
  }

  async #time(client: pg.ClientBase): Promise<number> {
    if (this.#now !== undefined) return this.#now();
    const { rows } = await client.query<{ at: number }>(`SELECT ${DB_NOW} AS at`);
    return rows[0]?.at ?? Date.now();
  }

  /** This machine's clock: only for the day a number belongs to, and offline tickets. */
  #clock(): number {
    return this.#now?.() ?? Date.now();
  }

  async #estimate(client: pg.ClientBase, area: QueueArea, ahead: number): Promise<number> {
    return estimateWaitMinutes({
      peopleAhead: ahead,
      serviceDurationsMs: await recentServiceDurations(client, area.code, RECENT_SERVICES),
      counters: area.counters.length,
      defaultServiceMinutes: this.#centre.defaultServiceMinutes,
    });
  }

  #first(rows: readonly TicketRow[]): TicketRow {
    const row = rows[0];
    if (row === undefined) throw new Error('queue: a row written in this transaction is missing');
    return row;
  }

  #view(row: TicketRow): QueueTicket {
    return ticketView(row, this.#areas);
  }
}

function stashedRow(ticket: StashedTicket): TicketRow {
  return {
    ...ticket,
    status: 'waiting',
    counter: null,
    for_counter: null,
    calls: 0,
    first_called_at: null,
    called_at: null,
    served_at: null,
    dossier_code: null,
    clerk: null,
    // The offline stash keeps no booked mark: a check-in while the database is away waits as a walk-in.
    booked: false,
  };
}
