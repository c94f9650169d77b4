import { StoreError } from '../store/store-error';
import type { CentreQueueStore, TakenTicket } from './centre-queue-store';

export interface RecentTicketsOptions {
  /** How long after taking a ticket the kiosk may still print it. */
  readonly windowMs?: number;
  /** Prints per ticket: the first, and retries once paper is loaded. */
  readonly maxPrints?: number;
  /** Tickets remembered at most; the oldest go first (a busy morning stays bounded). */
  readonly capacity?: number;
  readonly now?: () => number;
}

/**
 * The tickets taken through this core a few minutes ago: the only ones the
 * unauthenticated `ticket.print` may print, each a few times at most. Kept
 * in memory on purpose: a restart forgets them, which only stops reprints.
 */
export class RecentTickets {
  readonly #windowMs: number;
  readonly #maxPrints: number;
  readonly #capacity: number;
  readonly #now: () => number;
  readonly #tickets = new Map<string, { ticket: TakenTicket; at: number; prints: number }>();

  constructor(options: RecentTicketsOptions = {}) {
    this.#windowMs = options.windowMs ?? 5 * 60_000;
    this.#maxPrints = options.maxPrints ?? 3;
    this.#capacity = options.capacity ?? 500;
    this.#now = options.now ?? Date.now;
  }

  remember(ticket: TakenTicket): void {
    this.#tickets.set(ticket.id, { ticket, at: this.#now(), prints: 0 });
    for (const id of this.#tickets.keys()) {
      if (this.#tickets.size <= this.#capacity) break;
      this.#tickets.delete(id);
    }
  }

  /** Counts one print of the ticket; TICKET_PRINT_REFUSED when unknown, too old or printed enough. */
  claim(id: string): TakenTicket {
    const entry = this.#tickets.get(id);
    if (entry === undefined || this.#now() - entry.at > this.#windowMs) {
      this.#tickets.delete(id);
      throw refused(`ticket ${id} was not taken here in the last ${this.#windowMs / 60_000} min`);
    }
    if (entry.prints >= this.#maxPrints) {
      throw refused(`ticket ${id} was printed ${entry.prints} times already`);
    }
    entry.prints += 1;
    return entry.ticket;
  }
}

function refused(detail: string): StoreError {
  return new StoreError(
    'TICKET_PRINT_REFUSED',
    'Phiếu này không in được từ kiosk nữa. Mời Ông/Bà ghi nhớ số thứ tự trên màn hình hoặc báo cán bộ tại quầy tiếp nhận.',
    `Ticket not printable: ${detail}.`,
  );
}

/** The same queue, with every ticket it hands out remembered for printing. */
export function rememberTaken(queue: CentreQueueStore, recent: RecentTickets): CentreQueueStore {
  return {
    areas: () => queue.areas(),
    take: async (input) => {
      const ticket = await queue.take(input);
      recent.remember(ticket);
      return ticket;
    },
    callNext: (counter, options) => queue.callNext(counter, options),
    recall: (counter) => queue.recall(counter),
    skip: (counter) => queue.skip(counter),
    transfer: (counter, to) => queue.transfer(counter, to),
    serve: (counter, options) => queue.serve(counter, options),
    status: () => queue.status(),
    onCall: (listener) => queue.onCall(listener),
    onChange: (listener) => queue.onChange(listener),
  };
}
