import { ScanError, type ScanOptions } from '../scanner';
import type { SaneDeviceOptions } from './sane-options';

/** The page file pattern scanimage fills in batch mode; TIFF keeps the dpi and sharp reads it. */
export const batchPattern = 'p%04d.tif';

function supportsResolution(device: SaneDeviceOptions, dpi: number): boolean {
  const resolutions = device.capabilities.resolutions;
  if (resolutions === undefined) return false;
  if ('min' in resolutions) return dpi >= resolutions.min && dpi <= resolutions.max;
  return resolutions.includes(dpi);
}

/**
 * The argument array for one batch scan. Only options the device listed in
 * `-A` are sent; an abstract setting the device lacks is a typed error
 * rather than a scanimage failure halfway through.
 */
export function buildScanArgs(
  deviceName: string,
  device: SaneDeviceOptions,
  options: ScanOptions,
  outDir: string,
): string[] {
  const args = [
    '--device-name',
    deviceName,
    '--format=tiff',
    `--batch=${outDir}/${batchPattern}`,
    '--batch-print',
  ];
  const source = options.source ?? 'flatbed';
  const sourceValue = device.sourceValues.get(source);
  if (sourceValue !== undefined) args.push('--source', sourceValue);
  else if (options.source !== undefined && options.source !== 'flatbed') {
    throw new ScanError(
      'UNSUPPORTED_OPTION',
      `source ${options.source} not offered by ${deviceName}`,
    );
  }
  const maxPages = source === 'flatbed' ? 1 : options.maxPages;
  if (maxPages !== undefined) args.push(`--batch-count=${maxPages}`);
  if (options.mode !== undefined) {
    const modeValue = device.modeValues.get(options.mode);
    if (modeValue === undefined)
      throw new ScanError(
        'UNSUPPORTED_OPTION',
        `mode ${options.mode} not offered by ${deviceName}`,
      );
    args.push('--mode', modeValue);
  }
  if (options.resolution !== undefined) {
    if (!supportsResolution(device, options.resolution)) {
      throw new ScanError(
        'UNSUPPORTED_OPTION',
        `resolution ${options.resolution} not offered by ${deviceName}`,
      );
    }
    args.push('--resolution', String(options.resolution));
  }
  if (options.area !== undefined) {
    const maxArea = device.capabilities.maxArea;
    if (device.options.has('-x'))
      args.push('-x', String(Math.min(options.area.widthMm, maxArea?.widthMm ?? Infinity)));
    if (device.options.has('-y'))
      args.push('-y', String(Math.min(options.area.heightMm, maxArea?.heightMm ?? Infinity)));
  }
  return args;
}
