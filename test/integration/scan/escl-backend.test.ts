import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EsclBackend } from '../../../scanners/escl/escl-backend';
import { collectScan } from '../../../scanners/scanner';
import { startEsclServer, type EsclServer } from '../../fixtures/escl/escl-server';

const work = mkdtempSync(join(tmpdir(), 'kiosk-escl-'));
const servers: EsclServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(work, { recursive: true, force: true });
});

async function server(options: Parameters<typeof startEsclServer>[0]): Promise<EsclServer> {
  const s = await startEsclServer(options);
  servers.push(s);
  return s;
}

describe('eSCL against the local eSCL server', () => {
  it('lists a live scanner with its capabilities and an unreachable one as offline, without waiting on it', async () => {
    const live = await server({});
    const backend = new EsclBackend({
      urls: [live.url, 'http://127.0.0.1:9/eSCL'],
      probeTimeoutMs: 2000,
    });
    const started = Date.now();
    const [ok, dead] = await backend.listDevices();
    expect(Date.now() - started).toBeLessThan(2500);
    expect(ok).toMatchObject({ status: 'ready', name: 'Kiosk Test eSCL Scanner' });
    expect(ok?.capabilities.sources).toEqual(['flatbed', 'adf', 'adf-duplex']);
    expect(dead).toMatchObject({ status: 'offline', capabilities: {} });
  });

  it('scans 5 feeder pages end to end: ScanJobs, Location, NextDocument until 404', async () => {
    const s = await server({ sheets: 5, pageMs: 100 });
    const backend = new EsclBackend({ urls: [s.url], pollMs: 30 });
    const batch = await collectScan(
      backend.scan(`escl:${s.url}`, {
        outDir: join(work, 'five'),
        source: 'adf',
        mode: 'gray',
        resolution: 150,
      }),
    );
    expect(batch.error).toBeUndefined();
    expect(batch.pages).toHaveLength(5);
    for (const page of batch.pages) {
      expect(page).toMatchObject({
        format: 'jpeg',
        dpi: 150,
        width: 1240,
        height: 1754,
        mode: 'gray',
      });
      expect(statSync(page.path).size).toBeGreaterThan(1000);
    }
    expect(s.requests).toContain('POST /eSCL/ScanJobs');
    expect(s.requests.filter((r) => r.endsWith('/NextDocument')).length).toBeGreaterThan(6);
  });

  it('a jam on the third sheet is PAPER_JAM with the two pages kept', async () => {
    const s = await server({ sheets: 5, jamAt: 2 });
    const backend = new EsclBackend({ urls: [s.url], pollMs: 20 });
    const batch = await collectScan(
      backend.scan(`escl:${s.url}`, { outDir: join(work, 'jam'), source: 'adf', resolution: 150 }),
    );
    expect(batch.error?.code).toBe('PAPER_JAM');
    expect(batch.pages).toHaveLength(2);
  });

  it('an empty feeder is FEEDER_EMPTY', async () => {
    const s = await server({ sheets: 0 });
    const backend = new EsclBackend({ urls: [s.url] });
    const batch = await collectScan(
      backend.scan(`escl:${s.url}`, { outDir: join(work, 'empty'), source: 'adf' }),
    );
    expect(batch.error?.code).toBe('FEEDER_EMPTY');
  });

  it('cancel deletes the job and keeps the pages already done', async () => {
    const s = await server({ sheets: 5, pageMs: 300 });
    const backend = new EsclBackend({ urls: [s.url], pollMs: 20 });
    const controller = new AbortController();
    const batch = await collectScan(
      backend.scan(`escl:${s.url}`, {
        outDir: join(work, 'cancel'),
        source: 'adf',
        resolution: 150,
        signal: controller.signal,
      }),
      (page) => {
        if (page.index === 1) controller.abort();
      },
    );
    expect(batch.error?.code).toBe('CANCELLED');
    expect(batch.pages).toHaveLength(2);
    expect(s.requests.some((r) => r.startsWith('DELETE /eSCL/ScanJobs/'))).toBe(true);
  });

  it('a scanner that disappears mid-batch is DEVICE_GONE with the pages already scanned kept', async () => {
    const s = await server({ sheets: 5, pageMs: 200 });
    const backend = new EsclBackend({ urls: [s.url], pollMs: 20 });
    const batch = await collectScan(
      backend.scan(`escl:${s.url}`, { outDir: join(work, 'gone'), source: 'adf', resolution: 150 }),
      (page) => {
        if (page.index === 1) void s.kill();
      },
    );
    expect(batch.error?.code).toBe('DEVICE_GONE');
    expect(batch.pages).toHaveLength(2);
  });
});
