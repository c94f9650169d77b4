import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

/**
 * A throwaway PostgreSQL cluster from Debian's `postgresql` package: initdb
 * in a temporary folder, the server on 127.0.0.1 and a socket in that
 * folder, run as `nobody` when the tests run as root (postgres refuses
 * root), stopped and removed by `remove()`. `stop()`/`start()` let a test
 * take the database away mid-way.
 */
export interface PostgresCluster {
  readonly port: number;
  /** The kiosk role's URL on the `centre` database (password auth, as IT sets it up). */
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Runs SQL as the superuser through psql; returns stdout. */
  psql(sql: string, database?: string): string;
  /** What a kiosk process of machine `name` gets to use this cluster as its centre's queue. */
  machineEnv(name: string): { KIOSK_CENTRE_DB: string; KIOSK_MACHINE_NAME: string };
  /** Empties the centre's queue (tickets, numbers, blocks, appointments, ratings) between tests. */
  emptyQueue(): void;
  remove(): Promise<void>;
}

/** Debian installs the server per major version; the newest one present is used. */
function serverBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return join(base, versions[0] ?? '15', 'bin');
}
const BIN = serverBin();

export function postgresAvailable(): boolean {
  return existsSync(join(BIN, 'initdb')) && existsSync(join(BIN, 'postgres'));
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-pg-'));
  const data = join(dir, 'data');
  const root = process.getuid?.() === 0;
  const ids = root ? { uid: 65534, gid: 65534 } : {};
  if (root) {
    chmodSync(dir, 0o700);
    chownSync(dir, 65534, 65534);
  }
  const env = { ...process.env, HOME: dir, LC_ALL: 'C.UTF-8', PGPASSWORD: 'superpw' };
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, 'superpw\n');
  if (root) chownSync(pwfile, 65534, 65534);
  const init = spawnSync(
    join(BIN, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8'],
    { env, ...ids, encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  let server: ChildProcess | null = null;

  const psql = (sql: string, database = 'postgres'): string => {
    const run = spawnSync(
      'psql',
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        database,
        '-v',
        'ON_ERROR_STOP=1',
        '-At',
        '-c',
        sql,
      ],
      { env, encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`psql failed: ${run.stderr}`);
    return run.stdout;
  };

  const start = async (): Promise<void> => {
    const proc = spawn(
      join(BIN, 'postgres'),
      [
        '-D',
        data,
        '-p',
        String(port),
        '-k',
        dir,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'fsync=off',
      ],
      { env, ...ids, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let log = '';
    proc.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server = proc;
    for (let i = 0; i < 100; i++) {
      const ready = spawnSync(join(BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]);
      if (ready.status === 0) return;
      if (proc.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`postgres did not start: ${log}`);
  };

  const stop = async (): Promise<void> => {
    const proc = server;
    server = null;
    if (proc?.exitCode !== null) return;
    const exited = new Promise<boolean>((resolve) =>
      proc.once('exit', () => {
        resolve(true);
      }),
    );
    // SIGINT: PostgreSQL's fast shutdown, which ends open sessions as a crash of the server would.
    proc.kill('SIGINT');
    const timeout = new Promise<boolean>((resolve) =>
      setTimeout(() => {
        resolve(false);
      }, 10_000),
    );
    if (!(await Promise.race([exited, timeout]))) proc.kill('SIGKILL');
  };

  await start();
  // What the README tells IT to run: one role per machine would be the same command again.
  psql("CREATE ROLE kiosk LOGIN PASSWORD 'kioskpw'");
  psql('CREATE DATABASE centre OWNER kiosk');
  const url = `postgresql://kiosk:kioskpw@127.0.0.1:${port}/centre`;
  return {
    port,
    url,
    stop,
    start,
    psql,
    machineEnv: (name) => ({ KIOSK_CENTRE_DB: url, KIOSK_MACHINE_NAME: name }),
    emptyQueue: () => {
      psql(
        'TRUNCATE queue_tickets, queue_days, queue_blocks, queue_appointments CASCADE',
        'centre',
      );
    },
    async remove() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
