/**
 * Issue 11: the session token never reaches stdout (often the system journal)
 * when the shell opens the browser itself; it is printed only when a person
 * has to open the page by hand (no display, or KIOSK_NO_BROWSER=1).
 * The real browser shell entry runs; `/bin/true` stands in for Chromium,
 * since only what the shell prints is under test here.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The shell's first stdout line; the process (ours) is stopped after it. */
function addressLine(env: NodeJS.ProcessEnv): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-address-'));
  dirs.push(dataDir);
  writeFileSync(
    join(dataDir, 'config.json'),
    JSON.stringify({ browserShell: { browser: '/bin/true' } }),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/shell/browser-main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      KIOSK_DATA_DIR: dataDir,
      KIOSK_PORTAL_URL: 'http://127.0.0.1:1',
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no address line in 60 s: ${out}`));
    }, 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((l) => l.startsWith('Kiosk Một cửa:'));
      if (line === undefined) return;
      clearTimeout(timer);
      child.once('exit', () => {
        resolve(line);
      });
      child.kill('SIGTERM');
    });
  });
}

describe('the address line on stdout', () => {
  it('holds no token when the shell opens the browser itself', async () => {
    const line = await addressLine({ DISPLAY: ':0' });
    expect(line).toMatch(/^Kiosk Một cửa: http:\/\/localhost:\d+\/ \(mở trong trình duyệt/);
    expect(line).not.toMatch(/token|launch=/);
  }, 90_000);

  it('holds the token when a person must open the page by hand', async () => {
    expect(await addressLine({ KIOSK_NO_BROWSER: '1' })).toMatch(/\?token=[0-9a-f]{64}$/);
    expect(await addressLine({})).toMatch(/\?token=[0-9a-f]{64}$/);
  }, 150_000);
});
