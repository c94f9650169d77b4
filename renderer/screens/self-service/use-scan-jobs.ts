import { useEffect, useRef, useState } from 'react';
import type { ScanDevice } from '../../../electron/api/contract/scan';
import { useKiosk } from '../../api/KioskContext';
import type { ScanResult } from './DocumentStep';

export interface ScanJobs {
  /** The kiosk's scanner (the first ready one), or null when none is ready. */
  readonly device: ScanDevice | null;
  /** Each component's scan, by component code. */
  readonly scans: Readonly<Record<string, ScanResult>>;
  /** A new scan of `code` replaces (and discards) the one before. */
  readonly scanned: (code: string, result: ScanResult) => void;
  /** The citizen leaves `code` out: its scan, if any, is discarded. */
  readonly drop: (code: string) => void;
  /** The dossier now owns the scans: they are no longer ours to discard. */
  readonly handOver: () => void;
}

/**
 * The documents scanned in one self-service session. A scan that never
 * becomes part of a saved dossier is discarded in the core — when replaced,
 * left out, or when the citizen leaves (Hủy, the idle timeout).
 */
export function useScanJobs(): ScanJobs {
  const { api } = useKiosk();
  const [device, setDevice] = useState<ScanDevice | null>(null);
  const [scans, setScans] = useState<Record<string, ScanResult>>({});
  const pending = useRef(new Set<string>());

  useEffect(() => {
    void api.scan.devices({}).then((result) => {
      if (!result.ok) return;
      setDevice(result.value.devices.find((d) => d.status === 'ready') ?? null);
    });
  }, [api]);

  useEffect(() => {
    const jobs = pending.current;
    return () => {
      for (const jobId of jobs) void api.component.discard({ jobId });
      jobs.clear();
    };
  }, [api]);

  const discard = (scan: ScanResult | undefined) => {
    if (!scan) return;
    pending.current.delete(scan.jobId);
    void api.component.discard({ jobId: scan.jobId });
  };

  return {
    device,
    scans,
    scanned: (code, result) => {
      discard(scans[code]);
      pending.current.add(result.jobId);
      setScans({ ...scans, [code]: result });
    },
    drop: (code) => {
      const { [code]: dropped, ...rest } = scans;
      discard(dropped);
      setScans(rest);
    },
    handOver: () => {
      pending.current.clear();
    },
  };
}
