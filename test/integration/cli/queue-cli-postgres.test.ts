import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runKioskCli, type CliRun } from '../../support/kiosk-cli';
import {
  postgresAvailable,
  startPostgresCluster,
  type PostgresCluster,
} from '../../support/postgres-cluster';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dirs: string[] = [];
let cluster: PostgresCluster;

/** One machine of the centre: its own data folder, the shared queue through KIOSK_CENTRE_DB. */
function machineFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-queue-pg-'));
  dirs.push(dir);
  return dir;
}

function env(name: string): NodeJS.ProcessEnv {
  return { KIOSK_LOCALE: 'vi', ...cluster.machineEnv(name) };
}

/** A `kiosk` process that runs while others run, on its own machine's folder. */
function kiosk(dir: string, name: string, args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, ...env(name), KIOSK_DATA_DIR: dir },
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (status) => {
      resolve({ status, stdout, stderr });
    });
  });
}

const Ticket = z.object({ number: z.number(), area: z.string() });
const Called = z.object({
  counter: z.number(),
  ticket: z.object({ number: z.number() }).nullable(),
});

describe.skipIf(!postgresAvailable())('kiosk queue with KIOSK_CENTRE_DB', () => {
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  });
  afterAll(async () => {
    await cluster.remove();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('three machines take numbers at once and two counters call at once: every number once', async () => {
    const machines = ['kiosk', 'quay-1', 'quay-2'].map((name) => ({ name, dir: machineFolder() }));
    const takes = await Promise.all(
      machines.map(async ({ name, dir }) => {
        const got: number[] = [];
        for (const area of ['HT', 'CU', 'DD', 'CT']) {
          const run = await kiosk(dir, name, ['--json', 'queue', 'take', '--area', area]);
          expect(run.stderr).toBe('');
          got.push(Ticket.parse(JSON.parse(run.stdout)).number);
        }
        return got;
      }),
    );
    const numbers = takes.flat();
    expect(new Set(numbers).size).toBe(12);
    // Staff-mode machines reserve no offline block, so the day's numbers have no gaps.
    expect(Math.max(...numbers)).toBe(12);

    // Counter 3 serves CU and DD; counters 1 and 2 serve HT and CT (the default areas).
    const calls = await Promise.all(
      machines.map(async ({ name, dir }, i) => {
        const got: number[] = [];
        for (let n = 0; n < 20; n++) {
          const run = await kiosk(dir, name, ['--json', 'queue', 'call', '--counter', `${i + 1}`]);
          const ticket = Called.parse(JSON.parse(run.stdout)).ticket;
          if (ticket === null) {
            expect(run.status).toBe(3);
            break;
          }
          got.push(ticket.number);
        }
        return got;
      }),
    );
    const called = calls.flat();
    expect(called.length).toBe(12);
    expect(new Set(called)).toEqual(new Set(numbers));
    const status = runKioskCli(machines[0]?.dir ?? '', ['queue', 'status'], env('kiosk'));
    expect(status.status).toBe(0);
    expect(status.stdout).toContain('Hộ tịch');
  });

  it('a counter says the shared queue is offline, in Vietnamese, when the database is away', async () => {
    const dir = machineFolder();
    await cluster.stop();
    try {
      const run = runKioskCli(dir, ['--json', 'queue', 'call', '--counter', '1'], env('quay-1'));
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Hàng đợi chung của trung tâm đang mất kết nối');
      expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'QUEUE_OFFLINE' } });
    } finally {
      await cluster.start();
    }
  });

  it('a ticket kiosk keeps issuing numbers from its reserved block while the database is away, and writes them back', async () => {
    const dir = machineFolder();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ mode: 'kiosk' }));
    const take = () =>
      runKioskCli(dir, ['--json', 'queue', 'take', '--area', 'CU'], env('may-lay-so'));
    const online = Ticket.parse(JSON.parse(take().stdout)).number;
    const [first, last] = cluster
      .psql(
        "SELECT first_number, last_number FROM queue_blocks WHERE machine = 'may-lay-so'",
        'centre',
      )
      .trim()
      .split('|')
      .map(Number);
    expect(first).toBe(online + 1);
    await cluster.stop();
    let offline: number;
    try {
      const run = take();
      expect(run.status).toBe(0);
      offline = Ticket.parse(JSON.parse(run.stdout)).number;
      expect(offline).toBe(first);
    } finally {
      await cluster.start();
    }
    // The next command on that machine, once the database is back, writes the offline ticket.
    const after = Ticket.parse(JSON.parse(take().stdout)).number;
    expect(after).toBeGreaterThan(last ?? 0);
    expect(
      cluster.psql(`SELECT offline FROM queue_tickets WHERE number = ${offline}`, 'centre'),
    ).toBe('t\n');
  });

  it('refuses a server elsewhere on the network without TLS, saying what to add', () => {
    const dir = machineFolder();
    const run = runKioskCli(dir, ['queue', 'areas'], {
      KIOSK_LOCALE: 'vi',
      KIOSK_CENTRE_DB: 'postgresql://kiosk:pw@192.0.2.10:5432/centre',
    });
    expect(run.status).toBe(4);
    expect(run.stderr).toContain('phải dùng TLS: thêm ?sslmode=verify-full vào KIOSK_CENTRE_DB');
  });
});
