import type { ScanErrorCode } from '../scanner';

/** scanimage's stderr (sane_strstatus texts) → our error codes, most specific first. */
const patterns: readonly (readonly [RegExp, ScanErrorCode])[] = [
  [/document feeder jammed/i, 'PAPER_JAM'],
  [/out of documents/i, 'FEEDER_EMPTY'],
  [/cover (is )?open/i, 'COVER_OPEN'],
  [/device busy/i, 'DEVICE_BUSY'],
  [/open of device .* failed: invalid argument/i, 'DEVICE_NOT_FOUND'],
  [/open of device .* failed/i, 'DEVICE_OFFLINE'],
  [/error during device i\/o|no such device|device (was )?disconnected/i, 'DEVICE_GONE'],
  [
    /invalid argument|attempted to set inactive option|setting of option .* failed/i,
    'UNSUPPORTED_OPTION',
  ],
];

export interface SaneFailure {
  readonly code: ScanErrorCode;
  /** The stderr line that decided it, for the log. */
  readonly detail: string;
}

/**
 * Classifies how a batch ended. `out of documents` after at least one page
 * is the normal end of an ADF batch, not an error.
 */
export function classifySaneExit(
  stderr: string,
  exitCode: number | null,
  pagesDone: number,
): SaneFailure | undefined {
  const lines = stderr.split('\n').filter((l) => l.startsWith('scanimage:'));
  for (const [pattern, code] of patterns) {
    const line = lines.find((l) => pattern.test(l));
    if (line === undefined) continue;
    if (code === 'FEEDER_EMPTY' && pagesDone > 0) return undefined;
    return { code, detail: line };
  }
  if (exitCode === 0) return undefined;
  return {
    code: exitCode === null ? 'DEVICE_GONE' : 'SCAN_FAILED',
    detail: lines.at(-1) ?? `scanimage exited with ${exitCode ?? 'a signal'}`,
  };
}
