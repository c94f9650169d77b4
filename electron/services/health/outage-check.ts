import type { HealthReport } from '../../api/contract/system';
import { runProbes } from './health-check';
import { shareInFlight } from './shared-health';
import { portalProbe, printerProbe } from './system-probes';

/**
 * The start screen asks on every citizen and must never wait on a dead
 * network: each probe gives up after this long and reports a failure.
 */
export const OUTAGE_TIMEOUT_MS = 2000;

/**
 * The printer and the portal, checked together and shared between callers
 * (a start screen shown on several tabs costs one lpstat and one request).
 */
export function createOutageCheck(portal: {
  url: string;
  trainingMode: boolean;
}): () => Promise<HealthReport> {
  const probes = [
    printerProbe(OUTAGE_TIMEOUT_MS),
    portalProbe(portal.url, portal.trainingMode, OUTAGE_TIMEOUT_MS),
  ];
  return shareInFlight(async () => ({
    checkedAt: new Date().toISOString(),
    checks: await runProbes(probes),
  }));
}
