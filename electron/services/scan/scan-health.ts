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
      if (ready.length > 0) return { ...probe, status: offline.length > 0 ? 'warn' : 'ok', detail };
      const missing = problems.find((p) => p.code === 'BACKEND_MISSING');
      const text = scanErrorMessages[missing ? 'BACKEND_MISSING' : 'DEVICE_OFFLINE'];
      return { ...probe, status: 'fail', detail, fix: { vi: text.vi, en: text.en } };
    },
  };
}
