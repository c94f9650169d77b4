import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanEvents, scanMethods } from '../../../electron/api/contract/scan';
import { KioskError } from '../../../electron/api/errors';
import { createScanHandlers } from '../../../electron/services/scan/scan-handlers';
import {
  ScanService,
  type ScannedComponentFile,
  type ScanPageEvent,
  type ScanProgressEvent,
} from '../../../electron/services/scan/scan-service';
import { SaneBackend } from '../../../scanners/sane/sane-backend';
import { ScannerRegistry } from '../../../scanners/scanner-registry';
import { createSaneTestEnv, type SaneTestEnv } from './sane-test-env';

let sane: SaneTestEnv;
let work: string;
beforeAll(() => {
  sane = createSaneTestEnv();
  work = mkdtempSync(join(tmpdir(), 'kiosk-scan-service-'));
});
afterAll(() => {
  sane.dispose();
  rmSync(work, { recursive: true, force: true });
});

function setup(extraArgs: readonly string[]): {
  handlers: ReturnType<typeof createScanHandlers>;
  pages: ScanPageEvent[];
  progress: ScanProgressEvent[];
  components: ScannedComponentFile[];
  cleaned: string[];
} {
  const pages: ScanPageEvent[] = [];
  const progress: ScanProgressEvent[] = [];
  const components: ScannedComponentFile[] = [];
  const cleaned: string[] = [];
  const service = new ScanService({
    registry: new ScannerRegistry([new SaneBackend({ env: sane.env, extraArgs })]),
    workDir: work,
    events: {
      page: (p) => pages.push(scanEvents['scan.page'].parse(p)),
      progress: (p) => progress.push(scanEvents['scan.progress'].parse(p)),
    },
    onComponent: (c) => components.push(c),
    onPage: (_jobId, page) => {
      if (page.image) cleaned.push(page.image.path);
    },
  });
  return { handlers: createScanHandlers(service), pages, progress, components, cleaned };
}

const local = { transport: 'local' } as const;

describe('scan.* API handlers on the SANE test backend', () => {
  it('scan.devices answers within the contract', async () => {
    const { handlers } = setup([]);
    const result = scanMethods['scan.devices'].result.parse(
      await handlers['scan.devices']({ refresh: true }, local),
    );
    expect(result.devices.map((d) => d.id)).toEqual(['sane:test:0', 'sane:test:1']);
  });

  it('scan.start streams page and progress events and resolves with the kept pages, building no PDF yet', async () => {
    const { handlers, pages, progress, components, cleaned } = setup(['--test-picture', 'Grid']);
    const params = scanMethods['scan.start'].params.parse({
      device: 'sane:test:0',
      source: 'adf',
      resolution: 150,
      mode: 'gray',
      maxPages: 3,
      component: 'Bản sao giấy tờ',
    });
    const result = scanMethods['scan.start'].result.parse(
      await handlers['scan.start'](params, local),
    );
    expect(result.pages).toHaveLength(3);
    expect(result.pdf?.pageCount).toBe(3);
    expect(result.stopped).toBeNull();
    expect(pages).toHaveLength(3);
    expect(pages[0]?.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    expect(progress.at(-1)).toMatchObject({ phase: 'finished', pagesDone: 3 });
    expect(components[0]?.pageCount).toBe(3);
    expect(result.pdf?.sha256).toBeUndefined();
    expect(cleaned).toHaveLength(3);
    for (const path of cleaned) expect(existsSync(path)).toBe(true);
  });

  it('scan.cancel mid-batch resolves scan.start with the pages done and stopped = CANCELLED', async () => {
    const { handlers } = setup([
      '--test-picture',
      'Grid',
      '--read-delay=yes',
      '--read-delay-duration',
      '20000',
    ]);
    const running = handlers['scan.start'](
      { device: 'sane:test:0', source: 'adf', resolution: 300, maxPages: 5 },
      local,
    );
    const deadline = Date.now() + 60_000;
    let cancelled = false;
    while (!cancelled && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      if (existsSync(join(work, 'scan-jobs'))) {
        // Cancel once the first page file exists.
        const { readdirSync } = await import('node:fs');
        const jobs = readdirSync(join(work, 'scan-jobs'));
        const last = jobs.sort().at(-1);
        if (last !== undefined && existsSync(join(work, 'scan-jobs', last, 'pages', 'p0002.tif'))) {
          cancelled = (await handlers['scan.cancel']({}, local)).cancelled;
        }
      }
    }
    const result = scanMethods['scan.start'].result.parse(await running);
    expect(cancelled).toBe(true);
    expect(result.stopped?.code).toBe('CANCELLED');
    expect(result.stopped?.vi).toContain('Đã hủy');
    expect(result.pages.length).toBeGreaterThanOrEqual(1);
    expect(result.pages.length).toBeLessThan(5);
  });

  it('an empty feeder before any page is a typed SCAN_FEEDER_EMPTY error', async () => {
    const { handlers } = setup(['--read-return-value', 'SANE_STATUS_NO_DOCS']);
    await expect(
      handlers['scan.start']({ device: 'sane:test:0', source: 'adf' }, local),
    ).rejects.toSatisfy((e) => e instanceof KioskError && e.code === 'SCAN_FEEDER_EMPTY');
  });

  it('a page the pipeline cannot analyse (the test device at its 50 dpi default) is SCAN_FAILED, not INTERNAL', async () => {
    const { handlers } = setup([]);
    await expect(
      handlers['scan.start']({ device: 'sane:test:0', mode: 'gray' }, local),
    ).rejects.toSatisfy((e) => e instanceof KioskError && e.code === 'SCAN_FAILED');
  });

  it('a second scan while one runs is SCAN_BUSY', async () => {
    const { handlers } = setup(['--read-delay=yes', '--read-delay-duration', '20000']);
    const first = handlers['scan.start'](
      { device: 'sane:test:0', source: 'adf', resolution: 300, maxPages: 2 },
      local,
    );
    await expect(handlers['scan.start']({ device: 'sane:test:1' }, local)).rejects.toSatisfy(
      (e) => e instanceof KioskError && e.code === 'SCAN_BUSY',
    );
    await handlers['scan.cancel']({}, local);
    await expect(first).rejects.toSatisfy((e) => e instanceof KioskError && e.code === 'CANCELLED');
  });
});

describe('scanner health probe', () => {
  it('is ok with the two SANE test devices ready, and fails with a fix when scanimage is missing', async () => {
    const { createScanHealthProbe } = await import('../../../electron/services/scan/scan-health');
    const events = { page: () => undefined, progress: () => undefined };
    const ok = createScanHealthProbe(
      new ScanService({
        registry: new ScannerRegistry([new SaneBackend({ env: sane.env })]),
        workDir: work,
        events,
      }),
    );
    expect(await ok.check()).toMatchObject({ id: 'scanners', status: 'ok' });
    const missing = createScanHealthProbe(
      new ScanService({
        registry: new ScannerRegistry([
          new SaneBackend({ env: sane.env, command: '/nonexistent/scanimage' }),
        ]),
        workDir: work,
        events,
      }),
    );
    const result = await missing.check();
    expect(result.status).toBe('fail');
    expect(result.fix?.vi).toContain('Chưa cài phần mềm điều khiển máy quét');
  });
});
