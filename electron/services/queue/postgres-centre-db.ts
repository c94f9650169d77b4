import type pg from 'pg';
import type { StoreError } from '../store/store-error';
import { centrePool, inTransaction, isConnectionLoss } from './postgres-connection';
import { migrateCentreDb } from './postgres-queue-schema';

/** The database's clock in epoch ms: one clock for every machine of the centre. */
export const DB_NOW = '(extract(epoch from clock_timestamp()) * 1000)::bigint';

/**
 * What a pool serves. `queue`: takes, calls and appointments, each a short
 * transaction. `reports`: ratings and centre reports, whose report may read
 * a whole month in one snapshot; it has its own connections so a long
 * report never holds up "Gọi số tiếp theo".
 */
export type CentrePoolUse = 'queue' | 'reports';

/** Shared by a machine's pools on one database: the schema is migrated once per process. */
interface SchemaOnce {
  ready: Promise<void> | null;
}

/**
 * This machine's access to the centre's shared database: one pool (named
 * after the machine and its use, as pg_stat_activity shows it), the schema
 * migrated on first use, and a lost connection turned into the caller's
 * offline error. Whoever opens it closes it; the stores it is handed to do not.
 */
export class PostgresCentreDb {
  readonly url: string;
  /** This machine's name, recorded on the tickets, blocks and ratings it writes. */
  readonly machine: string;
  readonly #pool: pg.Pool;
  /** Replaced by withPoolFor's, so the machine's pools share one migration. */
  #schema: SchemaOnce = { ready: null };

  constructor(url: string, machine: string, use: CentrePoolUse = 'queue') {
    this.url = url;
    this.machine = machine;
    this.#pool = centrePool(url, `kiosk-${use} ${machine}`);
  }

  /** The same machine's pool for another use: its own connections, the one migration. */
  withPoolFor(use: CentrePoolUse): PostgresCentreDb {
    const other = new PostgresCentreDb(this.url, this.machine, use);
    other.#schema = this.#schema;
    return other;
  }

  /** Creates or migrates the schema (once per process; retried after a failure). */
  ready(): Promise<void> {
    this.#schema.ready ??= (async () => {
      const client = await this.#pool.connect();
      try {
        await migrateCentreDb(client);
      } finally {
        client.release();
      }
    })().catch((error: unknown) => {
      this.#schema.ready = null;
      throw error;
    });
    return this.#schema.ready;
  }

  /**
   * Runs `body` in one transaction (`mode`: its BEGIN; null: statement by
   * statement, for a single statement that is its own transaction); a lost
   * database becomes `offline(cause)`.
   */
  async online<T>(
    body: (client: pg.PoolClient) => Promise<T>,
    offline: (cause: unknown) => StoreError,
    mode?: string | null,
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
