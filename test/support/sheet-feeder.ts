import { importFiles } from '../../scanners/import/import-files';
import type { ScannerBackend } from '../../scanners/scanner';

/** The device id the feeder lists, for `ScanService.start({ device })`. */
export const SHEET_FEEDER_DEVICE = 'import:sheets';

/**
 * A feeder of prepared sheets: ScanService's real scan path (import backend,
 * page pipeline) with pages whose content the test knows, as SANE's test
 * device can only give noise or a test pattern.
 */
export function sheetFeeder(files: readonly string[]): ScannerBackend {
  return {
    name: 'import',
    listDevices: () =>
      Promise.resolve([
        {
          id: SHEET_FEEDER_DEVICE,
          backend: 'import',
          name: 'Sheets',
          status: 'ready',
          capabilities: {},
        },
      ]),
    scan: (_device, options) => importFiles(files, { outDir: options.outDir }),
  };
}
