import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SaneBackend } from '../../../scanners/sane/sane-backend';
import { collectScan, type ScanProgress } from '../../../scanners/scanner';
import { createSaneTestEnv, type SaneTestEnv } from './sane-test-env';

let sane: SaneTestEnv;
let work: string;
beforeAll(() => {
  sane = createSaneTestEnv();
  work = mkdtempSync(join(tmpdir(), 'kiosk-scan-'));
});
afterAll(() => {
  sane.dispose();
  rmSync(work, { recursive: true, force: true });
});

/** A slow feeder: scanimage's test device waits this long after each buffer it sends. */
const slow = ['--read-delay=yes', '--read-delay-duration', '20000'];
const adf300 = {
  source: 'adf',
  mode: 'gray',
  resolution: 300,
  area: { widthMm: 200, heightMm: 200 },
} as const;

describe('SANE test backend through scanimage', () => {
  it('lists test:0 and test:1 with capabilities, and a known device that is gone as offline without stopping the others', async () => {
    const backend = new SaneBackend({ env: sane.env, knownDevices: ['test:7'] });
    const devices = await backend.listDevices();
    const byId = new Map(devices.map((d) => [d.id, d]));
    expect(byId.get('sane:test:0')?.status).toBe('ready');
    expect(byId.get('sane:test:1')?.capabilities.sources).toEqual(['flatbed', 'adf']);
    expect(byId.get('sane:test:7')).toMatchObject({
      status: 'offline',
      problem: 'DEVICE_NOT_FOUND',
    });
  });

  it('a missing scanimage is a typed BACKEND_MISSING error', async () => {
    const backend = new SaneBackend({ env: sane.env, command: '/nonexistent/scanimage' });
    await expect(backend.listDevices()).rejects.toMatchObject({ code: 'BACKEND_MISSING' });
  });

  it('scans 5 pages through the ADF, each page streamed before the batch ends', async () => {
    const backend = new SaneBackend({
      env: sane.env,
      extraArgs: ['--test-picture', 'Grid', '--read-delay=yes', '--read-delay-duration', '2000'],
    });
    const outDir = join(work, 'adf5');
    const progress: ScanProgress[] = [];
    const seenAt: number[] = [];
    const batch = await collectScan(
      backend.scan('sane:test:0', {
        ...adf300,
        outDir,
        maxPages: 5,
        onProgress: (p) => progress.push(p),
      }),
      () => seenAt.push(Date.now()),
    );
    const finishedAt = Date.now();
    expect(batch.error).toBeUndefined();
    expect(batch.pages.map((p) => p.index)).toEqual([0, 1, 2, 3, 4]);
    for (const page of batch.pages) {
      expect(page).toMatchObject({
        width: 2362,
        height: 2362,
        dpi: 300,
        mode: 'gray',
        format: 'tiff',
      });
      expect(statSync(page.path).size).toBeGreaterThan(2362 * 2362);
    }
    expect(seenAt[0]!).toBeLessThan(finishedAt - 50);
    expect(progress.at(-1)).toEqual({ phase: 'finished', pagesDone: 5, pagesTotal: 5 });
    expect(progress.filter((p) => p.phase === 'page-done')).toHaveLength(5);
  });

  it('a paper jam is a typed PAPER_JAM error', async () => {
    const backend = new SaneBackend({
      env: sane.env,
      extraArgs: ['--read-return-value', 'SANE_STATUS_JAMMED'],
    });
    const batch = await collectScan(
      backend.scan('sane:test:0', { source: 'adf', outDir: join(work, 'jam') }),
    );
    expect(batch.error?.code).toBe('PAPER_JAM');
    expect(batch.error?.text('vi')).toContain('Kẹt giấy');
  });

  it('an empty feeder is a typed FEEDER_EMPTY error', async () => {
    const backend = new SaneBackend({
      env: sane.env,
      extraArgs: ['--read-return-value', 'SANE_STATUS_NO_DOCS'],
    });
    const batch = await collectScan(
      backend.scan('sane:test:0', { source: 'adf', outDir: join(work, 'empty') }),
    );
    expect(batch.error?.code).toBe('FEEDER_EMPTY');
    expect(batch.pages).toHaveLength(0);
  });

  it('the feeder running out after its 10 sheets ends the batch normally', async () => {
    const backend = new SaneBackend({ env: sane.env });
    const batch = await collectScan(
      backend.scan('sane:test:1', { source: 'adf', resolution: 50, outDir: join(work, 'ten') }),
    );
    expect(batch.error).toBeUndefined();
    expect(batch.pages).toHaveLength(10);
  });

  it('cancel in the middle keeps the pages already done', async () => {
    const backend = new SaneBackend({ env: sane.env, extraArgs: slow });
    const controller = new AbortController();
    const batch = await collectScan(
      backend.scan('sane:test:0', {
        ...adf300,
        outDir: join(work, 'cancel'),
        maxPages: 5,
        signal: controller.signal,
      }),
      (page) => {
        if (page.index === 1) controller.abort();
      },
    );
    expect(batch.error?.code).toBe('CANCELLED');
    expect(batch.pages.length).toBeGreaterThanOrEqual(2);
    expect(batch.pages.length).toBeLessThan(5);
    for (const page of batch.pages) expect(statSync(page.path).isFile()).toBe(true);
  });

  it('a device that disappears mid-batch is DEVICE_GONE and keeps the pages already scanned', async () => {
    let pid = 0;
    const backend = new SaneBackend({
      env: sane.env,
      extraArgs: slow,
      onProcess: (p) => (pid = p),
    });
    const batch = await collectScan(
      backend.scan('sane:test:0', { ...adf300, outDir: join(work, 'gone'), maxPages: 5 }),
      (page) => {
        if (page.index === 1) process.kill(pid, 'SIGKILL');
      },
    );
    expect(batch.error?.code).toBe('DEVICE_GONE');
    expect(batch.pages.length).toBeGreaterThanOrEqual(2);
    expect(batch.error?.pages).toHaveLength(batch.pages.length);
  });
});
