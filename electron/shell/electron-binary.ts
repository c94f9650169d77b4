import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary =
  { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

/**
 * Finds the Electron binary the way the electron package does (its
 * path.txt names the executable under dist/, or ELECTRON_OVERRIDE_DIST_PATH
 * holds it), without calling the package: `require('electron')` starts a
 * download from outside the npm registry when the binary is missing, which
 * on a registry-only machine costs seconds on every start and then fails.
 */
export function findElectronBinary(
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(join(cwd, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    const binary = join(override, executable ?? 'electron');
    return existsSync(binary)
      ? { ok: true, path: binary }
      : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${binary}` };
  }
  if (executable === undefined || executable === '')
    return {
      ok: false,
      reason:
        'the electron package has no binary (it downloads it at install from outside the npm registry)',
    };
  const binary = join(packageDir, 'dist', executable);
  return existsSync(binary)
    ? { ok: true, path: binary }
    : { ok: false, reason: `the Electron binary ${binary} is missing` };
}
