import type pg from 'pg';
import type { StoreError } from '../store/store-error';
import { centrePool, inTransaction, isConnectionLoss } from './postgres-connection';
import { migrateCentreDb } from './postgres-queue-schema';

/** The database's clock in epoch ms: one clock for every machine of the centre. */
export const DB_NOW_MS = '(extract(epoch from clock_timestamp()) * 1000)::bigint';

/**
 * The centre's shared database as the ratings and the reports use it: one
 * small pool of their own (the queue keeps its pool for calls, so a long
 * report never holds up "Gọi số tiếp theo"), the schema migrated once per
 * process, and a lost connection turned into the caller's offline error.
 */
export class PostgresCentreDb {
  readonly #pool: pg.Pool;
  #ready: Promise<void> | null = null;

  constructor(url: string, machine: string) {
    this.#pool = centrePool(url, machine);
  }

  /** Creates or migrates the schema (once per process; retried after a failure). */
  ready(): Promise<void> {
    this.#ready ??= (async () => {
      const client = await this.#pool.connect();
      try {
        await migrateCentreDb(client);
      } finally {
        client.release();
      }
    })().catch((error: unknown) => {
      this.#ready = null;
      throw error;
    });
    return this.#ready;
  }

  /** Runs `body` in one transaction (`mode`: its BEGIN); a lost database becomes `offline(cause)`. */
  async online<T>(
    body: (client: pg.PoolClient) => Promise<T>,
    offline: (cause: unknown) => StoreError,
    mode?: string,
  ): Promise<T> {
    try {
      await this.ready();
      return await inTransaction(this.#pool, body, mode);
    } catch (error) {
      if (isConnectionLoss(error)) throw offline(error);
      throw error;
    }
  }

  close(): Promise<void> {
    return this.#pool.end();
  }
}
