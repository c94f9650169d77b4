import { readFileSync } from 'node:fs';
import type { Result } from '../api/contract';
import { createDispatcher, type Dispatch, type Handlers } from '../api/dispatcher';
import { EventHub } from '../api/event-hub';
import { loadConfig } from '../services/config/config-file';
import type { Config } from '../services/config/config-schema';
import { runProbes, type HealthProbe } from '../services/health/health-check';
import {
  diskProbe,
  nativeModuleProbe,
  nativeModules,
  nodeVersionProbe,
  pcscdProbe,
  portalProbe,
  sanePeersProbe,
} from '../services/health/system-probes';
import { createLogger, type Logger } from '../services/log/logger';

export interface CoreOptions {
  readonly dataDir: string;
  readonly shell: Result<'system.info'>['shell'];
  /** Clears the renderer's storage (Electron: session.clearStorageData). */
  readonly wipeRenderer?: () => Promise<void>;
  /** A logger to use instead of the rotating file (tests). */
  readonly logger?: Logger;
}

export interface Core {
  readonly config: Config;
  readonly logger: Logger;
  readonly events: EventHub;
  readonly dispatch: Dispatch;
  dispose(): Promise<void>;
}

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
}

/**
 * The one place where services are built and wired, for both shells. Throws
 * a KioskError(CONFIG_INVALID) when the config file is broken; the shells
 * print it and stop without touching the file.
 */
export function createCore(options: CoreOptions): Core {
  const { config } = loadConfig(options.dataDir);
  const logger = options.logger ?? createLogger(options.dataDir, config.logs);
  const events = new EventHub();
  const portalUrl = process.env.KIOSK_PORTAL_URL ?? config.portal.url;
  const probes: HealthProbe[] = [
    nodeVersionProbe(),
    ...nativeModules.map((name) => nativeModuleProbe(name)),
    diskProbe(options.dataDir),
    pcscdProbe(),
    sanePeersProbe(),
    portalProbe(portalUrl, config.portal.trainingMode),
  ];
  const rendererLog = logger.child({ subsystem: 'renderer' });
  const version = appVersion();

  const handlers: Handlers = {
    'system.info': () => ({
      appVersion: version,
      shell: options.shell,
      mode: config.mode,
      locale: config.locale,
      trainingMode: config.portal.trainingMode,
      idleTimeoutSeconds: config.idleTimeoutSeconds,
      agencyName: config.agency.name,
    }),
    'system.health': async () => {
      const checks = [
        {
          id: 'config',
          kind: 'system' as const,
          status: 'ok' as const,
          detail: 'config.json valid',
        },
        ...(await runProbes(probes)),
      ];
      return { checkedAt: new Date().toISOString(), checks };
    },
    'session.end': async ({ reason }) => {
      await options.wipeRenderer?.();
      logger.info({ subsystem: 'session', reason }, 'citizen session ended; renderer data wiped');
      return { wiped: true };
    },
    'log.write': ({ level, message, context }) => {
      rendererLog[level](context ?? {}, message);
      return {};
    },
  };

  const dispatch = createDispatcher(handlers, logger.child({ subsystem: 'api' }));
  logger.info({ shell: options.shell, mode: config.mode, version }, 'kiosk core started');
  return {
    config,
    logger,
    events,
    dispatch,
    dispose: () =>
      new Promise((resolve) => {
        logger.flush(() => {
          resolve();
        });
      }),
  };
}
