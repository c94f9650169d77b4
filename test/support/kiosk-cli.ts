import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `kiosk` CLI in a child process on a private data folder, with `env` added. */
export function runKioskCli(
  dataDir: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): CliRun {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env, KIOSK_DATA_DIR: dataDir },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
