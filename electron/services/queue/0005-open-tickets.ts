import type Database from 'better-sqlite3';

/**
 * The tickets still open (waiting or called), by day: each write of a day
 * closes earlier days' open tickets (queue-rules' closeEarlierDaysSql), and
 * this partial index lets it find them without reading a year of finished
 * tickets. Its WHERE is written exactly as the UPDATE's, so SQLite uses it.
 */
export function openTickets(db: Database.Database): void {
  db.exec(`
    CREATE INDEX queue_tickets_open ON queue_tickets(day)
      WHERE (status = 'waiting' OR status = 'called');
  `);
}
