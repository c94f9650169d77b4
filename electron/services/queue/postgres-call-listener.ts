import pg from 'pg';
import { z } from 'zod';
import type {
  QueueCall,
  QueueCallListener,
  QueueChange,
  QueueChangeListener,
} from './centre-queue-store';
import { QueueBroadcast } from './queue-broadcast';

/** The channel every machine's calls are sent on (pg_notify inside the call's transaction). */
export const CALL_CHANNEL = 'kiosk_queue_call';
/** The channel of every other change: takes, serves, skips, transfers, offline tickets written back. */
export const CHANGE_CHANNEL = 'kiosk_queue_change';

/** A payload is another machine's word: parsed, never trusted. */
const CallSchema = z.object({
  number: z.number().int().min(1),
  area: z.string().min(1).max(10),
  areaName: z.string().max(80),
  counter: z.number().int().min(1).max(99),
  calls: z.number().int().min(1),
  at: z.number(),
});

const ChangeSchema = z.object({
  area: z.string().min(1).max(10),
  areaName: z.string().max(80),
  waiting: z.number().int().min(0),
  at: z.number(),
});

const RETRY_MS = [250, 500, 1000, 2000, 5000] as const;

/**
 * One dedicated connection that LISTENs for calls and changes from any
 * machine of the centre, opened while someone listens. NOTIFY is delivered only after the
 * call's transaction commits, so a display never shows a call that rolled
 * back. When the connection drops it reconnects with backoff; calls made
 * while it was down are not replayed (a display shows the current ones from
 * queue.status when it comes back).
 */
export class PostgresCallListener {
  readonly #url: string;
  readonly #machine: string;
  readonly #broadcast = new QueueBroadcast();
  #listenerCount = 0;
  readonly #onReconnect: () => void;
  #client: pg.Client | null = null;
  #connecting: Promise<void> | null = null;
  #retries = 0;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;

  /** `machine` names the connection in pg_stat_activity (`kiosk-queue-listen <machine>`). */
  constructor(url: string, machine: string, onReconnect: () => void) {
    this.#url = url;
    this.#machine = machine;
    this.#onReconnect = onReconnect;
  }

  add(listener: QueueCallListener): () => void {
    return this.#listen(this.#broadcast.onCall(listener));
  }

  addChange(listener: QueueChangeListener): () => void {
    return this.#listen(this.#broadcast.onChange(listener));
  }

  #listen(remove: () => void): () => void {
    this.#listenerCount++;
    void this.listening().catch(() => undefined);
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      this.#listenerCount--;
      remove();
    };
  }

  /** Resolves once LISTEN is in place (rejects while the database is away). */
  listening(): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('call listener closed'));
    if (this.#client !== null) return Promise.resolve();
    this.#connecting ??= this.#connect().finally(() => {
      this.#connecting = null;
    });
    return this.#connecting;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => undefined);
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.#url,
      connectionTimeoutMillis: 3000,
      application_name: `kiosk-queue-listen ${this.#machine}`.slice(0, 63),
    });
    client.on('error', () => {
      this.#lost(client);
    });
    client.on('end', () => {
      this.#lost(client);
    });
    client.on('notification', (message) => {
      if (message.payload === undefined) return;
      if (message.channel === CALL_CHANNEL) {
        const call: QueueCall | null = parsePayload(CallSchema, message.payload);
        if (call !== null) this.#broadcast.call(call);
      } else if (message.channel === CHANGE_CHANNEL) {
        const change: QueueChange | null = parsePayload(ChangeSchema, message.payload);
        if (change !== null) this.#broadcast.change(change);
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CALL_CHANNEL}`);
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.#schedule();
      throw error;
    }
    if (this.#closed) {
      await client.end().catch(() => undefined);
      return;
    }
    const reconnected = this.#retries > 0;
    this.#client = client;
    this.#retries = 0;
    if (reconnected) this.#onReconnect();
  }

  #lost(client: pg.Client): void {
    if (this.#client !== client) return;
    this.#client = null;
    client.end().catch(() => undefined);
    this.#schedule();
  }

  #schedule(): void {
    if (this.#closed || this.#timer !== null || this.#listenerCount === 0) return;
    const delay = RETRY_MS[Math.min(this.#retries, RETRY_MS.length - 1)] ?? 5000;
    this.#retries++;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.listening().catch(() => undefined);
    }, delay);
    this.#timer.unref();
  }
}

/** Another machine's payload, or null when it does not parse. */
function parsePayload<T>(schema: z.ZodType<T>, payload: string): T | null {
  try {
    return schema.parse(JSON.parse(payload));
  } catch {
    return null;
  }
}
