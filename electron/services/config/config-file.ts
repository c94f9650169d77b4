import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KioskError } from '../../api/errors';
import { ConfigSchema, type Config } from './config-schema';

export const CONFIG_FILE_NAME = 'config.json';

/** The data folder: KIOSK_DATA_DIR, else the shell's user-data folder, else ~/.config/mot-cua-kiosk. */
export function resolveDataDir(env: NodeJS.ProcessEnv, userDataDir?: string): string {
  return env.KIOSK_DATA_DIR ?? userDataDir ?? join(homedir(), '.config', 'mot-cua-kiosk');
}

export interface LoadedConfig {
  readonly config: Config;
  readonly path: string;
  /** True when no file existed and the defaults were written. */
  readonly created: boolean;
}

/**
 * Reads and validates config.json. A missing file is created with the
 * defaults; a broken file is NEVER overwritten: the error names the bad key
 * so IT staff can fix it by hand.
 */
export function loadConfig(dataDir: string): LoadedConfig {
  const path = join(dataDir, CONFIG_FILE_NAME);
  if (!existsSync(path)) {
    const config = ConfigSchema.parse({});
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (createWhole(path, `${JSON.stringify(config, null, 2)}\n`))
      return { config, path, created: true };
    // Another process (a second `kiosk` command started at the same moment) wrote it first.
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KioskError(
      'CONFIG_INVALID',
      `${path} is not valid JSON (${reason}); fix or delete the file`,
      [{ path: '(file)', message: reason }],
    );
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.') || '(root)',
      message: issue.message,
    }));
    const keys = issues.map((i) => `"${i.path}": ${i.message}`).join('; ');
    throw new KioskError('CONFIG_INVALID', `${path}: bad key ${keys}`, issues);
  }
  return { config: parsed.data, path, created: false };
}

/**
 * Creates `path` with its whole text or not at all: written beside it, then
 * hard-linked into place, which fails when the name exists. A process reading
 * at the same moment never sees a half-written file; false when it existed.
 */
function createWhole(path: string, text: string): boolean {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o600 });
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}
