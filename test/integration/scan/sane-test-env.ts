import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private SANE configuration that enables only the `test` backend, so the
 * tests never edit /etc/sane.d. scanimage reads SANE_CONFIG_DIR first.
 */
export interface SaneTestEnv {
  readonly env: NodeJS.ProcessEnv;
  readonly dir: string;
  dispose(): void;
}

export function createSaneTestEnv(): SaneTestEnv {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-sane-'));
  writeFileSync(join(dir, 'dll.conf'), 'test\n');
  // Two virtual devices, as the packaged test.conf has; the feeder holds 10 sheets.
  writeFileSync(join(dir, 'test.conf'), 'number_of_devices 2\n');
  return {
    dir,
    env: { ...process.env, SANE_CONFIG_DIR: dir },
    dispose: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
