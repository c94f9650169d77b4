import type { Config } from './config/config-schema';
import { kioskMigrations } from './kiosk-migrations';
import type { KeyProvider } from './store/crypto/key-provider';
import { parseCodeBlock } from './store/dossier-code';
import { DossierStore, type DossierStoreOptions } from './store/dossier-store';

/**
 * How this machine opens its data folder, in one place for the kiosk and
 * every `kiosk` command: the agency code and this machine's share of the
 * dossier numbers (config `agency.code` / `agency.codeBlock`, overridden by
 * KIOSK_AGENCY_CODE / KIOSK_CODE_BLOCK) and every module's migrations. Before
 * it, the kiosk ignored KIOSK_CODE_BLOCK while `kiosk dossier` honoured it, so
 * two kiosks provisioned as the README says could issue the same code.
 */
export function kioskStoreOptions(
  dataDir: string,
  config: Config,
  env: NodeJS.ProcessEnv,
  keyProvider?: KeyProvider,
): DossierStoreOptions {
  return {
    dataDir,
    agencyCode: env.KIOSK_AGENCY_CODE ?? config.agency.code,
    codeBlock: parseCodeBlock(env.KIOSK_CODE_BLOCK ?? config.agency.codeBlock),
    migrations: kioskMigrations,
    ...(keyProvider ? { keyProvider } : {}),
  };
}

/** Opens the data folder's store as the kiosk does (see kioskStoreOptions). */
export function openKioskStore(
  dataDir: string,
  config: Config,
  env: NodeJS.ProcessEnv,
  keyProvider?: KeyProvider,
): DossierStore {
  return DossierStore.open(kioskStoreOptions(dataDir, config, env, keyProvider));
}
