import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface RunningShell {
  /** The session address (with the launch's token). */
  readonly url: string;
  /** Every line the shell printed so far. */
  readonly output: () => string;
  readonly child: ChildProcess;
  /** SIGTERM and wait for the exit; the data folder stays for the next start. */
  stop(): Promise<void>;
}

/**
 * Starts the browser shell (`npm start`'s entry) on a data folder the test
 * owns, so it can be stopped and started again on the same folder and port,
 * as a power cut or an update restarts a kiosk. Waits until `expect` matches
 * what it printed (by default the address line).
 */
export async function startShellIn(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  expect = /(http:\/\/(?:localhost|127\.0\.0\.1):\d+\/\S*)/,
): Promise<RunningShell> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'electron/shell/browser-main.ts')],
    {
      cwd: root,
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
      const address = /(http:\/\/(?:localhost|127\.0\.0\.1):\d+\/\?token=\S*)/.exec(output);
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
