import type { HealthCheck } from '../../api/contract/system';

export type { HealthCheck } from '../../api/contract/system';

/**
 * One thing the Diagnostics screen and `kiosk doctor` check. A probe never
 * throws: a failure is a `fail` result that says what to do.
 */
export interface HealthProbe {
  readonly id: string;
  readonly kind: HealthCheck['kind'];
  check(): Promise<HealthCheck>;
}

export async function runProbes(probes: readonly HealthProbe[]): Promise<HealthCheck[]> {
  return Promise.all(
    probes.map(async (probe) => {
      try {
        return await probe.check();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return {
          id: probe.id,
          kind: probe.kind,
          status: 'fail' as const,
          detail: `check crashed: ${reason}`,
          detailVi: `Bước kiểm tra này bị lỗi giữa chừng. Lỗi hệ thống báo: ${reason}`,
        };
      }
    }),
  );
}
