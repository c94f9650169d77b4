/**
 * The centre queue as the kiosk's other parts see it (issue 19). The SQLite
 * store (sqlite-centre-queue.ts) is the embedded default; a PostgreSQL store
 * for a centre with several machines implements the same interface, which is
 * why every method is async although SQLite answers at once.
 *
 * Pure types only: no Node, no database.
 */

import { priorityReasons } from '../../api/contract/queue';

/** Who may be given a priority ticket: one list, the API contract's. */
export { priorityReasons };
export type PriorityReason = (typeof priorityReasons)[number];

export const priorityReasonNames: Readonly<Record<PriorityReason, string>> = {
  elderly: 'Người cao tuổi',
  disability: 'Người khuyết tật',
  pregnant: 'Phụ nữ mang thai',
  merit: 'Người có công với cách mạng',
};

/**
 * waiting → called (by a counter; recalls keep it called) → served | no_show.
 * A transfer puts a called ticket back to waiting for another counter or area.
 */
export type TicketStatus = 'waiting' | 'called' | 'served' | 'no_show';

export interface QueueArea {
  readonly code: string;
  readonly name: string;
  readonly counters: readonly number[];
}

export interface QueueTicket {
  readonly id: string;
  /** The Vietnam civil date the number belongs to (numbers restart each day). */
  readonly day: string;
  readonly number: number;
  readonly area: string;
  readonly areaName: string;
  readonly priority: PriorityReason | null;
  readonly status: TicketStatus;
  /** The counter that called it last (null while it has never been called). */
  readonly counter: number | null;
  /** A transfer to one counter: only that counter calls it. */
  readonly forCounter: number | null;
  /** Calls at the current counter (the first call and each recall). */
  readonly calls: number;
  readonly takenAt: number;
  /** The first call anywhere: waiting time is firstCalledAt − takenAt. */
  readonly firstCalledAt: number | null;
  /** The call at the serving counter: service time is servedAt − calledAt. */
  readonly calledAt: number | null;
  readonly servedAt: number | null;
  readonly dossierCode: string | null;
  /** The username of the clerk who called it at the counter that holds it. */
  readonly clerk: string | null;
  /** Taken by checking in a booked appointment on time: called after priority, before walk-ins. */
  readonly booked: boolean;
}

export interface TakenTicket extends QueueTicket {
  /** Waiting tickets of the area that will be called before this one. */
  readonly peopleAhead: number;
  readonly estimatedWaitMinutes: number;
}

export interface AreaStatus {
  readonly code: string;
  readonly name: string;
  readonly counters: readonly number[];
  /** The area's line: tickets any of its counters may call (not those sent to one counter). */
  readonly waiting: number;
  readonly waitingPriority: number;
  readonly served: number;
  readonly noShows: number;
  /** What a citizen taking a number now would be told. */
  readonly estimatedWaitMinutes: number;
}

export interface CounterStatus {
  readonly counter: number;
  readonly areas: readonly string[];
  /** The ticket called there and not yet finished. */
  readonly current: QueueTicket | null;
  /** Tickets transferred to this counter alone; only its "next" calls them (queue-rules). */
  readonly waitingHere: number;
}

export interface QueueStatus {
  readonly day: string;
  readonly areas: readonly AreaStatus[];
  readonly counters: readonly CounterStatus[];
}

/**
 * A call as a hall display shows and announces it. Nothing personal: the
 * number, the area and the counter.
 */
export interface QueueCall {
  readonly number: number;
  readonly area: string;
  readonly areaName: string;
  readonly counter: number;
  /** 1 for the first call at this counter, 2 and more for recalls. */
  readonly calls: number;
  readonly at: number;
}

export type QueueCallListener = (call: QueueCall) => void;

/**
 * An area's queue changed without a call: a number taken (or an offline one
 * written back), a ticket served, skipped or transferred. Screens read the
 * status again on it; a hall display says nothing. Nothing personal.
 */
export interface QueueChange {
  readonly area: string;
  readonly areaName: string;
  /** The area's line (AreaStatus.waiting) today once the change committed. */
  readonly waiting: number;
  readonly at: number;
}

export type QueueChangeListener = (change: QueueChange) => void;

export type TransferTarget = { readonly counter: number } | { readonly area: string };

export interface CentreQueueStore {
  areas(): Promise<readonly QueueArea[]>;
  /** Allocates today's next number atomically, even with other processes on the same queue. */
  take(input: {
    readonly area: string;
    readonly priority?: PriorityReason | null;
    /** An appointment checked in on time (appointments/appointment-check-in.ts). */
    readonly booked?: boolean;
  }): Promise<TakenTicket>;
  /**
   * Ends the counter's current ticket (served, or a no-show once it had
   * `maxCalls` calls: queue-rules' statusWhenPassedOver), then calls the next
   * one for the counter's areas (priority first, then in order of taking);
   * null when none waits.
   */
  callNext(counter: number, options?: { readonly clerk?: string }): Promise<QueueTicket | null>;
  /** Calls the counter's current ticket again, up to `maxCalls` calls. */
  recall(counter: number): Promise<QueueTicket>;
  /** Marks the counter's current ticket a no-show; allowed once it had `maxCalls` calls. */
  skip(counter: number): Promise<QueueTicket>;
  /** Sends the counter's current ticket to another counter or area, ahead of later numbers. */
  transfer(counter: number, to: TransferTarget): Promise<QueueTicket>;
  /** Marks the counter's current ticket served, optionally with the dossier received or returned. */
  serve(counter: number, options?: { readonly dossierCode?: string }): Promise<QueueTicket>;
  status(): Promise<QueueStatus>;
  /**
   * Every call and recall once committed: those made through this store
   * object (SQLite), or by any machine of the centre (PostgreSQL, through
   * LISTEN/NOTIFY). Returns the unsubscribe.
   */
  onCall(listener: QueueCallListener): () => void;
  /**
   * Every other committed change (take, serve, skip, transfer, an offline
   * ticket written back), from the same reach as onCall. Returns the unsubscribe.
   */
  onChange(listener: QueueChangeListener): () => void;
}
