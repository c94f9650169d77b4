import type Database from 'better-sqlite3';
import type { Migration } from '../store/migrations/index';

/**
 * Staff sign-in tables, beside the store's `staff` table. A password hash
 * and a lock-out counter per account; one row per registered security key
 * with its signature counter (a clone shows up as a counter that goes back).
 */
function authTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE staff_passwords (
      staff_id TEXT PRIMARY KEY REFERENCES staff(id) ON DELETE CASCADE,
      hash TEXT NOT NULL,
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until INTEGER NOT NULL DEFAULT 0,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE staff_credentials (
      credential_id TEXT PRIMARY KEY,
      staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      public_key BLOB NOT NULL,
      sign_count INTEGER NOT NULL,
      transports TEXT NOT NULL,
      aaguid TEXT NOT NULL,
      user_verified INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      last_used_at INTEGER
    ) STRICT;
    CREATE INDEX staff_credentials_by_staff ON staff_credentials(staff_id);
  `);
}

export const authMigrations: readonly Migration[] = [
  { module: 'auth', version: 1, name: 'staff-sign-in', up: authTables },
];
