import { resolve } from 'node:path';
import { importFiles } from '../../../scanners/import/import-files';
import type { OutputProfile } from '../../../scanners/pipeline/page-pipeline';
import { scanComponent } from '../../../scanners/pipeline/scan-component';
import { esclUrlsFromEnv, scannerBackends } from '../../../scanners/scanner-backends';
import { ScannerRegistry } from '../../../scanners/scanner-registry';
import type { ColourMode, ScannedPage, ScannerDevice, ScanSource } from '../../../scanners/scanner';
import { ExitCode, type CliIo } from '../cli-io';
import type { CliCommand } from '../command';

interface ScanArgs {
  list: boolean;
  device?: string | undefined;
  source?: ScanSource;
  resolution?: number;
  mode?: ColourMode;
  out?: string | undefined;
  maxPages?: number;
  profile?: OutputProfile;
  title?: string | undefined;
  escl: string[];
  files: string[];
}

const sources: readonly ScanSource[] = ['flatbed', 'adf', 'adf-duplex'];
const modes: readonly ColourMode[] = ['color', 'gray', 'bitonal'];
const profiles: readonly OutputProfile[] = ['bitonal', 'gray', 'color'];

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

function parseArgs(args: readonly string[]): ScanArgs | string {
  const parsed: ScanArgs = { list: false, escl: [], files: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string | undefined => args[++i];
    if (arg === '--list') parsed.list = true;
    else if (arg === '--device') parsed.device = value();
    else if (arg === '--out') parsed.out = value();
    else if (arg === '--title') parsed.title = value();
    else if (arg === '--escl') parsed.escl.push(value() ?? '');
    else if (arg === '--file') parsed.files.push(value() ?? '');
    else if (arg === '--source') {
      const v = value();
      const source = oneOf(v, sources);
      if (!source) return `--source ${v ?? ''}`;
      parsed.source = source;
    } else if (arg === '--mode') {
      const v = value();
      const mode = oneOf(v, modes);
      if (!mode) return `--mode ${v ?? ''}`;
      parsed.mode = mode;
    } else if (arg === '--profile') {
      const v = value();
      const profile = oneOf(v, profiles);
      if (!profile) return `--profile ${v ?? ''}`;
      parsed.profile = profile;
    } else if (arg === '--resolution' || arg === '--max-pages') {
      const n = Number(value());
      if (!Number.isInteger(n) || n <= 0) return arg;
      if (arg === '--resolution') parsed.resolution = n;
      else parsed.maxPages = n;
    } else return arg ?? '';
  }
  return parsed;
}

function usage(io: CliIo): void {
  io.error(
    io.t(
      'Cách dùng: kiosk scan --list | kiosk scan [--device ID] [--source adf|flatbed|adf-duplex] [--resolution 300] [--mode gray|color|bitonal] [--max-pages N] [--profile bitonal|gray|color] [--title TÊN] --out THƯ_MỤC [--escl URL]… | kiosk scan --file TỆP… --out THƯ_MỤC',
      'Usage: kiosk scan --list | kiosk scan [--device ID] [--source adf|flatbed|adf-duplex] [--resolution 300] [--mode gray|color|bitonal] [--max-pages N] [--profile bitonal|gray|color] [--title NAME] --out DIR [--escl URL]… | kiosk scan --file FILE… --out DIR',
    ),
  );
}

function registry(args: ScanArgs): ScannerRegistry {
  const esclUrls = [...args.escl, ...esclUrlsFromEnv(process.env)];
  return new ScannerRegistry(scannerBackends({ platform: process.platform, esclUrls }));
}

function describeDevice(io: CliIo, device: ScannerDevice): string {
  const caps = device.capabilities;
  const status = {
    ready: io.t('sẵn sàng', 'ready'),
    busy: io.t('đang bận', 'busy'),
    offline: io.t('không kết nối', 'offline'),
  }[device.status];
  const parts = [
    caps.sources?.join('/'),
    caps.modes?.join('/'),
    caps.resolutions === undefined
      ? undefined
      : 'min' in caps.resolutions
        ? `${caps.resolutions.min}..${caps.resolutions.max} dpi`
        : `${caps.resolutions.join('/')} dpi`,
    caps.maxArea ? `${caps.maxArea.widthMm}×${caps.maxArea.heightMm} mm` : undefined,
  ].filter((p) => p !== undefined);
  return `${device.id}  ${device.name}  [${status}]  ${parts.join('  ')}`;
}

async function list(io: CliIo, scanners: ScannerRegistry): Promise<ExitCode> {
  const { devices, problems } = await scanners.listDevices();
  io.result({ devices, problems });
  for (const device of devices) io.line(describeDevice(io, device));
  for (const problem of problems)
    io.error(
      io.t(
        `Lỗi nguồn ${problem.backend}: ${problem.detail}`,
        `Backend ${problem.backend} failed: ${problem.detail}`,
      ),
    );
  if (devices.length === 0) io.line(io.t('Không tìm thấy máy quét nào.', 'No scanner found.'));
  return devices.some((d) => d.status === 'ready') ? ExitCode.ok : ExitCode.unavailable;
}

export const scanCommand: CliCommand = {
  name: 'scan',
  summary: {
    vi: 'Liệt kê máy quét, quét hoặc nhập tệp thành PDF thành phần hồ sơ',
    en: 'List scanners, scan or import files into a component PDF',
  },
  async run(rawArgs, io) {
    const args = parseArgs(rawArgs);
    if (typeof args === 'string') {
      io.error(io.t(`Tham số không hợp lệ: ${args}`, `Invalid argument: ${args}`));
      usage(io);
      return ExitCode.usage;
    }
    const scanners = registry(args);
    if (args.list) return list(io, scanners);
    if (args.out === undefined) {
      usage(io);
      return ExitCode.usage;
    }
    const outDir = resolve(args.out);
    const controller = new AbortController();
    const onSigint = (): void => {
      io.error(
        io.t(
          'Đang hủy… các trang đã quét được giữ lại.',
          'Cancelling… pages already scanned are kept.',
        ),
      );
      controller.abort();
    };
    process.once('SIGINT', onSigint);
    try {
      let pages: AsyncIterable<ScannedPage>;
      let deviceId = args.device;
      const progress = {
        signal: controller.signal,
        onProgress: ({ phase, pagesDone }: { phase: string; pagesDone: number }) => {
          if (phase === 'page-done')
            io.error(io.t(`Đã quét trang ${pagesDone}`, `Scanned page ${pagesDone}`));
        },
      };
      if (args.files.length > 0) {
        pages = importFiles(
          args.files.map((f) => resolve(f)),
          { outDir: `${outDir}/pages`, ...progress },
        );
        deviceId = 'import';
      } else {
        if (deviceId === undefined) {
          const { devices } = await scanners.listDevices();
          deviceId = devices.find((d) => d.status === 'ready')?.id;
          if (deviceId === undefined) {
            io.error(
              io.t(
                'Không tìm thấy máy quét sẵn sàng. Kiểm tra máy đã bật, đã cắm cáp, rồi chạy "kiosk scan --list".',
                'No ready scanner found. Check it is on and connected, then run "kiosk scan --list".',
              ),
            );
            return ExitCode.unavailable;
          }
        }
        pages = scanners.scan(deviceId, {
          outDir: `${outDir}/pages`,
          ...(args.source ? { source: args.source } : {}),
          ...(args.resolution ? { resolution: args.resolution } : {}),
          ...(args.mode ? { mode: args.mode } : {}),
          ...(args.maxPages ? { maxPages: args.maxPages } : {}),
          ...progress,
        });
      }
      const started = Date.now();
      const component = await scanComponent(pages, {
        pdfPath: `${outDir}/component.pdf`,
        outDir: `${outDir}/clean`,
        ...(args.profile ? { profile: args.profile } : {}),
        ...(args.title === undefined ? {} : { title: args.title }),
        onPage: (page) => {
          io.error(
            page.blank
              ? io.t(
                  `Trang ${page.index + 1}: trang trắng, đã bỏ`,
                  `Page ${page.index + 1}: blank, removed`,
                )
              : io.t(
                  `Trang ${page.index + 1}: đã xử lý (nghiêng ${page.skewDegrees}°)`,
                  `Page ${page.index + 1}: cleaned (skew ${page.skewDegrees}°)`,
                ),
          );
        },
      });
      const result = {
        device: deviceId,
        ms: Date.now() - started,
        pages: component.pages.map((p) => ({
          index: p.index,
          file: p.source,
          clean: p.image?.path,
          blank: p.blank,
          skewDegrees: p.skewDegrees,
          bytes: p.image?.bytes.length,
        })),
        pdf: component.pdf
          ? {
              path: component.pdfPath,
              sha256: component.pdf.sha256,
              pageCount: component.pdf.pageCount,
              bytes: component.pdf.bytes.length,
            }
          : null,
        error: component.error
          ? {
              code: component.error.code,
              message: component.error.text(io.locale),
              detail: component.error.detail,
            }
          : null,
      };
      io.result(result);
      if (component.pdf) {
        io.line(
          io.t(
            `PDF: ${component.pdfPath ?? ''} (${component.pdf.pageCount} trang, ${component.pdf.bytes.length} byte)`,
            `PDF: ${component.pdfPath ?? ''} (${component.pdf.pageCount} pages, ${component.pdf.bytes.length} bytes)`,
          ),
        );
        io.line(`SHA-256: ${component.pdf.sha256}`);
      } else io.line(io.t('Không có trang nào được giữ lại.', 'No page was kept.'));
      if (component.error) {
        io.error(component.error.text(io.locale));
        return ['DEVICE_NOT_FOUND', 'DEVICE_OFFLINE', 'BACKEND_MISSING'].includes(
          component.error.code,
        )
          ? ExitCode.unavailable
          : component.error.code === 'BAD_FILE'
            ? ExitCode.badInput
            : ExitCode.failed;
      }
      return ExitCode.ok;
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
  },
};
