import type { Config } from '../config/config-schema';
import type { PortalConfigInput } from './portal-config';

/**
 * The portal client's settings from the config file, each overridable by the
 * environment (KIOSK_PORTAL_URL, KIOSK_PORTAL_USER, KIOSK_PORTAL_PASSWORD,
 * KIOSK_PORTAL_TIMEOUT_MS, and the adapter's endpoint paths
 * KIOSK_PORTAL_AUTH_PATH, KIOSK_PORTAL_INTEGRATION_PATH, KIOSK_PORTAL_FILES_PATH,
 * which the config file does not hold yet). `madonvi` is the agency's code.
 */
/**
 * In training mode with no password set, the training portal's own
 * (electron/portal-sim), so a fresh kiosk syncs to the simulator out of the
 * box. Never applied outside training mode.
 */
export const TRAINING_PORTAL_PASSWORD = 'kiosk-training';

function trainingPassword(config: Config): string {
  return config.portal.password === '' && config.portal.trainingMode
    ? TRAINING_PORTAL_PASSWORD
    : config.portal.password;
}

export function portalSettings(config: Config, env: NodeJS.ProcessEnv): PortalConfigInput {
  const timeout = Number(env.KIOSK_PORTAL_TIMEOUT_MS);
  return {
    baseUrl: env.KIOSK_PORTAL_URL ?? config.portal.url,
    username: env.KIOSK_PORTAL_USER ?? config.portal.username,
    password: env.KIOSK_PORTAL_PASSWORD ?? trainingPassword(config),
    madonvi: config.agency.code,
    ...(Number.isInteger(timeout) && timeout > 0 ? { timeoutMs: timeout } : {}),
    ...(env.KIOSK_PORTAL_AUTH_PATH === undefined ? {} : { authPath: env.KIOSK_PORTAL_AUTH_PATH }),
    ...(env.KIOSK_PORTAL_INTEGRATION_PATH === undefined
      ? {}
      : { integrationPath: env.KIOSK_PORTAL_INTEGRATION_PATH }),
    ...(env.KIOSK_PORTAL_FILES_PATH === undefined
      ? {}
      : { filesPath: env.KIOSK_PORTAL_FILES_PATH }),
  };
}
