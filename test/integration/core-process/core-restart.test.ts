import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserShell, type BrowserShell } from '../../../electron/shell/browser-shell';
import { defaultWaiting } from '../../../electron/shell/core-process/core-supervisor';
import { openApiSocket, type ApiSocket } from '../../support/api-socket';

let dataDir: string;
let shell: BrowserShell;
let socket: ApiSocket;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-core-restart-'));
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ mode: 'staff' }));
  shell = await startBrowserShell({ dataDir, rendererDir: dataDir, port: 0, coreProcess: 'split' });
  await shell.ready;
  socket = await openApiSocket(shell.url);
}, 60_000);
afterAll(async () => {
  await socket.close();
  await shell.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Polls until `check` holds, at most `ms`. */
async function until(ms: number, check: () => boolean): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
}

describe('the split browser shell', () => {
  it('holds a call made during a core restart until the new core answers it (within the 15 s wait bound)', async () => {
    const core = shell.coreProcess;
    expect(core).toBeDefined();
    const first = core?.pid;
    expect(first).toBeGreaterThan(0);
    expect((await socket.call('system.info')).ok).toBe(true);
    // SIGKILL the core process this test's shell started, by its pid.
    process.kill(first ?? 0, 'SIGKILL');
    await until(5000, () => core?.state === 'restarting');
    const started = Date.now();
    const during = await socket.call('system.info');
    const waited = Date.now() - started;
    // Answered by the new core, not refused: the call waited while it composed.
    expect(during.ok, JSON.stringify(during.error)).toBe(true);
    expect(waited).toBeLessThan(defaultWaiting.waitMs);
    expect(core?.state).toBe('ready');
    expect(core?.pid).not.toBe(first);
    console.log(
      `core-restart: a call made during the restart was answered after ${String(waited)} ms`,
    );
    expect((await socket.call('system.info')).ok).toBe(true);
  }, 60_000);
});
