import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readPageInfo } from '../page-info';
import {
  ScanError,
  type ScannedPage,
  type ScannerBackend,
  type ScannerDevice,
  type ScanOptions,
  type ScanProgress,
} from '../scanner';
import {
  buildScanSettings,
  parseEsclCapabilities,
  parseEsclStatus,
  type EsclCapabilities,
} from './escl-xml';

export interface EsclBackendOptions {
  /** eSCL roots of configured scanners, e.g. `http://192.168.1.20/eSCL` (mDNS discovery is not done here). */
  readonly urls: readonly string[];
  /** Bound on each capability/status request; one offline scanner must not stall discovery. */
  readonly probeTimeoutMs?: number;
  /** Bound on waiting for the next page (the device answers 503 while it scans). */
  readonly pageTimeoutMs?: number;
  /** Pause between NextDocument polls while the device says 503. */
  readonly pollMs?: number;
}

const prefix = 'escl:';
const preferredFormats = ['image/jpeg', 'image/png'] as const;
const extensions: Readonly<Record<string, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png' };

/** Driverless network/USB scanners speaking eSCL (AirScan / Mopria): HTTP + XML. */
export class EsclBackend implements ScannerBackend {
  readonly name = 'escl' as const;
  readonly #urls: readonly string[];
  readonly #probeTimeoutMs: number;
  readonly #pageTimeoutMs: number;
  readonly #pollMs: number;
  readonly #capabilities = new Map<string, EsclCapabilities>();

  constructor(options: EsclBackendOptions) {
    this.#urls = options.urls.map((url) => url.replace(/\/+$/, ''));
    this.#probeTimeoutMs = options.probeTimeoutMs ?? 5000;
    this.#pageTimeoutMs = options.pageTimeoutMs ?? 120_000;
    this.#pollMs = options.pollMs ?? 300;
  }

  async listDevices(
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<readonly ScannerDevice[]> {
    return Promise.all(this.#urls.map((url) => this.#describe(url, options.signal)));
  }

  async #describe(url: string, signal: AbortSignal | undefined): Promise<ScannerDevice> {
    const base = { id: prefix + url, backend: 'escl' as const };
    try {
      const caps = await this.#probe(url, signal);
      const status = parseEsclStatus(await this.#text(`${url}/ScannerStatus`, signal));
      return {
        ...base,
        name: caps.makeAndModel ?? url,
        ...(caps.makeAndModel === undefined ? {} : { model: caps.makeAndModel }),
        status:
          status.State === 'Idle' ? 'ready' : status.State === 'Processing' ? 'busy' : 'offline',
        capabilities: caps.capabilities,
        ...(status.State === 'Idle'
          ? {}
          : { problem: status.State === 'Processing' ? 'DEVICE_BUSY' : 'DEVICE_OFFLINE' }),
      };
    } catch (error) {
      return {
        ...base,
        name: url,
        status: 'offline',
        capabilities: {},
        problem: error instanceof ScanError ? error.code : 'DEVICE_OFFLINE',
      };
    }
  }

  async #probe(url: string, signal: AbortSignal | undefined): Promise<EsclCapabilities> {
    const caps = parseEsclCapabilities(await this.#text(`${url}/ScannerCapabilities`, signal));
    this.#capabilities.set(url, caps);
    return caps;
  }

  async #text(url: string, signal: AbortSignal | undefined): Promise<string> {
    const response = await this.#fetch(url, { method: 'GET' }, this.#probeTimeoutMs, signal);
    if (!response.ok) throw new ScanError('DEVICE_OFFLINE', `GET ${url}: HTTP ${response.status}`);
    return response.text();
  }

  async #fetch(
    url: string,
    init: RequestInit,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      return await fetch(url, {
        ...init,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (signal?.aborted) throw new ScanError('CANCELLED', 'cancelled by the operator');
      const detail =
        error instanceof Error
          ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}`
          : String(error);
      throw new ScanError(
        timeout.aborted ? 'DEVICE_OFFLINE' : 'DEVICE_GONE',
        `${init.method ?? 'GET'} ${url}: ${detail}`,
      );
    }
  }

  async *scan(
    deviceId: string,
    options: ScanOptions,
  ): AsyncGenerator<ScannedPage, void, undefined> {
    if (!deviceId.startsWith(prefix))
      throw new ScanError('DEVICE_NOT_FOUND', `${deviceId} is not an eSCL device`);
    const url = deviceId.slice(prefix.length);
    if (options.signal?.aborted) throw new ScanError('CANCELLED', 'cancelled before start');
    const caps = this.#capabilities.get(url) ?? (await this.#probe(url, options.signal));
    const format =
      preferredFormats.find((f) => caps.formats.includes(f)) ??
      (caps.formats.length === 0 ? 'image/jpeg' : undefined);
    if (format === undefined)
      throw new ScanError('UNSUPPORTED_OPTION', `${url} offers only ${caps.formats.join(', ')}`);
    await mkdir(options.outDir, { recursive: true });
    const created = await this.#fetch(
      `${url}/ScanJobs`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body: buildScanSettings(options, format),
      },
      this.#probeTimeoutMs,
      options.signal,
    );
    if (created.status === 503) throw new ScanError('DEVICE_BUSY', `POST ScanJobs: HTTP 503`);
    if (created.status === 409) throw await this.#adfProblem(url, [], 'FEEDER_EMPTY');
    const location = created.headers.get('location');
    if (created.status !== 201 || location === null)
      throw new ScanError('SCAN_FAILED', `POST ScanJobs: HTTP ${created.status}`);
    yield* this.#pages(url, new URL(location, `${url}/`).href, format, options);
  }

  async *#pages(
    url: string,
    job: string,
    format: string,
    options: ScanOptions,
  ): AsyncGenerator<ScannedPage, void, undefined> {
    const pages: ScannedPage[] = [];
    const total = options.maxPages === undefined ? {} : { pagesTotal: options.maxPages };
    const progress = (p: ScanProgress): void => options.onProgress?.(p);
    const limit = (options.source ?? 'flatbed') === 'flatbed' ? 1 : (options.maxPages ?? Infinity);
    progress({ phase: 'starting', pagesDone: 0, ...total });
    try {
      while (pages.length < limit) {
        progress({ phase: 'scanning', pagesDone: pages.length, ...total });
        const body = await this.#nextDocument(job, options.signal);
        if (body === undefined) break;
        const path = join(
          options.outDir,
          `p${String(pages.length + 1).padStart(4, '0')}.${extensions[format] ?? 'jpg'}`,
        );
        await writeFile(path, body);
        const page = await readPageInfo(path, pages.length, options);
        pages.push(page);
        progress({ phase: 'page-done', pagesDone: pages.length, ...total });
        yield page;
      }
      // A 404 also ends a job that stopped on a jam or an empty feeder: the status says which.
      const problem = await this.#adfProblem(
        url,
        pages,
        pages.length === 0 && options.source !== 'flatbed' ? 'FEEDER_EMPTY' : undefined,
      );
      if (problem.code !== 'SCAN_FAILED') throw problem;
      if (pages.length === 0) throw new ScanError('SCAN_FAILED', 'the job ended without a page');
      progress({ phase: 'finished', pagesDone: pages.length, ...total });
    } catch (error) {
      if (error instanceof ScanError) {
        if (error.code === 'CANCELLED' || error.code === 'DEVICE_GONE') await this.#delete(job);
        throw error.withPages(pages);
      }
      throw error;
    }
  }

  /** The next page's bytes, or undefined when the job has no more (404). Polls through 503. */
  async #nextDocument(
    job: string,
    signal: AbortSignal | undefined,
  ): Promise<Uint8Array | undefined> {
    const deadline = Date.now() + this.#pageTimeoutMs;
    for (;;) {
      const response = await this.#fetch(
        `${job}/NextDocument`,
        { method: 'GET' },
        this.#pageTimeoutMs,
        signal,
      );
      if (response.status === 200) return new Uint8Array(await response.arrayBuffer());
      await response.arrayBuffer();
      if (response.status === 404) return undefined;
      if (response.status !== 503)
        throw new ScanError('SCAN_FAILED', `NextDocument: HTTP ${response.status}`);
      if (Date.now() > deadline)
        throw new ScanError('DEVICE_GONE', `no page for ${this.#pageTimeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, this.#pollMs));
      if (signal?.aborted) throw new ScanError('CANCELLED', 'cancelled by the operator');
    }
  }

  /** Reads ScannerStatus after a job ended: a jam or empty feeder becomes its typed error; SCAN_FAILED means none. */
  async #adfProblem(
    url: string,
    pages: readonly ScannedPage[],
    fallback: 'FEEDER_EMPTY' | undefined,
  ): Promise<ScanError> {
    let adf: string | undefined;
    try {
      adf = parseEsclStatus(await this.#text(`${url}/ScannerStatus`, undefined)).AdfState;
    } catch {
      adf = undefined;
    }
    if (adf === 'ScannerAdfJam') return new ScanError('PAPER_JAM', `AdfState ${adf}`, pages);
    if (adf === 'ScannerAdfDoorOpen' || adf === 'ScannerAdfHatchOpen')
      return new ScanError('COVER_OPEN', `AdfState ${adf}`, pages);
    if (fallback !== undefined)
      return new ScanError(fallback, `no page; AdfState ${adf ?? 'unknown'}`, pages);
    return new ScanError('SCAN_FAILED', 'no problem reported', pages);
  }

  async #delete(job: string): Promise<void> {
    try {
      await fetch(job, { method: 'DELETE', signal: AbortSignal.timeout(this.#probeTimeoutMs) });
    } catch {
      // Best effort: the device may be gone, and its own job timeout then cleans up.
    }
  }
}
