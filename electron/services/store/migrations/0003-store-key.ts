import type Database from 'better-sqlite3';

/**
 * Which key seals this folder's data: its kind (file / safeStorage / static)
 * and a check value (an HMAC of a fixed label under the key, not the key).
 * One row; written on the first open that holds a key (crypto/key-check.ts).
 */
export function storeKey(db: Database.Database): void {
  db.exec(`CREATE TABLE store_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    kind TEXT NOT NULL CHECK (kind IN ('file', 'safeStorage', 'static')),
    check_value TEXT NOT NULL CHECK (length(check_value) = 32),
    recorded_at INTEGER NOT NULL
  ) STRICT;`);
}
