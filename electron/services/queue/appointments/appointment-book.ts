/**
 * Appointments booked ahead and picked up at the kiosk by reading the
 * citizen's CCCD chip (issue 19 item 1). The SQLite book lives in the
 * kiosk's own database, the PostgreSQL one in the centre's shared queue
 * database, so a booking made at a counter PC is found by any ticket kiosk.
 *
 * Pure types only: no Node, no database.
 */

/** How the citizen came against the booked slot (appointment-rules.ts: ±30 minutes). */
export type Arrival = 'on_time' | 'early' | 'late';

export interface Appointment {
  readonly id: string;
  /** The Vietnam civil date, YYYY-MM-DD. */
  readonly day: string;
  /** The booked time of day, HH:MM (Vietnam local). */
  readonly slot: string;
  readonly area: string;
  readonly areaName: string;
  /** Name initials the clerk may greet by ("N.V.A."); never the name or the ID number. */
  readonly initials: string | null;
  readonly bookedAt: number;
  /** The clerk who booked it (null from the CLI). */
  readonly bookedBy: string | null;
  /** When it was picked up at a kiosk; null while not. */
  readonly checkedInAt: number | null;
  readonly arrival: Arrival | null;
  readonly ticketNumber: number | null;
}

export interface BookInput {
  /** The 12-digit CCCD number: only its keyed hash is stored. */
  readonly cccd: string;
  readonly area: string;
  readonly day: string;
  readonly slot: string;
  readonly initials?: string | null;
  readonly bookedBy?: string | null;
}

/** The outcome of trying to pick up today's appointment of one card. */
export type Claim =
  | { readonly kind: 'claimed'; readonly appointment: Appointment }
  | { readonly kind: 'already'; readonly appointment: Appointment }
  | { readonly kind: 'none' };

export interface AppointmentBook {
  /** Books a slot for a card; the same card, day and slot twice is refused. */
  book(input: BookInput): Promise<Appointment>;
  /** The day's appointments by slot time. */
  list(day: string): Promise<readonly Appointment[]>;
  /**
   * Marks the card's appointment for `day` picked up, with its arrival
   * (nearest slot to `minutes` when several). At most one caller wins, even
   * with several kiosks at once; the others get `already`.
   */
  claim(input: {
    readonly cccd: string;
    readonly day: string;
    readonly minutes: number;
    readonly at: number;
  }): Promise<Claim>;
  /** Records the ticket a claimed appointment gave. */
  settle(id: string, ticket: { readonly id: string; readonly number: number }): Promise<void>;
  /** Undoes a claim whose ticket could not be taken, so the citizen can try again. */
  release(id: string): Promise<void>;
}
