import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const SESSION_LINE = /(http:\/\/(?:localhost|127\.0\.0\.1):\d+\/\?token=\S*)/;

export interface RunningShell {
  /** The session address (with the launch's token). */
  readonly url: string;
  /** Every line the shell printed so far. */
  readonly output: () => string;
  readonly child: ChildProcess;
  /** SIGTERM and wait for the exit; the data folder stays for the next start. */
  stop(): Promise<void>;
}

export interface ShellProcess extends RunningShell {
  readonly dataDir: string;
  /** SIGTERM, wait for the exit, and remove the data folder. */
  stop(): Promise<void>;
}

/**
 * Starts the browser shell (`npm start`'s entry, the built renderer) in its
 * own Node process on a data folder the test owns, so it can be stopped and
 * started again on the same folder and port, as a power cut or an update
 * restarts a kiosk. Waits until `expect` matches what it printed (by default
 * the address line). Stops only the process it started.
 */
export async function startShellIn(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  expect: RegExp = SESSION_LINE,
): Promise<RunningShell> {
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
      reject(new Error(`browser shell printed nothing expected in 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const address = SESSION_LINE.exec(output);
      if (address?.[1] && expect.test(output)) {
        clearTimeout(timer);
        resolve(address[1]);
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
    output: () => output,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * startShellIn on a fresh data folder holding `config`, removed with the
 * shell when it stops: it holds test citizens' (synthetic) data.
 */
export async function startShellProcess(
  config: Record<string, unknown>,
  env: NodeJS.ProcessEnv = {},
  /** Runs on the data folder before the shell starts (seed accounts, dossiers…). */
  prepare?: (dataDir: string) => void,
): Promise<ShellProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify(config));
  prepare?.(dataDir);
  let shell: RunningShell;
  try {
    shell = await startShellIn(dataDir, env);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...shell,
    dataDir,
    stop: async () => {
      await shell.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
