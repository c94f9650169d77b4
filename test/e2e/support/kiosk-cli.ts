import { runKioskCli } from '../../support/kiosk-cli';

/** Runs the real `kiosk` CLI against a data folder; throws with its output when it fails. */
export function kioskCli(
  dataDir: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): string {
  const result = runKioskCli(dataDir, args, env);
  if (result.status !== 0)
    throw new Error(
      `kiosk ${args.join(' ')} failed (${String(result.status)}):\n${result.stdout}\n${result.stderr}`,
    );
  return result.stdout;
}
