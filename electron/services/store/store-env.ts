import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseCodeBlock } from './dossier-code';
import { DossierStore } from './dossier-store';

export const DEFAULT_AGENCY_CODE = '000.00.00.H00';

/**
 * Store settings for the CLI and the browser shell until the config service
 * lands: KIOSK_DATA_DIR (default ~/.local/share/mot-cua-kiosk),
 * KIOSK_AGENCY_CODE (default 000.00.00.H00) and KIOSK_CODE_BLOCK (this
 * kiosk's share of the daily dossier numbers, default 0/1; see dossier-code.ts).
 */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv): {
  dataDir: string;
  agencyCode: string;
  codeBlock: ReturnType<typeof parseCodeBlock>;
} {
  return {
    dataDir: env.KIOSK_DATA_DIR ?? join(homedir(), '.local', 'share', 'mot-cua-kiosk'),
    agencyCode: env.KIOSK_AGENCY_CODE ?? DEFAULT_AGENCY_CODE,
    codeBlock: parseCodeBlock(env.KIOSK_CODE_BLOCK ?? '0/1'),
  };
}

export function openStoreFromEnv(env: NodeJS.ProcessEnv): DossierStore {
  return DossierStore.open(storeOptionsFromEnv(env));
}
