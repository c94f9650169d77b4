// One process of the concurrency test: opens the shared database file the
// way the kiosk does (WAL, busy_timeout), says "ready" and waits for the
// parent's "go" on stdin (sent once every process is ready), so all of them
// hit the file together, then takes numbers or calls tickets.
// Prints one JSON line: what it got and when it started and finished.
import { CentreSchema } from '../../../electron/services/config/centre-schema';
import { queueMigrations } from '../../../electron/services/queue/queue-migrations';
import { SqliteCentreQueue } from '../../../electron/services/queue/sqlite-centre-queue';
import { migrate } from '../../../electron/services/store/migrator';
import { openDatabase } from '../../../electron/services/store/open-database';

const [dbPath, mode, arg] = process.argv.slice(2);
if (dbPath === undefined || mode === undefined || arg === undefined)
  throw new Error('usage: queue-child DB take|call COUNT|COUNTER');

const db = openDatabase(dbPath);
migrate(db, queueMigrations);
const queue = new SqliteCentreQueue(db, { centre: CentreSchema.parse({}) });
const areas = ['HT', 'CU', 'DD'];
const go = new Promise((resolve) => process.stdin.once('data', resolve));
process.stdout.write('ready\n');
await go;
process.stdin.destroy();

const started = Date.now();
const got: number[] = [];
if (mode === 'take') {
  for (let i = 0; i < Number(arg); i++) {
    const ticket = await queue.take({
      area: areas[i % areas.length] ?? 'HT',
      priority: i % 7 === 0 ? 'elderly' : null,
    });
    got.push(ticket.number);
    // Without a pause SQLite's busy handler lets one process run its whole loop alone.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
} else {
  for (;;) {
    const ticket = await queue.callNext(Number(arg));
    if (ticket === null) break;
    got.push(ticket.number);
    // A clerk does not call in a tight loop; a pause lets the other counter's process in.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
process.stdout.write(`${JSON.stringify({ got, started, finished: Date.now() })}\n`);
db.close();
