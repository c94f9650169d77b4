import type Database from 'better-sqlite3';

/**
 * `queue_tickets.last_call_at`: the time of the ticket's latest call or
 * recall at its counter. `called_at` stays the first call there (service
 * time is served_at − called_at), so without this column a process watching
 * the file (sqlite-call-watch.ts) could only give a recall its first call's
 * time. NULL on rows written before it: readers fall back to called_at.
 */
export function recallTimes(db: Database.Database): void {
  db.exec('ALTER TABLE queue_tickets ADD COLUMN last_call_at INTEGER');
}
