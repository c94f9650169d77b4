import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EventHub } from '../../api/event-hub';
import { captureLogger } from '../../../test/support/capture-logger';
import {
  CoreSupervisor,
  defaultHeartbeat,
  type HeartbeatPolicy,
  type WaitingPolicy,
} from './core-supervisor';
import { forkEntry } from './fork-launcher';

/** Real child processes standing in for the core (test/fixtures/core-process/). */
const fixture = (name: string) =>
  forkEntry({
    path: fileURLToPath(new URL(`../../../test/fixtures/core-process/${name}`, import.meta.url)),
    execArgv: [],
  });

const local = { transport: 'local' } as const;
const fastRestart = { backoffMs: [50], fastCrashMs: 30_000, maxFastCrashes: 5 };

let supervisor: CoreSupervisor | undefined;
afterEach(async () => {
  await supervisor?.close(2_000);
  supervisor = undefined;
  delete process.env.KIOSK_TEST_CORE_READY_MS;
});

function supervise(
  core: string,
  options: {
    heartbeat?: Partial<HeartbeatPolicy>;
    waiting?: WaitingPolicy;
    maxFastCrashes?: number;
  },
) {
  const { logger, lines } = captureLogger();
  const events = new EventHub();
  const states: string[] = [];
  events.subscribe((name, payload) => {
    if (name === 'core.state') states.push((payload as { state: string }).state);
  });
  supervisor = new CoreSupervisor({
    launch: fixture(core),
    init: { type: 'init', dataDir: '/nonexistent', shell: 'browser', wipesRenderer: false },
    events,
    log: logger,
    policy: { ...fastRestart, maxFastCrashes: options.maxFastCrashes ?? 5 },
    heartbeat: { ...defaultHeartbeat, ...options.heartbeat },
    ...(options.waiting ? { waiting: options.waiting } : {}),
  });
  return { supervisor, lines, states };
}

const alive = (pid: number | undefined) => {
  try {
    process.kill(pid ?? 0, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean, ms: number): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`not within ${String(ms)} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

describe('the core supervisor with a core whose event loop hangs', () => {
  it('SIGKILLs a core that stops answering its heartbeat and restarts it within the bound', async () => {
    const hangAfterMs = 1_000;
    const { supervisor, lines, states } = supervise('hanging-core.cjs', {
      heartbeat: { intervalMs: 200, hangAfterMs },
    });
    await supervisor.ready;
    const hung = supervisor.pid;
    const started = Date.now();
    const answer = await supervisor.dispatch('spin', {}, local);
    // The call in flight is answered when the hung core is killed, not left hanging.
    expect(answer.ok ? undefined : answer.error.code).toBe('CORE_RESTARTING');
    const killedAfter = Date.now() - started;
    expect(killedAfter).toBeGreaterThanOrEqual(hangAfterMs);
    expect(killedAfter).toBeLessThan(hangAfterMs + 1_000);
    await until(() => supervisor.state === 'ready', 5_000);
    const restartedAfter = Date.now() - started;
    expect(supervisor.pid).not.toBe(hung);
    expect(alive(hung)).toBe(false);
    expect(states).toEqual(['restarting', 'ready']);
    expect(await supervisor.dispatch('echo', { n: 1 }, local)).toEqual({
      ok: true,
      value: { n: 1 },
    });
    const logged = lines().find((line) => line.msg === 'core hung; killing it to restart it');
    expect(logged).toMatchObject({ pid: hung });
    expect(String(logged?.why)).toContain('no answer to the heartbeat');
    console.log(
      `hung core: killed ${String(killedAfter)} ms after it hung (bound ${String(hangAfterMs)} ms), ready again after ${String(restartedAfter)} ms`,
    );
  });

  it('keeps a core whose loop is held for a while but less than the bound (a long page step)', async () => {
    const { supervisor, states } = supervise('hanging-core.cjs', {
      heartbeat: { intervalMs: 200, hangAfterMs: 2_000 },
    });
    await supervisor.ready;
    const pid = supervisor.pid;
    expect(await supervisor.dispatch('block', { ms: 1_200 }, local)).toEqual({
      ok: true,
      value: 'blocked',
    });
    // A few more beats after the block: still the same core.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(supervisor.pid).toBe(pid);
    expect(supervisor.state).toBe('ready');
    expect(states).toEqual([]);
  });

  it('kills a core that never says ready and gives up after the fast crashes allowed', async () => {
    const { supervisor, lines } = supervise('never-ready-core.cjs', {
      heartbeat: { startTimeoutMs: 300 },
      maxFastCrashes: 2,
    });
    const waiting = supervisor.dispatch('echo', {}, local);
    await expect(supervisor.ready).rejects.toMatchObject({ reason: 'CRASH_LOOP' });
    const answer = await waiting;
    expect(answer.ok ? undefined : answer.error.code).toBe('NOT_AVAILABLE');
    const kills = lines().filter((line) => line.msg === 'core hung; killing it to restart it');
    expect(kills).toHaveLength(3);
    expect(String(kills[0]?.why)).toContain('not ready within 300 ms');
    expect(kills.every((line) => !alive(line.pid as number))).toBe(true);
  });
});

describe('calls made before the core is ready, bounded', () => {
  it('lets waiting calls on once ready, and refuses at once past the queue limit', async () => {
    process.env.KIOSK_TEST_CORE_READY_MS = '600';
    const { supervisor } = supervise('hanging-core.cjs', {
      waiting: { max: 2, waitMs: 5_000 },
    });
    const started = Date.now();
    const first = supervisor.dispatch('echo', { n: 1 }, local);
    const second = supervisor.dispatch('echo', { n: 2 }, local);
    const third = await supervisor.dispatch('echo', { n: 3 }, local);
    expect(Date.now() - started).toBeLessThan(300);
    expect(third.ok).toBe(false);
    expect(third.ok ? undefined : third.error.code).toBe('CORE_RESTARTING');
    expect(supervisor.waiting).toBe(2);
    expect(await first).toEqual({ ok: true, value: { n: 1 } });
    expect(await second).toEqual({ ok: true, value: { n: 2 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(supervisor.waiting).toBe(0);
  });

  it('answers a call that waited past the bound CORE_RESTARTING, and uploads too', async () => {
    process.env.KIOSK_TEST_CORE_READY_MS = '1500';
    const { supervisor } = supervise('hanging-core.cjs', {
      waiting: { max: 8, waitMs: 200 },
    });
    const started = Date.now();
    const [call, upload] = await Promise.all([
      supervisor.dispatch('echo', {}, local),
      supervisor.upload(Buffer.from('%PDF-1.7'), 'application/pdf'),
    ]);
    const waited = Date.now() - started;
    expect(call.ok ? undefined : call.error.code).toBe('CORE_RESTARTING');
    expect(upload.ok ? undefined : upload.error.code).toBe('CORE_RESTARTING');
    expect(waited).toBeGreaterThanOrEqual(190);
    expect(waited).toBeLessThan(1_000);
    expect(supervisor.waiting).toBe(0);
    await supervisor.ready;
    expect(await supervisor.dispatch('echo', { n: 1 }, local)).toEqual({
      ok: true,
      value: { n: 1 },
    });
  });

  it('a call made while a hung core restarts waits and is answered by the new core', async () => {
    const { supervisor } = supervise('hanging-core.cjs', {
      heartbeat: { intervalMs: 100, hangAfterMs: 500 },
      waiting: { max: 8, waitMs: 10_000 },
    });
    await supervisor.ready;
    const hung = supervisor.pid;
    const spun = supervisor.dispatch('spin', {}, local);
    await until(() => supervisor.state === 'restarting', 3_000);
    const during = await supervisor.dispatch('echo', { n: 7 }, local);
    expect(during).toEqual({ ok: true, value: { n: 7 } });
    expect(supervisor.pid).not.toBe(hung);
    const first = await spun;
    expect(first.ok ? undefined : first.error.code).toBe('CORE_RESTARTING');
  });
});
