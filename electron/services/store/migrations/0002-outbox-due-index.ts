import type Database from 'better-sqlite3';

/** `due()` scans unparked rows by time; without this index it reads the whole outbox. */
export function outboxDueIndex(db: Database.Database): void {
  db.exec(`CREATE INDEX outbox_by_due ON outbox(parked, next_attempt_at);`);
}
