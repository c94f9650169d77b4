import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../services/config/config-schema';
import type { Logger } from '../services/log/logger';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * In training mode the portal is the local simulator (electron/portal-sim),
 * started here as its own process with its own SQLite in the data folder,
 * unless something already answers on the configured loopback address.
 * Returns the child to stop on exit, or undefined when none was started.
 */
export async function startTrainingPortal(
  config: Config,
  dataDir: string,
  log: Logger,
): Promise<ChildProcess | undefined> {
  if (!config.portal.trainingMode || process.env.KIOSK_PORTAL_URL !== undefined) return undefined;
  const url = new URL(config.portal.url);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') return undefined;
  const answering = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
    () => true,
    () => false,
  );
  if (answering) return undefined;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'electron/portal-sim/main.ts'),
      '--port',
      url.port || '80',
      '--data',
      join(dataDir, 'portal-sim'),
      // The training copy keeps personal data no longer than the kiosk does.
      '--retention-days',
      String(config.store.retentionDays),
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  log.info({ pid: child.pid, url: url.origin }, 'training portal (simulator) started');
  return child;
}
