import { parseArgs } from 'node:util';
import { probeFidoDevices, type FidoProbe } from '../../../native/hid/ctap/probe-fido-devices';
import { VirtualAuthenticator } from '../../../native/hid/ctap/virtual-authenticator';
import { detectFingerprintReaders } from '../../../native/hid/fingerprint/detect-fingerprint-readers';
import { listUsbDevices } from '../../../native/hid/fingerprint/usb-devices';
import { kindOf, type HidDeviceInfo } from '../../../native/hid/hid-device-info';
import { HidError } from '../../../native/hid/hid-error';
import { InProcessHidBridge } from '../../../native/hid/in-process-hid-bridge';
import { NodeHidBridge, type HidBridge } from '../../../native/hid/node-hid-bridge';
import { hex4 } from '../../../native/hid/supported-vendors';
import { ExitCode, type CliIo } from '../cli-io';
import type { CliCommand } from '../command';

const USAGE_VI = 'Cách dùng: kiosk hid list | kiosk hid fido [--virtual]';
const USAGE_EN = 'Usage: kiosk hid list | kiosk hid fido [--virtual]';

const kindLabel = (io: CliIo, kind: HidDeviceInfo['kind']): string =>
  ({
    fido: io.t('khóa FIDO', 'FIDO key'),
    'barcode-scanner': io.t('máy quét mã (HID POS)', 'barcode scanner (HID POS)'),
    fingerprint: io.t('đầu đọc vân tay', 'fingerprint reader'),
    other: io.t('khác', 'other'),
  })[kind];

const deviceJson = (d: HidDeviceInfo): Record<string, unknown> => ({
  path: d.path,
  vendorId: `0x${hex4(d.vendorId)}`,
  productId: `0x${hex4(d.productId)}`,
  usagePage: `0x${d.usagePage.toString(16).padStart(2, '0')}`,
  usage: `0x${d.usage.toString(16).padStart(2, '0')}`,
  interface: d.interface,
  kind: d.kind,
  manufacturer: d.manufacturer,
  product: d.product,
});

const fidoJson = (p: FidoProbe): Record<string, unknown> =>
  p.ok
    ? { device: deviceJson(p.device), ok: true, userVerification: p.userVerification, info: p.info }
    : { device: deviceJson(p.device), ok: false, error: p.error };

function fail(io: CliIo, error: unknown): ExitCode {
  if (error instanceof HidError) {
    io.error(io.t(error.vi, error.en));
    return error.code === 'permission-denied' ? ExitCode.failed : ExitCode.unavailable;
  }
  throw error;
}

async function list(io: CliIo, bridge: HidBridge): Promise<ExitCode> {
  const devices = await bridge.list();
  const fingerprint = detectFingerprintReaders([...devices, ...(await listUsbDevices())]);
  io.result({ devices: devices.map(deviceJson), fingerprintReaders: fingerprint.readers });
  if (devices.length === 0) {
    io.line(io.t('Không thấy thiết bị HID nào.', 'No HID devices found.'));
  }
  for (const d of devices) {
    io.line(
      `${d.path}  ${hex4(d.vendorId)}:${hex4(d.productId)}  usage ${d.usagePage.toString(16)}:${d.usage.toString(16)}  ${kindLabel(io, d.kind)}  ${d.manufacturer} ${d.product}`.trimEnd(),
    );
  }
  for (const r of fingerprint.readers) {
    io.line(
      `${io.t('Đầu đọc vân tay', 'Fingerprint reader')} ${r.vendor} ${hex4(r.vendorId)}:${hex4(r.productId)} — ${r.driver ?? io.t('chưa có trình điều khiển (SDK của hãng)', 'no driver (vendor SDK)')}`,
    );
  }
  return ExitCode.ok;
}

async function fido(io: CliIo, bridge: HidBridge): Promise<ExitCode> {
  const probes = await probeFidoDevices(bridge, { timeoutMs: 3000 });
  io.result({ devices: probes.map(fidoJson) });
  if (probes.length === 0) {
    io.line(
      io.t(
        'Không thấy khóa bảo mật FIDO nào (trang usage 0xF1D0).',
        'No FIDO security keys found (usage page 0xF1D0).',
      ),
    );
  }
  for (const p of probes) {
    io.line(
      `${p.device.path}  ${hex4(p.device.vendorId)}:${hex4(p.device.productId)}  ${p.device.product}`.trimEnd(),
    );
    if (!p.ok) {
      io.line(`  ✘ ${io.t(p.error.vi, p.error.en)}`);
      continue;
    }
    const options = Object.entries(p.info.options).map(([k, v]) => `${k}=${String(v)}`);
    io.line(`  ${io.t('Phiên bản', 'Versions')}: ${p.info.versions.join(', ')}`);
    io.line(`  AAGUID: ${p.info.aaguid}`);
    io.line(`  ${io.t('Tùy chọn', 'Options')}: ${options.join(' ') || '—'}`);
    io.line(`  ${io.t('Tiện ích mở rộng', 'Extensions')}: ${p.info.extensions.join(', ') || '—'}`);
    io.line(`  ${io.t('Xác minh người dùng', 'User verification')}: ${p.userVerification}`);
  }
  return probes.every((p) => p.ok) ? ExitCode.ok : ExitCode.failed;
}

/** The in-process authenticator, listed like a real key, for --virtual. */
function virtualBridge(): InProcessHidBridge {
  const authenticator = new VirtualAuthenticator('virtual:fido');
  const info: HidDeviceInfo = {
    path: 'virtual:fido',
    vendorId: 0,
    productId: 0,
    usagePage: 0xf1d0,
    usage: 0x01,
    interface: 0,
    product: 'Virtual authenticator (CTAP 2.1 example)',
    manufacturer: 'Một cửa kiosk',
    serialNumber: '',
    kind: kindOf(0, 0xf1d0, 0x01),
  };
  return new InProcessHidBridge([{ info, device: authenticator.device }]);
}

/**
 * `kiosk hid list` lists HID devices with vendor/product ids and usage pages,
 * plus fingerprint readers seen on USB. `kiosk hid fido` asks every FIDO key
 * for authenticatorGetInfo over CTAPHID; `--virtual` asks the in-process
 * virtual authenticator instead, to show IT staff what a key's answer looks like.
 */
export function createHidCommand(bridge: HidBridge = new NodeHidBridge()): CliCommand {
  return {
    name: 'hid',
    summary: { vi: 'Thiết bị HID: máy quét mã, khóa FIDO', en: 'HID devices: scanners, FIDO keys' },
    async run(args, io) {
      let parsed: { positionals: string[]; values: { virtual?: boolean } };
      try {
        parsed = parseArgs({
          args: [...args],
          options: { virtual: { type: 'boolean' } },
          allowPositionals: true,
          strict: true,
        });
      } catch (error) {
        io.error(error instanceof Error ? error.message : String(error));
        io.error(io.t(USAGE_VI, USAGE_EN));
        return ExitCode.usage;
      }
      const [sub, ...extra] = parsed.positionals;
      if (
        extra.length > 0 ||
        (sub !== 'list' && sub !== 'fido') ||
        (sub === 'list' && parsed.values.virtual === true)
      ) {
        io.error(io.t(USAGE_VI, USAGE_EN));
        return ExitCode.usage;
      }
      try {
        if (sub === 'list') return await list(io, bridge);
        return await fido(io, parsed.values.virtual === true ? virtualBridge() : bridge);
      } catch (error) {
        return fail(io, error);
      }
    },
  };
}

export const hidCommand: CliCommand = createHidCommand();
