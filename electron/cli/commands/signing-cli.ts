import { resolve } from 'node:path';
import { loadConfig, resolveDataDir } from '../../services/config/config-file';
import { SigningError, signingErrorText } from '../../services/signing/signing-errors';
import { tokenSignerSettings } from '../../services/signing/token-signer';
import type { TokenSignerSettings } from '../../services/signing/token-signer';
import type { CliIo } from '../cli-io';
import { ExitCode } from '../cli-io';

/** The config's signing keys (env KIOSK_SIGNING_MODULE / _TOKEN win); a relative chainFile is under the data folder. */
export function cliSigningSettings(): TokenSignerSettings {
  const dataDir = resolveDataDir(process.env);
  const { config } = loadConfig(dataDir);
  const settings = tokenSignerSettings(config, process.env);
  return {
    ...settings,
    chainFile: settings.chainFile === '' ? '' : resolve(dataDir, settings.chainFile),
  };
}

/** Prints a SigningError in the user's language and maps it to an exit code IT can script on. */
export function reportSigningError(io: CliIo, error: unknown): ExitCode {
  if (!(error instanceof SigningError)) throw error;
  const text = signingErrorText(error.code, error.info);
  io.result({ ok: false, error: { code: error.code, ...text, info: error.info } });
  io.error(`${io.t(text.vi, text.en)} [${error.code}]`);
  switch (error.code) {
    case 'SIGNING_MODULE_MISSING':
    case 'SIGNING_TOKEN_ABSENT':
    case 'SIGNING_TOKEN_REMOVED':
    case 'SIGNING_TOKEN_BUSY':
    case 'SIGNING_NOT_CONFIGURED':
      return ExitCode.unavailable;
    case 'SIGNING_BAD_PDF':
      return ExitCode.badInput;
    default:
      return ExitCode.failed;
  }
}
