import type { HidDevice, HidScan } from '../../api/contract/hid';
import {
  detectFingerprintReaders,
  type FingerprintStatus,
} from '../../../native/hid/fingerprint/detect-fingerprint-readers';
import { listUsbDevices, type UsbDevice } from '../../../native/hid/fingerprint/usb-devices';
import type { HidDeviceInfo } from '../../../native/hid/hid-device-info';
import { HidError, toHidError } from '../../../native/hid/hid-error';
import { HidWatcher } from '../../../native/hid/hid-watcher';
import type { HidBridge } from '../../../native/hid/node-hid-bridge';
import type { PosScan } from '../../../native/hid/pos/hid-pos-decoder';
import { HidPosScanner } from '../../../native/hid/pos/hid-pos-scanner';
import { defaultPosScanLayout, posScanLayoutFrom } from '../../../native/hid/pos/pos-scan-layout';
import { citizenFromScan } from './citizen-from-scan';

export interface HidServiceLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface HidServiceDeps {
  readonly bridge: HidBridge;
  /** Where scans go; the composition root publishes them as the `hid.scan` event. */
  readonly onScan: (scan: HidScan) => void;
  readonly log: HidServiceLog;
  readonly listUsb?: () => Promise<UsbDevice[]>;
  readonly pollMs?: { readonly min: number; readonly max: number };
}

export interface HidDevicesReport {
  readonly devices: HidDevice[];
  readonly fingerprint: FingerprintStatus;
  readonly problem: { code: string; vi: string; en: string } | null;
}

/**
 * The HID side of the kiosk: watches for devices (hot-plug by polling),
 * opens every HID POS barcode scanner it sees and turns its reads into
 * `hid.scan` events, with the Citizen record when the code is a CCCD QR.
 * Scan text is citizen data: it is never logged.
 */
export class HidService {
  readonly #deps: HidServiceDeps;
  readonly #watcher: HidWatcher;
  readonly #scanners = new Map<string, HidPosScanner>();
  #problem: HidError | null = null;

  constructor(deps: HidServiceDeps) {
    this.#deps = deps;
    this.#watcher = new HidWatcher(() => deps.bridge.list(), {
      minIntervalMs: deps.pollMs?.min ?? 1000,
      maxIntervalMs: deps.pollMs?.max ?? 15_000,
      onChange: (change) => {
        this.#problem = null;
        for (const d of change.detached) void this.#detach(d.path);
        for (const d of change.attached) if (d.kind === 'barcode-scanner') void this.#attach(d);
      },
      onError: (error) => {
        this.#problem = toHidError(error, '*');
        deps.log.warn({ code: this.#problem.code }, 'HID listing failed');
      },
    });
  }

  start(): void {
    this.#watcher.start();
  }

  async stop(): Promise<void> {
    this.#watcher.stop();
    await Promise.all([...this.#scanners.keys()].map((path) => this.#detach(path)));
  }

  async devices(): Promise<HidDevicesReport> {
    let listed: HidDeviceInfo[] = [...this.#watcher.devices];
    let problem = this.#problem;
    try {
      listed = await this.#deps.bridge.list();
    } catch (error) {
      problem = toHidError(error, '*');
    }
    const usb = await (this.#deps.listUsb ?? listUsbDevices)();
    return {
      devices: listed.map((d) => ({
        path: d.path,
        vendorId: d.vendorId,
        productId: d.productId,
        usagePage: d.usagePage,
        usage: d.usage,
        kind: d.kind,
        manufacturer: d.manufacturer,
        product: d.product,
        reading: this.#scanners.has(d.path),
      })),
      fingerprint: detectFingerprintReaders([...listed, ...usb]),
      problem: problem ? { code: problem.code, vi: problem.vi, en: problem.en } : null,
    };
  }

  async #attach(info: HidDeviceInfo): Promise<void> {
    if (this.#scanners.has(info.path)) return;
    try {
      const descriptor = await this.#deps.bridge.reportDescriptor(info.path);
      const layout = (descriptor && posScanLayoutFrom(descriptor)) ?? defaultPosScanLayout;
      const device = await this.#deps.bridge.open(info.path);
      const scanner = new HidPosScanner(device, layout, {
        onScan: (scan) => {
          this.#publish(scan);
        },
        onError: (error) => {
          this.#deps.log.warn(
            { path: info.path, code: toHidError(error, info.path).code },
            'barcode scanner stopped',
          );
          void this.#detach(info.path);
        },
      });
      this.#scanners.set(info.path, scanner);
      this.#deps.log.info({ path: info.path, reportId: layout.reportId }, 'barcode scanner opened');
    } catch (error) {
      const hid = toHidError(error, info.path);
      this.#problem = hid;
      this.#deps.log.warn(
        { path: info.path, code: hid.code },
        'barcode scanner could not be opened',
      );
    }
  }

  async #detach(path: string): Promise<void> {
    const scanner = this.#scanners.get(path);
    if (!scanner) return;
    this.#scanners.delete(path);
    await scanner.close().catch(() => undefined);
  }

  #publish(scan: PosScan): void {
    const { citizen, problem } = citizenFromScan(scan.text);
    if (problem && problem.code !== 'QR_FORMAT') {
      this.#deps.log.warn(
        { code: problem.code, field: problem.field },
        'CCCD QR with an invalid field',
      );
    }
    this.#deps.onScan({ text: scan.text, symbology: scan.symbology, citizen, problem });
  }
}
