import type Database from 'better-sqlite3';

/**
 * One forward-only schema step. Each module numbers its own migrations 1, 2, 3…
 * in files `NNNN-name.ts`, so modules (the store, auth, …) can add tables
 * without coordinating one global number.
 */
export interface Migration {
  /** The owning module, e.g. `store` or `auth`. */
  readonly module: string;
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}
