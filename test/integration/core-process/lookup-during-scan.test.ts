/**
 * Issue 14, item 1 (CPU-heavy steps off the core's event loop): while a
 * 6-page batch from SANE's test feeder (Grid pages, 300 dpi) is scanned and
 * cleaned, a citizen's status lookup sent every 100 ms over the page's API
 * socket is answered within a bound, because the pages are cleaned on the
 * core's page worker threads. The core process samples its own event loop
 * over the same window, printed beside the answers' times.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserShell } from '../../../electron/shell/browser-shell';
import { addStaff, CLERK } from '../../e2e/support/staff';
import { openApiSocket, type ApiSocket } from '../../support/api-socket';
import { createSaneTestEnv, type SaneTestEnv } from '../scan/sane-test-env';

const PAGES = 6;
/**
 * Measured here (2 cores, load average about 17 from other work): with the
 * pages cleaned on the core's own loop, lookups took p50 102 ms, p90 301 ms,
 * max 303 ms, the core's loop stalling up to 352 ms; with the page worker
 * pool, p50 13 ms, p90 43 ms, max 72 ms (loop max 91 ms). 200 ms tells the
 * two apart with room for a busier machine, and is under what a citizen
 * notices as a pause.
 */
const LOOKUP_BOUND_MS = 200;
const DEVICE = 'sane:test:0';

let sane: SaneTestEnv;
let dataDir: string;
let shell: Awaited<ReturnType<typeof startBrowserShell>>;
let socket: ApiSocket;

beforeAll(async () => {
  sane = createSaneTestEnv();
  writeFileSync(join(sane.dir, 'test.conf'), 'number_of_devices 2\ntest-picture "Grid"\n');
  process.env.SANE_CONFIG_DIR = sane.dir;
  process.env.KIOSK_PORTAL_URL = 'http://127.0.0.1:1';
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-lookup-during-scan-'));
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ mode: 'staff' }));
  addStaff(dataDir, CLERK);
  shell = await startBrowserShell({ dataDir, rendererDir: dataDir, port: 0, coreProcess: 'split' });
  await shell.ready;
  socket = await openApiSocket(shell.url);
  expect((await socket.call('auth.signIn', CLERK)).ok).toBe(true);
  const devices = await socket.call('scan.devices', { refresh: true });
  expect(JSON.stringify(devices.value)).toContain(DEVICE);
}, 90_000);

afterAll(async () => {
  await (socket as ApiSocket | undefined)?.close();
  await (shell as typeof shell | undefined)?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  sane.dispose();
});

describe('a status lookup while a feeder batch is cleaned', () => {
  it('is answered within the bound every time', async () => {
    const supervisor = shell.coreProcess;
    expect(supervisor).toBeDefined();
    await supervisor?.coreLoopDelay('start');
    const batch = { scanning: true };
    const scan = socket
      .call('scan.start', {
        device: DEVICE,
        source: 'adf',
        resolution: 300,
        maxPages: PAGES,
        component: 'Tờ khai',
      })
      .finally(() => {
        batch.scanning = false;
      });
    const times: number[] = [];
    const answers = new Set<string>();
    for (let i = 0; batch.scanning && i < 600; i++) {
      const started = performance.now();
      const answer = await socket.call('status.lookup', { query: 'G22.99-261207-0001' });
      times.push(performance.now() - started);
      answers.add(answer.ok ? 'ok' : (answer.error?.code ?? '?'));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const scanned = await scan;
    const core = await supervisor?.coreLoopDelay('stop');
    expect(scanned.ok, JSON.stringify(scanned.error)).toBe(true);
    const pages = (scanned.value as { pages: { blank: boolean }[] }).pages;
    expect(pages.filter((page) => !page.blank)).toHaveLength(PAGES);
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    console.log(
      `lookup during a ${String(PAGES)}-page scan: ${String(times.length)} lookups (${[...answers].join(', ')}), ` +
        `p50 ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms, max ${at(1).toFixed(0)} ms (bound ${String(LOOKUP_BOUND_MS)} ms); ` +
        `the core's event loop: p99 ${core?.p99.toFixed(0) ?? '?'} ms, max ${core?.max.toFixed(0) ?? '?'} ms`,
    );
    expect(times.length).toBeGreaterThanOrEqual(5);
    // Answered from the store (an unknown code), not refused for a busy core.
    expect([...answers]).toEqual(['LOOKUP_NOT_FOUND']);
    expect(Math.max(...times)).toBeLessThan(LOOKUP_BOUND_MS);
  }, 120_000);
});
