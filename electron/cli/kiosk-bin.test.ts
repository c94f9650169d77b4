import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bin-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the `kiosk` bin as IT staff do, reporting each native addon it loads. */
function kiosk(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--require', './test/support/record-dlopen.cjs', 'electron/cli/kiosk.mjs', ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, KIOSK_DATA_DIR: dataDir },
      timeout: 60_000,
    },
  );
  const addons = run.stderr.split('\n').filter((line) => line.startsWith('dlopen: '));
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, addons };
}

describe('the kiosk bin', () => {
  it('lists its commands without loading a native module', () => {
    const run = kiosk('--help');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('calendar');
    expect(run.addons).toEqual([]);
  });

  it('answers a calendar question without loading a native module', () => {
    const run = kiosk('--json', 'calendar', 'holidays', '2026');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2026-09-02');
    expect(run.addons).toEqual([]);
  });

  it('loads the card reader library only for the card command', () => {
    const run = kiosk('--json', 'card', 'readers');
    expect(run.addons.some((line) => line.includes('pcsclite'))).toBe(true);
  });
});
