import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
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
import { parseWiaLine, type WiaLine } from './wia-protocol';

export interface WiaBackendOptions {
  /** powershell.exe by default (Windows PowerShell 5.1 ships with every Windows 10/11). */
  readonly powershell?: string;
  /** The bridge script; the packaged app passes its unpacked resources path. */
  readonly script?: string;
  readonly listTimeoutMs?: number;
}

const prefix = 'wia:';
/**
 * The bridge script beside the bundle at `path`. In the packaged app the
 * bundle sits inside app.asar, which PowerShell cannot read, so the script is
 * unpacked next to it (build/electron-builder.mjs) and read from there.
 */
export function scriptOutsideAsar(path: string): string {
  return path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

const defaultScript = scriptOutsideAsar(
  fileURLToPath(new URL('./wia-bridge.ps1', import.meta.url)),
);

/**
 * WIA on Windows through wia-bridge.ps1 (WIA Automation Layer COM), one JSON
 * line per event. Type-checked and its protocol unit-tested here; not yet run
 * on Windows.
 */
export class WiaBackend implements ScannerBackend {
  readonly name = 'wia' as const;
  readonly #powershell: string;
  readonly #script: string;
  readonly #listTimeoutMs: number;

  constructor(options: WiaBackendOptions = {}) {
    this.#powershell = options.powershell ?? 'powershell.exe';
    this.#script = options.script ?? defaultScript;
    this.#listTimeoutMs = options.listTimeoutMs ?? 20_000;
  }

  #args(action: 'list' | 'scan', extra: readonly string[] = []): string[] {
    return [
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-File',
      this.#script,
      '-Action',
      action,
      ...extra,
    ];
  }

  async listDevices(
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<readonly ScannerDevice[]> {
    const result = await runProcess(this.#powershell, this.#args('list'), {
      timeoutMs: this.#listTimeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (result.missing) throw new ScanError('BACKEND_MISSING', `${this.#powershell} not found`);
    if (result.timedOut)
      throw new ScanError(
        'DEVICE_OFFLINE',
        `WIA listing timed out after ${this.#listTimeoutMs} ms`,
      );
    return result.stdout.split('\n').flatMap((line) => {
      const parsed = parseWiaLine(line);
      return parsed?.event === 'device' ? [deviceFrom(parsed)] : [];
    });
  }

  async *scan(
    deviceId: string,
    options: ScanOptions,
  ): AsyncGenerator<ScannedPage, void, undefined> {
    if (!deviceId.startsWith(prefix))
      throw new ScanError('DEVICE_NOT_FOUND', `${deviceId} is not a WIA device`);
    if (options.signal?.aborted === true)
      throw new ScanError('CANCELLED', 'cancelled before start');
    await mkdir(options.outDir, { recursive: true });
    const args = this.#args('scan', [
      '-DeviceId',
      deviceId.slice(prefix.length),
      '-Source',
      options.source ?? 'flatbed',
      '-Dpi',
      String(options.resolution ?? 300),
      '-Mode',
      options.mode ?? 'gray',
      '-OutDir',
      options.outDir,
      '-MaxPages',
      String(options.maxPages ?? 0),
    ]);
    const child = spawn(this.#powershell, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const state: { missing: boolean; cancelled: boolean } = { missing: false, cancelled: false };
    child.on('error', () => {
      state.missing = true;
    });
    const onAbort = (): void => {
      state.cancelled = true;
      child.kill();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const pages: ScannedPage[] = [];
    const progress = (p: ScanProgress): void => options.onProgress?.(p);
    let failure: Extract<WiaLine, { event: 'error' }> | undefined;
    progress({ phase: 'starting', pagesDone: 0 });
    try {
      for await (const line of createInterface({ input: child.stdout })) {
        const event = parseWiaLine(line);
        if (event?.event === 'error') failure = event;
        if (event?.event !== 'page' || state.cancelled) continue;
        const page = await readPageInfo(event.path, pages.length, options);
        pages.push(page);
        progress({ phase: 'page-done', pagesDone: pages.length });
        yield page;
      }
      const exitCode = await closed;
      if (state.cancelled) throw new ScanError('CANCELLED', 'cancelled by the operator', pages);
      if (state.missing)
        throw new ScanError('BACKEND_MISSING', `${this.#powershell} could not be started`);
      if (failure) throw new ScanError(failure.code, `${failure.hresult} ${failure.detail}`, pages);
      if (exitCode !== 0)
        throw new ScanError(
          'DEVICE_GONE',
          `WIA bridge exited with ${exitCode ?? 'a signal'}`,
          pages,
        );
      progress({ phase: 'finished', pagesDone: pages.length });
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      if (child.exitCode === null && child.signalCode === null) child.kill();
    }
  }
}

function deviceFrom(line: Extract<WiaLine, { event: 'device' }>): ScannerDevice {
  const ready = line.status !== 'offline';
  return {
    id: prefix + line.id,
    backend: 'wia',
    name: line.name === '' ? line.id : line.name,
    ...(line.vendor === '' ? {} : { vendor: line.vendor }),
    status: ready ? 'ready' : 'offline',
    ...(ready ? {} : { problem: 'DEVICE_OFFLINE' as const }),
    capabilities: {
      ...(line.sources.length > 0
        ? { sources: line.sources, duplex: line.sources.includes('adf-duplex') }
        : {}),
      ...(line.dpi ? { resolutions: { min: line.dpi[0], max: line.dpi[1], step: 1 } } : {}),
      ...(line.bedMm ? { maxArea: { widthMm: line.bedMm[0], heightMm: line.bedMm[1] } } : {}),
    },
  };
}
