import { scanErrorMessages } from '../../../scanners/scanner';
import type { HealthCheck, HealthProbe } from '../health/health-check';
import type { ScanService } from './scan-service';

/**
 * Diagnostics line for the scanners: refreshes the device list (each backend
 * and device bounded by its own timeout) and says which are ready, offline or
 * missing, with what to do.
 */
export function createScanHealthProbe(service: ScanService): HealthProbe {
  const probe = { id: 'scanners', kind: 'device' as const };
  return {
    ...probe,
    check: async (): Promise<HealthCheck> => {
      const { devices, problems } = await service.devices(true);
      const ready = devices.filter((d) => d.status === 'ready');
      const offline = devices.filter((d) => d.status !== 'ready');
      const detail = [
        `${ready.length} ready${ready.length > 0 ? `: ${ready.map((d) => d.id).join(', ')}` : ''}`,
        ...offline.map(
          (d) => `${d.id} ${d.status}${d.problem === undefined ? '' : ` (${d.problem})`}`,
        ),
        ...problems.map((p) => `${p.backend}: ${p.code} ${p.detail}`),
      ].join('; ');
      // The screen's line: how many are ready, in words; the device ids and backend codes
      // stay after "Chi tiết" because IT needs them to find the machine.
      const detailVi =
        ready.length > 0
          ? `Có ${ready.length} máy quét sẵn sàng${offline.length > 0 ? `, ${offline.length} máy không hoạt động` : ''}. Chi tiết: ${detail}`
          : `Không có máy quét nào sẵn sàng. Chi tiết: ${detail}`;
      if (ready.length > 0)
        return { ...probe, status: offline.length > 0 ? 'warn' : 'ok', detail, detailVi };
      const missing = problems.find((p) => p.code === 'BACKEND_MISSING');
      const text = scanErrorMessages[missing ? 'BACKEND_MISSING' : 'DEVICE_OFFLINE'];
      return { ...probe, status: 'fail', detail, detailVi, fix: { vi: text.vi, en: text.en } };
    },
  };
}
