import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EventHub } from '../../api/event-hub';
import { captureLogger } from '../../../test/support/capture-logger';
import { CoreSupervisor, defaultCallTimeoutMs } from './core-supervisor';
import { forkEntry } from './fork-launcher';

/** A real child process that answers `echo` and never answers anything else. */
const stuckCore = forkEntry({
  path: fileURLToPath(
    new URL('../../../test/fixtures/core-process/stuck-core.cjs', import.meta.url),
  ),
  execArgv: [],
});

let supervisor: CoreSupervisor | undefined;
afterEach(async () => {
  await supervisor?.close(2_000);
  supervisor = undefined;
});

function supervise(callTimeoutMs?: number) {
  const { logger, lines } = captureLogger();
  supervisor = new CoreSupervisor({
    launch: stuckCore,
    init: { type: 'init', dataDir: '/nonexistent', shell: 'browser', wipesRenderer: false },
    events: new EventHub(),
    log: logger,
    ...(callTimeoutMs === undefined ? {} : { callTimeoutMs }),
  });
  return { supervisor, lines };
}

describe('the core supervisor with a core that lives but does not answer', () => {
  it('answers a call the core never answers with CORE_TIMEOUT after the call timeout', async () => {
    const { supervisor, lines } = supervise(300);
    await supervisor.ready;
    const pid = supervisor.pid;
    const started = Date.now();
    const result = await supervisor.dispatch('scan.start', {}, { transport: 'local' });
    const waited = Date.now() - started;
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.error.code).toBe('CORE_TIMEOUT');
    expect(waited).toBeGreaterThanOrEqual(290);
    expect(waited).toBeLessThan(5_000);
    const logged = lines().find((line) => line.msg === 'core did not answer in time');
    expect(logged).toMatchObject({ method: 'scan.start', ms: 300, pid });
  });

  it('keeps the same core and answers its other calls after a timeout', async () => {
    const { supervisor } = supervise(300);
    await supervisor.ready;
    const pid = supervisor.pid;
    const [stuck, echoed] = await Promise.all([
      supervisor.dispatch('scan.start', {}, { transport: 'local' }),
      supervisor.dispatch('echo', { n: 1 }, { transport: 'local' }),
    ]);
    expect(echoed).toEqual({ ok: true, value: { n: 1 } });
    expect(stuck.ok ? undefined : stuck.error.code).toBe('CORE_TIMEOUT');
    expect(supervisor.state).toBe('ready');
    expect(supervisor.pid).toBe(pid);
    expect(await supervisor.dispatch('echo', { n: 2 }, { transport: 'local' })).toEqual({
      ok: true,
      value: { n: 2 },
    });
  });

  it('bounds an upload the core never answers too', async () => {
    const { supervisor } = supervise(300);
    await supervisor.ready;
    const result = await supervisor.upload(Buffer.from('%PDF-1.7'), 'application/pdf');
    expect(result.ok ? undefined : result.error.code).toBe('CORE_TIMEOUT');
  });

  it('waits two minutes by default, long enough for OCR, a scan or a token signature', async () => {
    expect(defaultCallTimeoutMs).toBe(120_000);
    const { supervisor } = supervise();
    await supervisor.ready;
    let answered = false;
    void supervisor.dispatch('scan.start', {}, { transport: 'local' }).then(() => {
      answered = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(answered).toBe(false);
    // Closing answers what is still waiting.
    await supervisor.close(2_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(true);
  });
});

describe('the core supervisor stopped while the core still starts', () => {
  it('waits for that core to exit and starts no other (SIGTERM right after the address line)', async () => {
    const { logger, lines } = captureLogger();
    const starting = new CoreSupervisor({
      launch: forkEntry({
        path: fileURLToPath(
          new URL('../../../test/fixtures/core-process/slow-start-core.cjs', import.meta.url),
        ),
        execArgv: [],
      }),
      init: { type: 'init', dataDir: '/nonexistent', shell: 'browser', wipesRenderer: false },
      events: new EventHub(),
      log: logger,
    });
    const pid = starting.pid;
    const outcome = await Promise.race([
      starting.close(5_000).then(() => 'closed'),
      new Promise((resolve) =>
        setTimeout(() => {
          resolve('still waiting after 3 s');
        }, 3_000),
      ),
    ]);
    expect(outcome).toBe('closed');
    expect(starting.state).toBe('closed');
    expect(lines().filter((line) => line.msg === 'core process died; restarting it')).toEqual([]);
    expect(() => process.kill(pid ?? 0, 0)).toThrow();
  });
});
