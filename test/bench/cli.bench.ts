/**
 * `npm run bench -- cli`: how fast the `kiosk` bin answers, as IT staff call
 * it (`node electron/cli/kiosk.mjs`, what npm's bin shim runs), beside
 * `node -e 0` in the same run. Runs alternate so that load from other
 * processes hits both sides alike; each figure is the median of the runs,
 * wall-clock and CPU (user + system, which load does not inflate).
 * Target: `kiosk --help` within 3x `node -e 0`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stampState } from '../../build/build-stamp.mjs';
import { fmt, median, timed, type Timed } from './support/timed-process';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runs = 7;
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-cli-bench-'));
const env = { ...process.env, KIOSK_DATA_DIR: dataDir, KIOSK_PORTAL_URL: 'http://127.0.0.1:1' };

if (stampState('node') !== 'fresh') {
  console.log('dist/node is missing or older than the sources: bundling it first (not timed)');
  const { bundleNode } = await import('../../build/bundle-node.mjs');
  await bundleNode();
}

const cases: readonly { name: string; args: readonly string[] }[] = [
  { name: 'node -e 0 (anchor)', args: ['-e', '0'] },
  { name: 'kiosk --help', args: ['electron/cli/kiosk.mjs', '--help'] },
  {
    name: 'kiosk calendar holidays 2026',
    args: ['electron/cli/kiosk.mjs', 'calendar', 'holidays', '2026'],
  },
  { name: 'kiosk doctor --json', args: ['electron/cli/kiosk.mjs', 'doctor', '--json'] },
];

const results = new Map<string, Timed[]>(cases.map((c) => [c.name, []]));
for (let round = 0; round < runs; round++) {
  for (const c of cases) {
    const run = await timed(process.execPath, c.args, { cwd: root, env });
    results.get(c.name)?.push(run);
  }
}
rmSync(dataDir, { recursive: true, force: true });

const anchor = results.get(cases[0]?.name ?? '') ?? [];
const anchorWall = median(anchor.map((r) => r.ms));
const anchorCpu = median(anchor.map((r) => r.cpuMs));
console.log(`${String(runs)} alternating runs each; medians (wall | CPU) and ratio to node -e 0`);
for (const c of cases) {
  const runsOf = results.get(c.name) ?? [];
  const wall = median(runsOf.map((r) => r.ms));
  const cpu = median(runsOf.map((r) => r.cpuMs));
  const range = `${fmt(Math.min(...runsOf.map((r) => r.ms))).trim()}–${fmt(Math.max(...runsOf.map((r) => r.ms))).trim()}`;
  console.log(
    `${c.name.padEnd(30)} ${fmt(wall)} wall (${range}) = ${(wall / anchorWall).toFixed(2)}x | ${fmt(cpu)} CPU = ${(cpu / anchorCpu).toFixed(2)}x`,
  );
}
const help = median((results.get('kiosk --help') ?? []).map((r) => r.ms));
console.log(`kiosk --help / node -e 0 = ${(help / anchorWall).toFixed(2)}x wall (target <= 3.00x)`);
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
