import Database from 'better-sqlite3';

/**
 * Opens the store's SQLite file for durability first: WAL (readers never
 * block the writer), synchronous=FULL (a commit is on the disk when it
 * returns, so "saved" survives a pulled plug), foreign keys on, and
 * secure_delete so purged ciphertext is overwritten rather than left in free pages.
 */
export function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`cannot enable WAL on ${path} (got ${String(mode)})`);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
