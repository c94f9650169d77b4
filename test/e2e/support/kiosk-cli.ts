import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs the real `kiosk` CLI against a data folder; throws with its output when it fails. */
export function kioskCli(
  dataDir: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env, KIOSK_DATA_DIR: dataDir },
    timeout: 60_000,
  });
  if (result.status !== 0)
    throw new Error(
      `kiosk ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  return result.stdout;
}
