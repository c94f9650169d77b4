import { describe, expect, it } from 'vitest';
import { HidDevicesSchema, HidScanSchema, type HidScan } from '../../api/contract/hid';
import { VirtualAuthenticator } from '../../../native/hid/ctap/virtual-authenticator';
import { toDeviceInfos, type HidDeviceInfo } from '../../../native/hid/hid-device-info';
import { InProcessHidBridge } from '../../../native/hid/in-process-hid-bridge';
import { InProcessHidDevice } from '../../../native/hid/in-process-hid-device';
import type { HidDeviceLike } from '../../../native/hid/hid-device-like';
import type { HidBridge } from '../../../native/hid/node-hid-bridge';
import { parseCccdQr } from '../../../native/smartcard/citizen/index';
import { createHidHandlers, createHidHealthProbes } from './hid-handlers';
import { HidService } from './hid-service';

const QR =
  '001185012345|123456789|Nguyễn Thị Mai|14031985|Nữ|Số 12 Phố Giả Định, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội|10052021';

/** Scanned Data Reports (report ID 2, 64 bytes) as a HID POS scanner sends `text`. */
function scanReports(text: string, aim: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const reports: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += 56) {
    const chunk = bytes.subarray(at, at + 56);
    const r = new Uint8Array(64);
    r[0] = 2;
    r[1] = chunk.length;
    r.set(new TextEncoder().encode(aim), 2);
    r.set(chunk, 5);
    r[63] = at + 56 < bytes.length ? 1 : 0;
    reports.push(r);
  }
  return reports;
}

const silentLog = { info: () => undefined, warn: () => undefined };

/** One HID POS scanner that can be unplugged and plugged back in (a new handle each time). */
class ReplugBridge implements HidBridge {
  device = new InProcessHidDevice('virtual:pos');
  present = true;
  constructor(readonly info: HidDeviceInfo) {}
  list(): Promise<HidDeviceInfo[]> {
    return Promise.resolve(this.present ? [this.info] : []);
  }
  open(): Promise<HidDeviceLike> {
    return Promise.resolve(this.device);
  }
  reportDescriptor(): Promise<Uint8Array | undefined> {
    return Promise.resolve(undefined);
  }
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('HID service', () => {
  const [scannerInfo, fidoInfo] = toDeviceInfos([
    {
      vendorId: 0x0c2e,
      productId: 0x0b61,
      path: 'virtual:pos',
      usagePage: 0x8c,
      usage: 2,
      product: 'Xenon',
    },
    { vendorId: 0x1050, productId: 0x0402, path: 'virtual:fido', usagePage: 0xf1d0, usage: 1 },
  ]);

  it('a CCCD QR read by a plugged-in HID POS scanner becomes a hid.scan event with the Citizen record', async () => {
    const bridge = new ReplugBridge(scannerInfo!);
    const scans: HidScan[] = [];
    const service = new HidService({
      bridge,
      onScan: (s) => scans.push(HidScanSchema.parse(s)),
      log: silentLog,
      listUsb: () => Promise.resolve([]),
      pollMs: { min: 5, max: 20 },
    });
    service.start();
    await until(() => bridge.device.listenerCount > 0);

    for (const r of scanReports(QR, ']Q1')) bridge.device.deliver(r);
    for (const r of scanReports('HS-000.12.34.H26-260101-0001', ']C0')) bridge.device.deliver(r);
    expect(scans).toHaveLength(2);
    expect(scans[0]?.citizen).toEqual(parseCccdQr(QR));
    expect(scans[0]?.symbology).toEqual({ id: ']Q1', name: 'QR Code' });
    expect(scans[1]).toMatchObject({
      citizen: null,
      problem: { code: 'QR_FORMAT' },
      symbology: { name: 'Code 128' },
    });

    const devices = HidDevicesSchema.parse(
      await createHidHandlers(service)['hid.devices']({}, { transport: 'local' }),
    );
    expect(devices.devices[0]).toMatchObject({
      path: 'virtual:pos',
      kind: 'barcode-scanner',
      reading: true,
    });

    // Unplug and re-plug: the scanner is closed, then opened again on its return.
    bridge.present = false;
    bridge.device.unplug();
    await until(() => bridge.device.listenerCount === 0);
    await new Promise((r) => setTimeout(r, 60));
    bridge.device = new InProcessHidDevice('virtual:pos');
    bridge.present = true;
    await until(() => bridge.device.listenerCount > 0);
    for (const r of scanReports(QR, ']Q1')) bridge.device.deliver(r);
    expect(scans).toHaveLength(3);
    await service.stop();
  });

  it('Diagnostics lists a FIDO key and reports fingerprint readers without a driver as a warning', async () => {
    const bridge = new InProcessHidBridge([
      { info: fidoInfo!, device: new VirtualAuthenticator().device },
    ]);
    const service = new HidService({
      bridge,
      onScan: () => undefined,
      log: silentLog,
      listUsb: () =>
        Promise.resolve([
          { vendorId: 0x1491, productId: 0x0020, manufacturer: 'Futronic', product: 'FS80H' },
        ]),
    });
    const [hid, fingerprint] = await Promise.all(
      createHidHealthProbes(service).map((p) => p.check()),
    );
    expect(hid).toMatchObject({ id: 'hid', status: 'ok' });
    expect(hid?.detail).toContain('1 FIDO key');
    expect(fingerprint).toMatchObject({ id: 'fingerprint-readers', status: 'warn' });
    expect(fingerprint?.fix?.vi).toContain('Futronic');
  });

  it('hid.parseScan gives a keyboard-wedge scan the same Citizen, and says which field to re-scan', async () => {
    const service = new HidService({
      bridge: new InProcessHidBridge([]),
      onScan: () => undefined,
      log: silentLog,
    });
    const handlers = createHidHandlers(service);
    const ctx = { transport: 'local' } as const;
    expect(await handlers['hid.parseScan']({ text: QR }, ctx)).toEqual({
      citizen: parseCccdQr(QR),
      problem: null,
    });
    const dossier = await handlers['hid.parseScan']({ text: 'HS-000.12.34.H26-260101-0001' }, ctx);
    expect(dossier).toMatchObject({ citizen: null, problem: { code: 'QR_FORMAT' } });
    const bad = await handlers['hid.parseScan']({ text: QR.replace('14031985', '31021985') }, ctx);
    expect(bad).toMatchObject({ citizen: null, problem: { code: 'QR_FIELD', field: 'birthDate' } });
    expect(bad.problem?.vi.length).toBeGreaterThan(0);
  });
});
