import { EsclBackend } from './escl/escl-backend';
import { SaneBackend } from './sane/sane-backend';
import type { ScannerBackend } from './scanner';
import { WiaBackend } from './wia/wia-backend';

export interface ScannerBackendChoice {
  /** `process.platform`: Windows scans through WIA, every other system through SANE. */
  readonly platform: NodeJS.Platform;
  /** eSCL (AirScan) scanners named by URL, on any system. */
  readonly esclUrls: readonly string[];
}

/**
 * The scanner backends a kiosk and the `kiosk scan` command use, chosen in
 * one place so the screens and IT's command line always see the same
 * devices. SANE is not offered on Windows (there is no scanimage there) and
 * WIA not elsewhere (it is a Windows COM service).
 */
export function scannerBackends(choice: ScannerBackendChoice): ScannerBackend[] {
  const urls = choice.esclUrls.filter((url) => url !== '');
  return [
    choice.platform === 'win32' ? new WiaBackend() : new SaneBackend(),
    ...(urls.length > 0 ? [new EsclBackend({ urls })] : []),
  ];
}

/** eSCL scanner URLs from `KIOSK_ESCL_URLS` (comma-separated). */
export function esclUrlsFromEnv(env: NodeJS.ProcessEnv): string[] {
  return (env.KIOSK_ESCL_URLS ?? '').split(',').filter((url) => url !== '');
}
