import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CentreSchema } from '../config/centre-schema';
import { migrate } from '../store/migrator';
import { openDatabase } from '../store/open-database';
import type { QueueChange } from './centre-queue-store';
import { queueMigrations } from './queue-migrations';
import { withOtherProcessCalls } from './sqlite-call-watch';
import { SqliteCentreQueue } from './sqlite-centre-queue';

const centre = CentreSchema.parse({
  areas: [
    { code: 'HT', name: 'Hộ tịch', counters: [1, 2] },
    { code: 'CU', name: 'Cư trú', counters: [3] },
  ],
});
let dir: string;
let watched: Database.Database;
let other: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'queue-watch-'));
  watched = openDatabase(join(dir, 'kiosk.sqlite3'));
  migrate(watched, queueMigrations);
  // A second connection on the same file: its commits are another process's to the watch.
  other = openDatabase(join(dir, 'kiosk.sqlite3'));
});
afterEach(() => {
  other.close();
  watched.close();
  rmSync(dir, { recursive: true, force: true });
});

async function heard(changes: readonly QueueChange[], n: number): Promise<void> {
  const end = Date.now() + 5000;
  while (changes.length < n) {
    if (Date.now() > end) throw new Error(`heard ${changes.length} changes, not ${n}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the watch on another process’s queue writes', () => {
  it('counts a ticket that process sent to one counter out of its area’s line, as queue.status does', async () => {
    const watch = withOtherProcessCalls(
      new SqliteCentreQueue(watched, { centre }),
      watched,
      new Map(centre.areas.map((a) => [a.code, a.name])),
    );
    try {
      const changes: QueueChange[] = [];
      watch.queue.onChange((change) => changes.push(change));
      const cli = new SqliteCentreQueue(other, { centre });
      await cli.take({ area: 'HT' });
      await cli.take({ area: 'HT' });
      await heard(changes, 1);
      await cli.callNext(1);
      await cli.transfer(1, { counter: 2 });
      await heard(changes, 2);
      expect(changes.at(-1)).toMatchObject({ area: 'HT', waiting: 1 });
      expect((await watch.queue.status()).areas[0]?.waiting).toBe(1);
    } finally {
      watch.stop();
    }
  });
});
