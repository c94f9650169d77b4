import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { readPageInfo } from '../page-info';
import { runProcess } from '../run-process';
import {
  ScanError,
  type ScannedPage,
  type ScannerBackend,
  type ScannerDevice,
  type ScanOptions,
  type ScanProgress,
} from '../scanner';
import { buildScanArgs } from './sane-args';
import { parseSaneDeviceList, type SaneListedDevice } from './sane-device-list';
import { classifySaneExit } from './sane-errors';
import { parseSaneOptions, saneDeviceOptions, type SaneDeviceOptions } from './sane-options';

export interface SaneBackendOptions {
  /** Path of scanimage; `scanimage` from PATH by default. */
  readonly command?: string;
  /** Environment for scanimage, e.g. SANE_CONFIG_DIR for a private dll.conf. */
  readonly env?: NodeJS.ProcessEnv;
  /** Devices to probe even when `-L` misses them (configured or seen before). */
  readonly knownDevices?: readonly string[];
  /** Bound on `scanimage -L`; a hung network backend otherwise blocks discovery. */
  readonly listTimeoutMs?: number;
  /** Bound on each device's `-A` probe. */
  readonly probeTimeoutMs?: number;
  /** No page and no progress for this long means the device is gone. */
  readonly pageTimeoutMs?: number;
  /** Device-specific options appended to every scan (from configuration), as an argument array. */
  readonly extraArgs?: readonly string[];
  /** Told the PID of each scanimage started, for the log and supervision. */
  readonly onProcess?: (pid: number) => void;
}

const prefix = 'sane:';

/** SANE through the `scanimage` command line, batch mode, pages streamed as each file completes. */
export class SaneBackend implements ScannerBackend {
  readonly name = 'sane' as const;
  readonly #command: string;
  readonly #env: NodeJS.ProcessEnv;
  readonly #listTimeoutMs: number;
  readonly #probeTimeoutMs: number;
  readonly #pageTimeoutMs: number;
  readonly #onProcess: ((pid: number) => void) | undefined;
  readonly #extraArgs: readonly string[];
  /** Every device seen or configured, so one missing from a slow `-L` is still shown (as offline). */
  readonly #known = new Map<string, SaneListedDevice>();
  readonly #probed = new Map<string, SaneDeviceOptions>();

  constructor(options: SaneBackendOptions = {}) {
    this.#command = options.command ?? 'scanimage';
    this.#env = options.env ?? process.env;
    this.#listTimeoutMs = options.listTimeoutMs ?? 15_000;
    this.#probeTimeoutMs = options.probeTimeoutMs ?? 10_000;
    this.#pageTimeoutMs = options.pageTimeoutMs ?? 120_000;
    this.#onProcess = options.onProcess;
    this.#extraArgs = options.extraArgs ?? [];
    for (const name of options.knownDevices ?? [])
      this.#known.set(name, { name, vendor: '', description: '' });
  }

  async listDevices(
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<readonly ScannerDevice[]> {
    const listed = await runProcess(this.#command, ['-L'], {
      timeoutMs: this.#listTimeoutMs,
      env: this.#env,
      ...signalOf(options),
    });
    if (listed.missing) throw new ScanError('BACKEND_MISSING', `${this.#command} not found`);
    // A silent network scanner host makes `-L` hang; the devices already known are still probed one by one.
    if (listed.timedOut && this.#known.size === 0) {
      throw new ScanError(
        'DEVICE_OFFLINE',
        `scanimage -L did not answer within ${this.#listTimeoutMs} ms`,
      );
    }
    for (const device of parseSaneDeviceList(listed.stdout)) this.#known.set(device.name, device);
    return Promise.all(
      [...this.#known.values()].map((device) => this.#describe(device, options.signal)),
    );
  }

  async #describe(
    device: SaneListedDevice,
    signal: AbortSignal | undefined,
  ): Promise<ScannerDevice> {
    const base = {
      id: prefix + device.name,
      backend: 'sane' as const,
      name: device.vendor === '' ? device.name : `${device.vendor} ${device.description}`,
      ...(device.vendor === '' ? {} : { vendor: device.vendor, model: device.description }),
    };
    try {
      const probed = await this.#probe(device.name, signal);
      return { ...base, status: 'ready', capabilities: probed.capabilities };
    } catch (error) {
      const code = error instanceof ScanError ? error.code : 'DEVICE_OFFLINE';
      return {
        ...base,
        status: code === 'DEVICE_BUSY' ? 'busy' : 'offline',
        capabilities: {},
        problem: code,
      };
    }
  }

  async #probe(name: string, signal: AbortSignal | undefined): Promise<SaneDeviceOptions> {
    const result = await runProcess(this.#command, ['--device-name', name, '--all-options'], {
      timeoutMs: this.#probeTimeoutMs,
      env: this.#env,
      ...(signal ? { signal } : {}),
    });
    if (result.missing) throw new ScanError('BACKEND_MISSING', `${this.#command} not found`);
    if (signal?.aborted === true) throw new ScanError('CANCELLED', `probe of ${name} cancelled`);
    if (result.timedOut)
      throw new ScanError(
        'DEVICE_OFFLINE',
        `probe of ${name} timed out after ${this.#probeTimeoutMs} ms`,
      );
    const failure = classifySaneExit(result.stderr, result.exitCode, 0);
    if (failure)
      throw new ScanError(
        failure.code === 'SCAN_FAILED' ? 'DEVICE_OFFLINE' : failure.code,
        failure.detail,
      );
    const probed = saneDeviceOptions(parseSaneOptions(result.stdout));
    this.#probed.set(name, probed);
    return probed;
  }

  async *scan(
    deviceId: string,
    options: ScanOptions,
  ): AsyncGenerator<ScannedPage, void, undefined> {
    if (!deviceId.startsWith(prefix))
      throw new ScanError('DEVICE_NOT_FOUND', `${deviceId} is not a SANE device`);
    const name = deviceId.slice(prefix.length);
    if (options.signal?.aborted) throw new ScanError('CANCELLED', 'cancelled before start');
    const device = this.#probed.get(name) ?? (await this.#probe(name, options.signal));
    if (options.signal?.aborted === true)
      throw new ScanError('CANCELLED', 'cancelled before start');
    const args = buildScanArgs(name, device, options, options.outDir);
    await mkdir(options.outDir, { recursive: true });
    yield* this.#run([...args, ...this.#extraArgs], options);
  }

  async *#run(
    args: readonly string[],
    options: ScanOptions,
  ): AsyncGenerator<ScannedPage, void, undefined> {
    const child = spawn(this.#command, args, { env: this.#env, stdio: ['ignore', 'pipe', 'pipe'] });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const launch = { failed: false };
    child.on('error', () => {
      launch.failed = true;
    });
    if (child.pid !== undefined) this.#onProcess?.(child.pid);
    const pages: ScannedPage[] = [];
    const progress = (p: ScanProgress): void => options.onProgress?.(p);
    const total = options.maxPages === undefined ? {} : { pagesTotal: options.maxPages };
    // Set from timers and the abort listener, so it is read through an object.
    const state: { stopReason?: 'cancelled' | 'stalled' } = {};
    const stop = (reason: 'cancelled' | 'stalled'): void => {
      state.stopReason ??= reason;
      child.kill('SIGTERM');
      setTimeout(() => {
        child.kill('SIGKILL');
      }, 2000).unref();
    };
    let stall = setTimeout(() => {
      stop('stalled');
    }, this.#pageTimeoutMs);
    const alive = (): void => {
      clearTimeout(stall);
      stall = setTimeout(() => {
        stop('stalled');
      }, this.#pageTimeoutMs);
    };
    const onAbort = (): void => {
      stop('cancelled');
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      alive();
      if (/^Scanning page \d+/m.test(chunk))
        progress({ phase: 'scanning', pagesDone: pages.length, ...total });
    });
    progress({ phase: 'starting', pagesDone: 0, ...total });
    try {
      for await (const line of createInterface({ input: child.stdout })) {
        const path = line.trim();
        if (path === '') continue;
        // After a cancel, pages scanimage finished meanwhile stay on disk but are not handed out.
        if (options.signal?.aborted === true) break;
        alive();
        const page = await readPageInfo(path, pages.length, options);
        pages.push(page);
        progress({ phase: 'page-done', pagesDone: pages.length, ...total });
        yield page;
      }
      const exitCode = await closed;
      if (state.stopReason === 'cancelled')
        throw new ScanError('CANCELLED', 'cancelled by the operator', pages);
      if (state.stopReason === 'stalled')
        throw new ScanError('DEVICE_GONE', `no data for ${this.#pageTimeoutMs} ms`, pages);
      if (launch.failed)
        throw new ScanError('BACKEND_MISSING', `${this.#command} could not be started`);
      const failure = classifySaneExit(stderr, exitCode, pages.length);
      if (failure) throw new ScanError(failure.code, failure.detail, pages);
      progress({ phase: 'finished', pagesDone: pages.length, ...total });
    } finally {
      clearTimeout(stall);
      options.signal?.removeEventListener('abort', onAbort);
      if (child.exitCode === null && child.signalCode === null) stop('cancelled');
    }
  }
}

function signalOf(options: { readonly signal?: AbortSignal }): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}
