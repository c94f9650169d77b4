/**
 * `npm run bench -- startup`: on a built tree, the time from starting
 * `node build/start.mjs` (what `npm start` runs) to the printed address and
 * to the first answered page, beside `node -e 0` in the same run. Runs
 * alternate; figures are medians with their range. Target: <= 2 s.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stampState } from '../../build/build-stamp.mjs';
import { fmt, median, timed } from './support/timed-process';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runs = 5;
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-start-bench-'));

if (stampState('renderer') !== 'fresh') {
  console.log('building the renderer first (not timed)');
  const { buildRenderer } = await import('../../build/build-renderer.mjs');
  await buildRenderer();
}
if (stampState('node') !== 'fresh') {
  console.log('bundling dist/node first (not timed)');
  const { bundleNode } = await import('../../build/bundle-node.mjs');
  await bundleNode();
}

/** One start on the same data folder (a restart, as after a power cut). */
function start(): Promise<{ address: number; page: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['build/start.mjs'], {
      cwd: root,
      env: {
        ...process.env,
        KIOSK_DATA_DIR: dataDir,
        KIOSK_NO_BROWSER: '1',
        KIOSK_SHELL: 'browser',
        KIOSK_PORTAL_URL: 'http://127.0.0.1:1',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no address in 60 s:\n${out}`));
    }, 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const url = /(http:\/\/\S+)/.exec(out)?.[1];
      if (url === undefined || child.killed) return;
      const address = performance.now() - started;
      child.stdout.removeAllListeners('data');
      void fetch(url).then(
        async (response) => {
          await response.text();
          const page = performance.now() - started;
          clearTimeout(timer);
          child.once('exit', () => {
            if (response.ok) resolve({ address, page });
            else reject(new Error(`page answered ${String(response.status)}`));
          });
          child.kill('SIGTERM');
        },
        (error: unknown) => {
          clearTimeout(timer);
          child.kill();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  });
}

await start(); // creates the database once; every timed run is a restart
const anchor: number[] = [];
const address: number[] = [];
const page: number[] = [];
for (let i = 0; i < runs; i++) {
  anchor.push((await timed(process.execPath, ['-e', '0'])).ms);
  const run = await start();
  address.push(run.address);
  page.push(run.page);
}
rmSync(dataDir, { recursive: true, force: true });

const a = median(anchor);
const range = (v: number[]) => `${fmt(Math.min(...v)).trim()}–${fmt(Math.max(...v)).trim()}`;
console.log(`${String(runs)} alternating restarts on a built tree; medians (range)`);
console.log(`node -e 0 (anchor)         ${fmt(a)} (${range(anchor)})`);
console.log(
  `npm start → address        ${fmt(median(address))} (${range(address)}) = ${(median(address) / a).toFixed(2)}x`,
);
console.log(
  `npm start → first page     ${fmt(median(page))} (${range(page)}) = ${(median(page) / a).toFixed(2)}x (target <= 2000 ms)`,
);
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
