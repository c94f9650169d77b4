import { spawnSync } from 'node:child_process';

export type ElectronBinary =
  { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

/**
 * Asks the electron package for its binary. The package downloads the binary
 * on first use from outside the npm registry; where that cannot work (no
 * network but the registry) it fails fast, and we say why in one line.
 */
export function findElectronBinary(cwd: string, timeoutMs = 60_000): ElectronBinary {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  if (probe.status === 0 && probe.stdout.length > 0) return { ok: true, path: probe.stdout };
  const errorLine = probe.stderr.split('\n').find((line) => line.includes('Error'));
  return {
    ok: false,
    reason: errorLine?.trim() ?? probe.error?.message ?? `exit code ${probe.status}`,
  };
}
