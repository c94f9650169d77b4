import type { HandlerGroup } from '../../api/dispatcher';
import type { HealthProbe } from '../health/health-check';
import { citizenFromScan } from './citizen-from-scan';
import type { HidService } from './hid-service';

/** The `hid.*` methods of the API contract. */
export function createHidHandlers(
  service: HidService,
): HandlerGroup<'hid.devices' | 'hid.parseScan'> {
  return {
    'hid.devices': async () => {
      const report = await service.devices();
      return {
        devices: report.devices,
        fingerprintReaders: [...report.fingerprint.readers],
        problem: report.problem,
      };
    },
    'hid.parseScan': ({ text }) => citizenFromScan(text),
  };
}

/** Diagnostics lines: the HID bridge, and fingerprint readers (detected, with or without a driver). */
export function createHidHealthProbes(service: HidService): HealthProbe[] {
  return [
    {
      id: 'hid',
      kind: 'device',
      check: async () => {
        const report = await service.devices();
        const scanners = report.devices.filter((d) => d.kind === 'barcode-scanner').length;
        const keys = report.devices.filter((d) => d.kind === 'fido').length;
        const detail = `${report.devices.length} HID device(s): ${scanners} barcode scanner(s), ${keys} FIDO key(s)`;
        const detailVi = `${report.devices.length} thiết bị HID: ${scanners} đầu đọc mã vạch, ${keys} khoá bảo mật FIDO`;
        if (report.problem) {
          return {
            id: 'hid',
            kind: 'device',
            status: 'warn',
            detail: `${detail}; ${report.problem.code}`,
            detailVi: `${detailVi}. ${report.problem.vi}`,
            fix: { vi: report.problem.vi, en: report.problem.en },
          };
        }
        return { id: 'hid', kind: 'device', status: 'ok', detail, detailVi };
      },
    },
    {
      id: 'fingerprint-readers',
      kind: 'device',
      check: async () => {
        const { fingerprint } = await service.devices();
        const detailVi =
          fingerprint.status === 'ok'
            ? `Có ${String(fingerprint.readers.length)} đầu đọc vân tay đã có trình điều khiển.`
            : fingerprint.status === 'warn'
              ? `Có đầu đọc vân tay chưa có trình điều khiển. Chi tiết: ${fingerprint.detail}`
              : 'Không thấy đầu đọc vân tay nào.';
        return fingerprint.fix
          ? {
              id: 'fingerprint-readers',
              kind: 'device',
              status: fingerprint.status,
              detail: fingerprint.detail,
              detailVi,
              fix: { ...fingerprint.fix },
            }
          : {
              id: 'fingerprint-readers',
              kind: 'device',
              status: fingerprint.status,
              detail: fingerprint.detail,
              detailVi,
            };
      },
    },
  ];
}
