/**
 * The training portal (issue 11, finding 6) attacked as a local process and a
 * web page would: its data and control routes refuse anyone without the
 * portal's credentials or this launch's secret, cross-origin and rebinding
 * requests are refused, its folder is owner-only, and it keeps data no longer
 * than the retention it is given. The simulator is a real child process.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalSim } from '../../electron/portal-sim/portal-sim-server';
import { SIM_CONTROL_HEADER } from '../../electron/portal-sim/sim-guard';
import { portalDossier } from '../fixtures/portal/portal-dossier';
import { simFetch, startSim, type SimProcess } from '../integration/sync/peers';

const AGENCY = '000.00.00.H00';
const CODE = `${AGENCY}-261205-0001`;

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** A raw HTTP request, so Host, Origin and Sec-Fetch-Site can be forged as a browser or rebinding page would send them. */
function raw(
  url: string,
  method: string,
  headers: Record<string, string>,
  body = '',
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function json(url: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

let dir = '';
let sim: SimProcess;
let session = '';
let fileUrl = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-sim-attacks-'));
  // An existing folder IT made world-readable: the simulator must close it.
  mkdirSync(join(dir, 'portal-sim'), { mode: 0o755 });
  chmodSync(join(dir, 'portal-sim'), 0o755);
  sim = await startSim(['--port', '0', '--data', join(dir, 'portal-sim')]);
  session = String(
    (await json(`${sim.url}/api/auth`, { username: 'kiosk', password: 'kiosk-training' })).session,
  );
  const form = new FormData();
  const bytes = new TextEncoder().encode('%PDF-1.7 giấy khai sinh của công dân');
  const { createHash } = await import('node:crypto');
  form.set('sha256', createHash('sha256').update(bytes).digest('hex'));
  form.set('file', new Blob([bytes], { type: 'application/pdf' }), 'khai-sinh.pdf');
  const up = await fetch(`${sim.url}/api/files`, {
    method: 'POST',
    headers: { 'x-session': session },
    body: form,
  });
  fileUrl = ((await up.json()) as { url: string }).url;
  const created = await json(`${sim.url}/api/integration`, {
    session,
    madonvi: AGENCY,
    service: 'DongBoHoSoMC',
    isUpdating: 'False',
    data: [portalDossier(CODE)],
  });
  expect(created.error_code).toBe(0);
});
afterAll(async () => {
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('training portal: data and control routes', () => {
  it('refuses the dossier list and status changes without this launch secret', async () => {
    for (const headers of [{}, { [SIM_CONTROL_HEADER]: 'x'.repeat(43) }]) {
      expect((await fetch(`${sim.url}/__sim/dossiers`, { headers })).status).toBe(403);
      expect((await fetch(`${sim.url}/__sim/stats`, { headers })).status).toBe(403);
      expect((await fetch(`${sim.url}/__sim/history?mahoso=${CODE}`, { headers })).status).toBe(
        403,
      );
      const post = await fetch(`${sim.url}/__sim/status?mahoso=${CODE}&status=9`, {
        method: 'POST',
        headers,
      });
      expect(post.status).toBe(403);
    }
    const held = (await (await simFetch(`${sim.url}/__sim/dossiers`)).json()) as {
      dossiers: { MaHoSo: string; TrangThaiHoSo: string; SoDienThoai: string }[];
    };
    expect(held.dossiers).toEqual([
      expect.objectContaining({ MaHoSo: CODE, TrangThaiHoSo: '2', SoDienThoai: '0912345678' }),
    ]);
  });

  it('serves an attachment only with a portal session', async () => {
    expect((await fetch(fileUrl)).status).toBe(401);
    expect((await fetch(fileUrl, { headers: { 'x-session': 'doan-bua' } })).status).toBe(401);
    const ok = await fetch(fileUrl, { headers: { 'x-session': session } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('giấy khai sinh');
  });

  it('refuses cross-origin and DNS-rebinding requests even with valid credentials', async () => {
    const port = new URL(sim.url).port;
    const secret = { [SIM_CONTROL_HEADER]: sim.controlSecret };
    const attempts: Answer[] = [
      await raw(`${sim.url}/__sim/status?mahoso=${CODE}&status=9`, 'POST', {
        ...secret,
        origin: 'http://trang-doc-hai.example',
      }),
      await raw(`${sim.url}/__sim/status?mahoso=${CODE}&status=9`, 'POST', {
        ...secret,
        'sec-fetch-site': 'cross-site',
      }),
      await raw(`${sim.url}/__sim/dossiers`, 'GET', {
        ...secret,
        host: `rebind.example:${port}`,
      }),
      await raw(fileUrl, 'GET', { 'x-session': session, origin: 'null' }),
      await raw(
        `${sim.url}/api/auth`,
        'POST',
        { 'content-type': 'text/plain', origin: 'http://trang-doc-hai.example' },
        JSON.stringify({ username: 'kiosk', password: 'kiosk-training' }),
      ),
    ];
    expect(attempts.map((a) => a.status)).toEqual([403, 403, 421, 403, 403]);
    expect(attempts.some((a) => a.body.includes('session'))).toBe(false);
    const held = (await (await simFetch(`${sim.url}/__sim/dossiers`)).json()) as {
      dossiers: { TrangThaiHoSo: string }[];
    };
    expect(held.dossiers[0]?.TrangThaiHoSo).toBe('2');
  });

  it('keeps the secret off its command line and its output, and its folder owner-only', () => {
    const pid = sim.child.pid ?? 0;
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).not.toContain(sim.controlSecret);
    const folder = join(dir, 'portal-sim');
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    for (const f of ['portal-sim.sqlite', 'portal-sim.sqlite-wal']) {
      if (existsSync(join(folder, f))) expect(statSync(join(folder, f)).mode & 0o077).toBe(0);
    }
  });
});

describe('training portal: retention', () => {
  it('deletes dossiers and unlinked files older than the retention it was started with', async () => {
    const data = join(dir, 'retention');
    const first = await startPortalSim({ port: 0, faults: 0, dataDir: data, seed: 1 });
    const auth = await json(`${first.url}/api/auth`, {
      username: 'kiosk',
      password: 'kiosk-training',
    });
    await json(`${first.url}/api/integration`, {
      session: auth.session,
      madonvi: AGENCY,
      service: 'DongBoHoSoMC',
      isUpdating: 'False',
      data: [portalDossier(CODE)],
    });
    expect(first.stats().dossiers).toBe(1);
    await first.close();
    await new Promise((r) => setTimeout(r, 20));
    const kept = await startPortalSim({
      port: 0,
      faults: 0,
      dataDir: data,
      seed: 1,
      retentionMs: 3600_000,
    });
    expect(kept.stats().dossiers).toBe(1);
    await kept.close();
    const purged = await startPortalSim({
      port: 0,
      faults: 0,
      dataDir: data,
      seed: 1,
      retentionMs: 10,
    });
    expect(purged.stats().dossiers).toBe(0);
    await purged.close();
  });
});
