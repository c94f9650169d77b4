import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface ShellProcess {
  readonly url: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the browser shell as `npm start` does (its own Node process, the
 * built renderer) with a fresh data folder holding `config`, and waits for
 * the address line. Stops only the process it started.
 */
export async function startShellProcess(
  config: Record<string, unknown>,
  env: NodeJS.ProcessEnv = {},
  /** Runs on the data folder before the shell starts (seed accounts, dossiers…). */
  prepare?: (dataDir: string) => void,
): Promise<ShellProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify(config));
  prepare?.(dataDir);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'electron/shell/browser-main.ts')],
    {
      cwd: root,
      // No training portal unless a test asks for one: port 1 on loopback refuses at once.
      env: {
        ...process.env,
        KIOSK_PORTAL_URL: 'http://127.0.0.1:1',
        ...env,
        KIOSK_DATA_DIR: dataDir,
        KIOSK_NO_BROWSER: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`browser shell printed no URL in 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/(?:localhost|127\.0\.0\.1):\d+\/\S*)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser shell exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    child,
    stop: () =>
      new Promise((resolve) => {
        // The data folder holds test citizens' (synthetic) data: remove it with the shell.
        const done = () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) {
          done();
          return;
        }
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}
