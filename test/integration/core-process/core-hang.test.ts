/**
 * Issue 14, item 1: a core process that hangs (here SIGSTOPped, so neither
 * its event loop nor anything else in it runs) is SIGKILLed by the shell
 * once it has missed its heartbeat for 10 s, and restarted as after a crash.
 * The window stays (the shell process, its HTTP server, the page's socket),
 * the page is told "restarting" then "ready", and what the core committed
 * before it hung (queue tickets in SQLite) is all there afterwards, with the
 * next number following on: nothing lost, nothing given twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultHeartbeat } from '../../../electron/shell/core-process/core-supervisor';
import { startShellProcess, type ShellProcess } from '../../e2e/support/shell-process';
import { openApiSocket, type ApiSocket, type CallAnswer } from '../../support/api-socket';
import { nextCore, probeHttp, signalCore, type CoreStart, type ProbeReport } from './split-shell';

let shell: ShellProcess;
let socket: ApiSocket;
let probe: { stop(): Promise<ProbeReport> };
let core: CoreStart;
const states: string[] = [];

beforeAll(async () => {
  shell = await startShellProcess(
    { centre: { areas: [{ code: 'HT', name: 'Hộ tịch', counters: [1] }] } },
    { KIOSK_CORE_PROCESS: 'split' },
  );
  core = await nextCore(shell, undefined, 60_000);
  socket = await openApiSocket(shell.url);
  socket.ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as {
      type: string;
      name?: string;
      payload?: { state?: string };
    };
    if (message.type === 'event' && message.name === 'core.state' && message.payload?.state) {
      states.push(message.payload.state);
    }
  });
  probe = probeHttp(new URL(shell.url).origin);
}, 90_000);

afterAll(async () => {
  await (probe as typeof probe | undefined)?.stop();
  await (socket as ApiSocket | undefined)?.close();
  await (shell as ShellProcess | undefined)?.stop();
});

const number = (answer: CallAnswer) => (answer.value as { number?: number } | undefined)?.number;

describe('a hung core process', () => {
  it('is killed after the heartbeat bound and restarted; the window stays and nothing committed is lost', async () => {
    expect(number(await socket.call('queue.take', { area: 'HT' }))).toBe(1);
    expect(number(await socket.call('queue.take', { area: 'HT' }))).toBe(2);

    const hungAt = signalCore(shell, core.pid, 'SIGSTOP');
    // A call made to the hung core: answered when the shell kills it, not after 2 minutes.
    const inFlight = await socket.call('queue.status', {});
    const answeredAfter = Date.now() - hungAt;
    expect(inFlight.ok).toBe(false);
    expect(inFlight.error?.code).toBe('CORE_RESTARTING');

    const next = await nextCore(shell, core.pid, 40_000);
    const restartMs = next.at - hungAt;
    // Silence past the bound is noticed at the next beat; then a fresh core composes.
    const bound = defaultHeartbeat.hangAfterMs + defaultHeartbeat.intervalMs;
    expect(answeredAfter).toBeGreaterThanOrEqual(defaultHeartbeat.hangAfterMs);
    expect(answeredAfter).toBeLessThan(bound + 1_000);
    expect(restartMs).toBeLessThan(bound + 15_000);
    // The hung process is gone (SIGKILL reaches a stopped process).
    expect(() => process.kill(core.pid, 0)).toThrow();
    core = next;

    const status = await socket.call('queue.status', {});
    expect(status.ok, JSON.stringify(status.error)).toBe(true);
    expect(status.value).toMatchObject({ areas: [{ code: 'HT', waiting: 2 }] });
    expect(number(await socket.call('queue.take', { area: 'HT' }))).toBe(3);

    const report = await probe.stop();
    expect(shell.child.exitCode).toBeNull();
    expect(report.failures).toBe(0);
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    expect(states).toEqual(['restarting', 'ready']);
    console.log(
      `core-hang: the call to the hung core answered after ${String(answeredAfter)} ms, ` +
        `a new core ready ${String(restartMs)} ms after the hang (heartbeat bound ${String(defaultHeartbeat.hangAfterMs)} ms); ` +
        `HTTP probe ${JSON.stringify(report)}`,
    );
  }, 90_000);
});
