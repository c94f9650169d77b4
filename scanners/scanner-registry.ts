import {
  ScanError,
  type ScannedPage,
  type ScannerBackend,
  type ScannerBackendName,
  type ScannerDevice,
  type ScanOptions,
} from './scanner';

export interface BackendProblem {
  readonly backend: ScannerBackendName;
  readonly code: ScanError['code'];
  readonly detail: string;
}

export interface DeviceList {
  readonly devices: readonly ScannerDevice[];
  /** Backends that could not list at all (scanimage missing, timed out); the others still answered. */
  readonly problems: readonly BackendProblem[];
}

/**
 * All scanner backends behind one list and one scan call. Each backend lists
 * on its own with a deadline; a backend that fails or hangs is reported and
 * the devices it listed last time are shown as offline, so one bad driver
 * never empties the operator's list.
 */
export class ScannerRegistry {
  readonly #backends: readonly ScannerBackend[];
  readonly #timeoutMs: number;
  readonly #lastSeen = new Map<ScannerBackendName, readonly ScannerDevice[]>();

  constructor(backends: readonly ScannerBackend[], options: { readonly timeoutMs?: number } = {}) {
    this.#backends = backends;
    this.#timeoutMs = options.timeoutMs ?? 20_000;
  }

  async listDevices(options: { readonly signal?: AbortSignal } = {}): Promise<DeviceList> {
    const problems: BackendProblem[] = [];
    const lists = await Promise.all(
      this.#backends.map(async (backend) => {
        const deadline = AbortSignal.timeout(this.#timeoutMs);
        const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
        try {
          const devices = await Promise.race([
            backend.listDevices({ signal }),
            new Promise<never>((_, reject) => {
              signal.addEventListener('abort', () => {
                reject(
                  new ScanError(
                    'DEVICE_OFFLINE',
                    `${backend.name} did not list within ${this.#timeoutMs} ms`,
                  ),
                );
              });
            }),
          ]);
          this.#lastSeen.set(backend.name, devices);
          return devices;
        } catch (error) {
          const scanError =
            error instanceof ScanError ? error : new ScanError('SCAN_FAILED', String(error));
          problems.push({ backend: backend.name, code: scanError.code, detail: scanError.detail });
          return (this.#lastSeen.get(backend.name) ?? []).map((device) => ({
            ...device,
            status: 'offline' as const,
            problem: scanError.code,
          }));
        }
      }),
    );
    return { devices: lists.flat(), problems };
  }

  scan(deviceId: string, options: ScanOptions): AsyncIterable<ScannedPage> {
    const backend = this.#backends.find((b) => deviceId.startsWith(`${b.name}:`));
    if (!backend) return failed(new ScanError('DEVICE_NOT_FOUND', `no backend for ${deviceId}`));
    return backend.scan(deviceId, options);
  }
}

/** A scan that fails on its first step, so callers handle every error in one place: the iteration. */
// eslint-disable-next-line require-yield
async function* failed(error: ScanError): AsyncGenerator<ScannedPage, void, undefined> {
  await Promise.resolve();
  throw error;
}
