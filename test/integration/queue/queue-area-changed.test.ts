/**
 * `queue.areaChanged` through real cores: a number taken, a ticket served,
 * skipped or transferred on one machine or process reaches the other's pages
 * within a bound, so the display's and counters' waiting counts never wait
 * for the next call. On PostgreSQL two cores share one throwaway cluster; on
 * SQLite the `kiosk` CLI writes the core's own file from another process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../../../electron/api/contract';
import { StaffAccounts } from '../../../electron/services/auth/staff-accounts';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { captureLogger } from '../../support/capture-logger';
import type { CliRun } from '../../support/kiosk-cli';
import { clearOfVietnamMidnight } from '../../support/vn-midnight';
import {
  postgresAvailable,
  startPostgresCluster,
  type PostgresCluster,
} from '../../support/postgres-cluster';

const root = fileURLToPath(new URL('../../..', import.meta.url));
/** How long a change may take to reach another machine's or process's pages. */
const BOUND_MS = 1500;
const AREAS = [
  { code: 'HT', name: 'Hộ tịch', counters: [1] },
  { code: 'CU', name: 'Cư trú', counters: [2] },
];
const dirs: string[] = [];
const cores: Core[] = [];

afterAll(async () => {
  for (const core of cores) await core.dispose();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Heard {
  readonly name: string;
  readonly payload: unknown;
  readonly at: number;
}

/** A core on its own data folder (a machine of the centre), recording every event it publishes. */
async function machine(centre: object): Promise<{ core: Core; dir: string; heard: Heard[] }> {
  // Cores and CLI processes number tickets on the real clock, and each test reads "today"'s
  // counts: a test starts clear of Vietnam's midnight (17:00 UTC) rather than straddling it.
  await clearOfVietnamMidnight(30_000);
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-area-changed-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ centre: { areas: AREAS, ...centre } }));
  const core = createCore({ dataDir: dir, shell: 'browser', logger: captureLogger().logger });
  cores.push(core);
  const heard: Heard[] = [];
  core.events.subscribe((name, payload) => heard.push({ name, payload, at: Date.now() }));
  return { core, dir, heard };
}

const dispatch = (core: Core, method: string, params: unknown) =>
  core.dispatch(method, params, { transport: 'ws', connection: 'test' });

const CLERK = { username: 'canbo1', password: 'mat-khau-can-bo-1' };

/** Calls and finishes need a clerk signed in on the connection. */
async function signIn(core: Core): Promise<void> {
  await new StaffAccounts(core.store.database).create(CLERK.username, 'clerk', CLERK.password);
  expect(await dispatch(core, 'auth.signIn', CLERK)).toMatchObject({ ok: true });
}

/** The first `queue.areaChanged` after `from` that matches, checked against the contract. */
async function heardChange(
  heard: Heard[],
  from: number,
  match: { area: string; waiting: number },
): Promise<Heard> {
  const deadline = Date.now() + BOUND_MS * 4;
  while (Date.now() < deadline) {
    const found = heard
      .slice(from)
      .find(
        (e) =>
          e.name === 'queue.areaChanged' &&
          (e.payload as { area: string }).area === match.area &&
          (e.payload as { waiting: number }).waiting === match.waiting,
      );
    if (found !== undefined) {
      expect(events['queue.areaChanged'].parse(found.payload)).toMatchObject(match);
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no queue.areaChanged ${JSON.stringify(match)} heard`);
}

async function waitingAt(core: Core, area: string): Promise<number> {
  const status = (await dispatch(core, 'queue.status', {})) as {
    ok: true;
    value: { areas: { code: string; waiting: number }[] };
  };
  return status.value.areas.find((a) => a.code === area)?.waiting ?? -1;
}

/** `kiosk queue …` as another process on the same data folder, not blocking this one's timers. */
function kioskCli(dir: string, args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/main.ts', '--json', 'queue', ...args],
      { cwd: root, env: { ...process.env, KIOSK_LOCALE: 'vi', KIOSK_DATA_DIR: dir } },
    );
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

describe('queue.areaChanged on the embedded SQLite queue', () => {
  it('a number taken and a ticket served by another process reach this core within the bound', async () => {
    const { core, dir, heard } = await machine({});
    // The core opens (and migrates) the file before the other process writes it.
    expect(await waitingAt(core, 'HT')).toBe(0);

    let mark = heard.length;
    const take = await kioskCli(dir, ['take', '--area', 'HT']);
    expect(take.stderr).toBe('');
    const exited = Date.now();
    const taken = await heardChange(heard, mark, { area: 'HT', waiting: 1 });
    expect(taken.at - exited).toBeLessThan(BOUND_MS);
    expect(await waitingAt(core, 'HT')).toBe(1);
    // A take is not a call: nothing for the display to say aloud.
    expect(heard.slice(mark).some((e) => e.name === 'queue.called')).toBe(false);

    expect((await kioskCli(dir, ['call', '--counter', '1'])).status).toBe(0);
    mark = heard.length;
    const serve = await kioskCli(dir, ['serve', '--counter', '1']);
    expect(serve.stderr).toBe('');
    const served = await heardChange(heard, mark, { area: 'HT', waiting: 0 });
    expect(served.at - Date.now()).toBeLessThan(BOUND_MS);
  }, 60_000);

  it('a recall by another process is published with the recall’s time, not the first call’s', async () => {
    const { core, dir, heard } = await machine({});
    expect(await waitingAt(core, 'HT')).toBe(0);
    expect((await kioskCli(dir, ['take', '--area', 'HT'])).status).toBe(0);
    expect((await kioskCli(dir, ['call', '--counter', '1'])).status).toBe(0);
    const calls = () =>
      heard
        .filter((e) => e.name === 'queue.called')
        .map((e) => events['queue.called'].parse(e.payload));
    const deadline = Date.now() + BOUND_MS * 4;
    while (calls().length < 1 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const beforeRecall = Date.now();
    expect((await kioskCli(dir, ['recall', '--counter', '1'])).status).toBe(0);
    while (calls().length < 2 && Date.now() < deadline + BOUND_MS * 4)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const [first, recall] = calls();
    expect(first).toMatchObject({ number: 1, counter: 1, calls: 1 });
    expect(recall).toMatchObject({ number: 1, counter: 1, calls: 2 });
    expect(recall?.at).toBeGreaterThanOrEqual(beforeRecall);
    expect(recall?.at).toBeGreaterThan(first?.at ?? Infinity);
  }, 60_000);

  it('takes, serves, skips and transfers made through the core itself are published too', async () => {
    const { core, heard } = await machine({ maxCalls: 1 });
    await signIn(core);
    let mark = heard.length;
    await dispatch(core, 'queue.take', { area: 'HT' });
    await dispatch(core, 'queue.take', { area: 'HT' });
    await heardChange(heard, mark, { area: 'HT', waiting: 2 });
    expect(await dispatch(core, 'queue.call', { counter: 1 })).toMatchObject({ ok: true });
    mark = heard.length;
    expect(await dispatch(core, 'queue.skip', { counter: 1 })).toMatchObject({ ok: true });
    await heardChange(heard, mark, { area: 'HT', waiting: 1 });
    expect(await dispatch(core, 'queue.call', { counter: 1 })).toMatchObject({ ok: true });
    mark = heard.length;
    expect(await dispatch(core, 'queue.transfer', { counter: 1, toArea: 'CU' })).toMatchObject({
      ok: true,
    });
    await heardChange(heard, mark, { area: 'CU', waiting: 1 });
    await heardChange(heard, mark, { area: 'HT', waiting: 0 });
  }, 30_000);
});

describe.skipIf(!postgresAvailable())('queue.areaChanged on a shared PostgreSQL queue', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  });
  afterAll(async () => {
    // The cores close their pools before the cluster goes.
    while (cores.length > 0) await cores.pop()?.dispose();
    await cluster.remove();
  });

  it('a number taken at one machine shows in the other machine’s queue.status via the event within the bound', async () => {
    const counter = await machine({ databaseUrl: cluster.url });
    const kiosk = await machine({ databaseUrl: cluster.url });
    // Both machines have migrated and the counter's core listens before the take.
    expect(await waitingAt(counter.core, 'CU')).toBe(0);
    expect(await waitingAt(kiosk.core, 'CU')).toBe(0);
    await signIn(counter.core);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const mark = counter.heard.length;
    const before = Date.now();
    expect(await dispatch(kiosk.core, 'queue.take', { area: 'CU' })).toMatchObject({ ok: true });
    const heard = await heardChange(counter.heard, mark, { area: 'CU', waiting: 1 });
    expect(heard.at - before).toBeLessThan(BOUND_MS);
    expect(await waitingAt(counter.core, 'CU')).toBe(1);
    expect(counter.heard.slice(mark).some((e) => e.name === 'queue.called')).toBe(false);

    // The counter calls and serves: the kiosk's screens hear the serve too.
    expect(await dispatch(counter.core, 'queue.call', { counter: 2 })).toMatchObject({ ok: true });
    const markKiosk = kiosk.heard.length;
    expect(await dispatch(counter.core, 'queue.serve', { counter: 2 })).toMatchObject({
      ok: true,
    });
    await heardChange(kiosk.heard, markKiosk, { area: 'CU', waiting: 0 });
  }, 60_000);
});
