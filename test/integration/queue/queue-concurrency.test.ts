import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { queueMigrations } from '../../../electron/services/queue/queue-migrations';
import { migrate } from '../../../electron/services/store/migrator';
import { openDatabase } from '../../../electron/services/store/open-database';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const child = join(root, 'test/integration/queue/queue-child.ts');
const dir = mkdtempSync(join(tmpdir(), 'queue-concurrency-'));
const dbPath = join(dir, 'kiosk.sqlite3');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface ChildReport {
  got: number[];
  started: number;
  finished: number;
}

/** Starts `count` children, sends "go" once all said "ready", and collects their reports. */
function runChildren(jobs: readonly ['take' | 'call', number][]): Promise<ChildReport[]> {
  let ready = 0;
  const procs = jobs.map(([mode, arg]) =>
    spawn(process.execPath, ['--import', 'tsx', child, dbPath, mode, String(arg)], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
  return Promise.all(
    procs.map(
      (proc, i) =>
        new Promise<ChildReport>((resolve, reject) => {
          let out = '';
          let err = '';
          proc.stdout.on('data', (chunk: Buffer) => {
            const before = out;
            out += chunk.toString();
            if (!before.includes('ready\n') && out.includes('ready\n') && ++ready === procs.length)
              for (const p of procs) p.stdin.write('go\n');
          });
          proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
          proc.on('error', reject);
          proc.on('exit', (code) => {
            if (code === 0)
              resolve(JSON.parse(out.slice(out.indexOf('ready\n') + 6)) as ChildReport);
            else reject(new Error(`child ${JSON.stringify(jobs[i])} exited ${code}: ${err}`));
          });
        }),
    ),
  );
}

/** A process whose numbers are not one unbroken run had another process take numbers in between. */
function interleaved(report: ChildReport): boolean {
  return report.got.some((n, i) => i > 0 && n !== (report.got[i - 1] ?? 0) + 1);
}

const PROCESSES = 6;
const TICKETS_EACH = 50;

describe('the SQLite centre queue shared by several processes', () => {
  it('hands out every number once while processes take numbers at the same moment', async () => {
    const db = openDatabase(dbPath);
    migrate(db, queueMigrations);
    db.close();
    const reports = await runChildren(
      Array.from({ length: PROCESSES }, () => ['take', TICKETS_EACH] as const),
    );
    const numbers = reports.flatMap((r) => r.got).sort((a, b) => a - b);
    expect(numbers).toHaveLength(PROCESSES * TICKETS_EACH);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    // The processes really contended: some got numbers with another's in between.
    const contended = reports.filter(interleaved).length;
    expect(contended).toBeGreaterThan(1);
    console.log(
      `queue concurrency: ${PROCESSES} processes × ${TICKETS_EACH} numbers, ` +
        `${numbers.length - new Set(numbers).size} duplicates, ${contended} interleaved, ` +
        `${Math.max(...reports.map((r) => r.finished)) - Math.min(...reports.map((r) => r.started))} ms`,
    );
  });

  it('two counters calling at once never call one ticket twice, and keep priority order', async () => {
    const [one, two] = await runChildren([
      ['call', 1],
      ['call', 2],
    ]);
    const called = [...one!.got, ...two!.got];
    expect(new Set(called).size).toBe(called.length);
    expect(one!.got.length).toBeGreaterThan(0);
    expect(two!.got.length).toBeGreaterThan(0);
    // Counters 1 and 2 both serve HT only (of HT/CU/DD): every HT ticket, none of the others.
    const db = openDatabase(dbPath);
    const ht = db
      .prepare<[], { number: number; priority: string | null; first_called_at: number }>(
        "SELECT number, priority, first_called_at FROM queue_tickets WHERE area = 'HT'",
      )
      .all();
    const others = db
      .prepare<[], { n: number }>(
        "SELECT COUNT(*) AS n FROM queue_tickets WHERE area <> 'HT' AND status <> 'waiting'",
      )
      .get();
    db.close();
    expect(called.sort((a, b) => a - b)).toEqual(ht.map((t) => t.number).sort((a, b) => a - b));
    expect(others?.n).toBe(0);
    // Every priority ticket was called before every ordinary one.
    const lastPriority = Math.max(
      ...ht.filter((t) => t.priority !== null).map((t) => t.first_called_at),
    );
    const firstOrdinary = Math.min(
      ...ht.filter((t) => t.priority === null).map((t) => t.first_called_at),
    );
    expect(lastPriority).toBeLessThanOrEqual(firstOrdinary);
    console.log(
      `queue calls: counter 1 called ${one!.got.length}, counter 2 called ${two!.got.length}, 0 twice`,
    );
  });
});
