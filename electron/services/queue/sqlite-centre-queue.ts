import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { present, run, ticketView, type TicketRow } from './ticket-rows';
import { readStatus, recentServiceDurations } from './sqlite-queue-reads';
import type { CentreConfig } from '../config/centre-schema';
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
import { QueueBroadcast } from './queue-broadcast';
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
  pickNext,
  queueDay,
  statusWhenPassedOver,
} from './queue-rules';

/** Served tickets of an area whose service times feed the estimate. */
const RECENT_SERVICES = 20;

export interface SqliteCentreQueueOptions {
  readonly centre: CentreConfig;
  readonly now?: () => number;
}

/**
 * The centre queue in the kiosk's own SQLite file (the embedded default for
 * a centre with one machine). Every change runs in a BEGIN IMMEDIATE
 * transaction: SQLite's write lock orders processes sharing the file (the
 * kiosk and `kiosk queue` commands), and busy_timeout makes a second writer
 * wait rather than fail.
 */
export class SqliteCentreQueue implements CentreQueueStore {
  readonly #db: Database.Database;
  readonly #areas: readonly QueueArea[];
  readonly #maxCalls: number;
  readonly #defaultServiceMinutes: number;
  readonly #now: () => number;
  readonly #broadcast = new QueueBroadcast();

  constructor(db: Database.Database, options: SqliteCentreQueueOptions) {
    this.#db = db;
    this.#areas = queueAreasOf(options.centre);
    this.#maxCalls = options.centre.maxCalls;
    this.#defaultServiceMinutes = options.centre.defaultServiceMinutes;
    this.#now = options.now ?? Date.now;
  }

  areas(): Promise<readonly QueueArea[]> {
    return Promise.resolve(this.#areas);
  }

  take(input: {
    area: string;
    priority?: PriorityReason | null;
    booked?: boolean;
  }): Promise<TakenTicket> {
    return run(() => {
      const area = findArea(this.#areas, input.area);
      return this.#db
        .transaction((): TakenTicket => {
          // The time is read once the write lock is held, so times follow the order of commits.
          const at = this.#now();
          const day = queueDay(at);
          const { last_number: number } = present(
            this.#db
              .prepare<[string], { last_number: number }>(
                `INSERT INTO queue_days (day, last_number) VALUES (?, 1)
               ON CONFLICT (day) DO UPDATE SET last_number = last_number + 1
               RETURNING last_number`,
              )
              .get(day),
          );
          const id = uuidv7();
          this.#db
            .prepare(
              `INSERT INTO queue_tickets (id, day, number, area, priority, status, taken_at, booked)
               VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?)`,
            )
            .run(id, day, number, area.code, input.priority ?? null, at, input.booked ? 1 : 0);
          const ticket = this.#view(this.#row(id));
          const ahead = peopleAhead(ticket, this.#waiting(day));
          return {
            ...ticket,
            peopleAhead: ahead,
            estimatedWaitMinutes: this.#estimate(area, ahead),
          };
        })
        .immediate();
    }).then((ticket) => {
      this.#changed([ticket.area], ticket.takenAt);
      return ticket;
    });
  }

  callNext(
    counter: number,
    options: { readonly clerk?: string } = {},
  ): Promise<QueueTicket | null> {
    return run(() => {
      checkCounter(this.#areas, counter);
      return this.#db
        .transaction((): QueueTicket | null => {
          const at = this.#now();
          const day = queueDay(at);
          this.#closeEarlierDays(day);
          this.#passOver(day, counter, at);
          const next = pickNext(this.#waiting(day), counter, this.#areas);
          if (next === undefined) return null;
          this.#db
            .prepare(
              `UPDATE queue_tickets SET status = 'called', counter = ?, calls = 1, called_at = ?,
                 last_call_at = ?, first_called_at = COALESCE(first_called_at, ?), clerk = ?
               WHERE id = ? AND status = 'waiting'`,
            )
            .run(counter, at, at, at, options.clerk ?? null, next.id);
          return this.#view(this.#row(next.id));
        })
        .immediate();
    }).then((ticket) => {
      if (ticket !== null) this.#announce(ticket, ticket.calledAt ?? this.#now());
      return ticket;
    });
  }

  recall(counter: number): Promise<QueueTicket> {
    let recalledAt = 0;
    return this.#onCurrent(counter, (row) => {
      if (row.calls >= this.#maxCalls) throw callLimit(row.number, this.#maxCalls);
      recalledAt = this.#now();
      this.#db
        .prepare('UPDATE queue_tickets SET calls = calls + 1, last_call_at = ? WHERE id = ?')
        .run(recalledAt, row.id);
    }).then((ticket) => {
      this.#announce(ticket, recalledAt);
      return ticket;
    });
  }

  onCall(listener: QueueCallListener): () => void {
    return this.#broadcast.onCall(listener);
  }

  onChange(listener: QueueChangeListener): () => void {
    return this.#broadcast.onChange(listener);
  }

  /** After the commit: the call as a hall display shows it, at the time it was committed with. */
  #announce(ticket: QueueTicket, at: number): void {
    if (ticket.counter === null) return;
    this.#broadcast.call({
      number: ticket.number,
      area: ticket.area,
      areaName: ticket.areaName,
      counter: ticket.counter,
      calls: ticket.calls,
      at,
    });
  }

  /** After the commit: each area's waiting count as it stands now. */
  #changed(areas: readonly string[], at: number): void {
    if (!this.#broadcast.hearsChanges) return;
    const day = queueDay(at);
    const count = this.#db.prepare<[string, string], { n: number }>(
      `SELECT COUNT(*) AS n FROM queue_tickets
       WHERE day = ? AND area = ? AND status = 'waiting' AND ${IN_AREA_LINE_SQL}`,
    );
    for (const area of new Set(areas))
      this.#broadcast.change({
        area,
        areaName: this.#areas.find((a) => a.code === area)?.name ?? area,
        waiting: count.get(day, area)?.n ?? 0,
        at,
      });
  }

  skip(counter: number): Promise<QueueTicket> {
    return this.#onCurrent(counter, (row) => {
      if (row.calls < this.#maxCalls) throw skipTooEarly(row.number, row.calls, this.#maxCalls);
      this.#db.prepare("UPDATE queue_tickets SET status = 'no_show' WHERE id = ?").run(row.id);
    }).then((ticket) => {
      this.#changed([ticket.area], this.#now());
      return ticket;
    });
  }

  transfer(counter: number, to: TransferTarget): Promise<QueueTicket> {
    let from = '';
    return this.#onCurrent(counter, (row) => {
      from = row.area;
      const target = checkTransfer(this.#areas, row, counter, to);
      if ('counter' in target) {
        this.#db
          .prepare(
            "UPDATE queue_tickets SET status = 'waiting', calls = 0, for_counter = ? WHERE id = ?",
          )
          .run(target.counter, row.id);
        return;
      }
      this.#db
        .prepare(
          "UPDATE queue_tickets SET status = 'waiting', calls = 0, area = ?, for_counter = NULL WHERE id = ?",
        )
        .run(target.area.code, row.id);
    }).then((ticket) => {
      // A transfer to another area changes two areas' waiting counts.
      this.#changed([from, ticket.area], this.#now());
      return ticket;
    });
  }

  serve(counter: number, options: { dossierCode?: string } = {}): Promise<QueueTicket> {
    return this.#onCurrent(counter, (row) => {
      // After the counter checks: a wrong counter or no called ticket is said first.
      const code = checkDossierCode(options.dossierCode);
      this.#db
        .prepare(
          "UPDATE queue_tickets SET status = 'served', served_at = ?, dossier_code = ? WHERE id = ?",
        )
        .run(this.#now(), code ?? null, row.id);
    }).then((ticket) => {
      this.#changed([ticket.area], ticket.servedAt ?? this.#now());
      return ticket;
    });
  }

  status(): Promise<QueueStatus> {
    // One read transaction: the counts and the counters come from the same snapshot.
    return run(() =>
      this.#db.transaction(() =>
        readStatus(this.#db, this.#areas, queueDay(this.#now()), (area, ahead) =>
          this.#estimate(area, ahead),
        ),
      )(),
    );
  }

  /** Runs `change` on the counter's called ticket in one write transaction and returns it after. */
  #onCurrent(counter: number, change: (row: TicketRow) => void): Promise<QueueTicket> {
    return run(() => {
      checkCounter(this.#areas, counter);
      return this.#db
        .transaction((): QueueTicket => {
          const day = queueDay(this.#now());
          this.#closeEarlierDays(day);
          const row = this.#db
            .prepare<[string, number], TicketRow>(
              "SELECT * FROM queue_tickets WHERE day = ? AND status = 'called' AND counter = ?",
            )
            .get(day, counter);
          if (row === undefined) throw noCurrent(counter);
          change(row);
          return this.#view(this.#row(row.id));
        })
        .immediate();
    });
  }

  /** Closes the counter's current ticket by queue-rules' statusWhenPassedOver, inside callNext. */
  #passOver(day: string, counter: number, at: number): void {
    const current = this.#db
      .prepare<[string, number], TicketRow>(
        "SELECT * FROM queue_tickets WHERE day = ? AND status = 'called' AND counter = ?",
      )
      .get(day, counter);
    if (current === undefined) return;
    const status = statusWhenPassedOver(this.#view(current), this.#maxCalls);
    this.#db
      .prepare('UPDATE queue_tickets SET status = ?, served_at = ? WHERE id = ?')
      .run(status, status === 'served' ? at : null, current.id);
  }

  /** queue-rules' day-end rule, inside the caller's write transaction. */
  #closeEarlierDays(today: string): void {
    this.#db.prepare(closeEarlierDaysSql('sqlite', '?')).run(today);
  }

  #row(id: string): TicketRow {
    return present(
      this.#db.prepare<[string], TicketRow>('SELECT * FROM queue_tickets WHERE id = ?').get(id),
    );
  }

  #waiting(day: string): (QueueTicket & { id: string })[] {
    return this.#db
      .prepare<[string], TicketRow>(
        "SELECT * FROM queue_tickets WHERE day = ? AND status = 'waiting'",
      )
      .all(day)
      .map((r) => this.#view(r));
  }

  #estimate(area: QueueArea, ahead: number): number {
    const durations = recentServiceDurations(this.#db, area.code, RECENT_SERVICES);
    return estimateWaitMinutes({
      peopleAhead: ahead,
      serviceDurationsMs: durations,
      counters: area.counters.length,
      defaultServiceMinutes: this.#defaultServiceMinutes,
    });
  }

  #view(row: TicketRow): QueueTicket {
    return ticketView(row, this.#areas);
  }
}
