/**
 * The training portal's wire contract, spoken with plain fetch (not our
 * client) to the simulator running as its own process on 127.0.0.1.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simGet, startSim, type SimProcess } from './peers';
import { portalDossier } from '../../fixtures/portal/portal-dossier';

const AGENCY = '000.00.00.H00';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function upload(
  url: string,
  session: string,
  bytes: Uint8Array,
  sha256: string,
): Promise<Answer> {
  const form = new FormData();
  form.set('sha256', sha256);
  form.set('file', new Blob([bytes], { type: 'application/pdf' }), 'to-khai.pdf');
  const res = await fetch(`${url}/api/files`, {
    method: 'POST',
    headers: { 'x-session': session },
    body: form,
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('portal simulator process: the wire contract over HTTP', () => {
  let dir: string;
  let sim: SimProcess;
  let session: string;
  const integration = (body: Record<string, unknown>): Promise<Answer> =>
    post(`${sim.url}/api/integration`, { session, madonvi: AGENCY, ...body });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portal-sim-'));
    sim = await startSim(['--port', '0', '--data', dir]);
  });
  afterAll(async () => {
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only and refuses bad credentials with 401', async () => {
    expect(new URL(sim.url).hostname).toBe('127.0.0.1');
    const bad = await post(`${sim.url}/api/auth`, { username: 'kiosk', password: 'sai' });
    expect(bad.status).toBe(401);
    const good = await post(`${sim.url}/api/auth`, {
      username: 'kiosk',
      password: 'kiosk-training',
    });
    expect(good.status).toBe(200);
    expect(good.body.error_code).toBe(0);
    session = String(good.body.session);
  });

  it('answers an unknown session with 401 on every call', async () => {
    const a = await post(`${sim.url}/api/integration`, {
      session: 'nope',
      madonvi: AGENCY,
      service: 'TraCuuHoSo',
      mahoso: 'x',
    });
    expect(a.status).toBe(401);
    expect(
      (await upload(sim.url, 'nope', new Uint8Array([1]), sha(new Uint8Array([1])))).status,
    ).toBe(401);
  });

  it('stores a file once per content, rejects a wrong hash, and serves the bytes at its url', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7 tờ khai');
    const first = await upload(sim.url, session, bytes, sha(bytes));
    const again = await upload(sim.url, session, bytes, sha(bytes));
    expect(first.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(first.body.sha256).toBe(sha(bytes));
    const res = await fetch(String(first.body.url), { headers: { 'x-session': session } });
    expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(sha(bytes));
    const wrong = await upload(sim.url, session, bytes, sha(new Uint8Array([9])));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error_code).not.toBe(0);
  });

  it('creates, looks up, counts a second create as a duplicate and refuses it, and updates', async () => {
    const code = `${AGENCY}-261125-0001`;
    expect((await integration({ service: 'TraCuuHoSo', mahoso: code })).body.result).toEqual([]);
    const created = await integration({
      service: 'DongBoHoSoMC',
      isUpdating: 'False',
      data: [portalDossier(code)],
    });
    expect(created).toEqual({ status: 200, body: { error_code: 0 } });
    const dup = await integration({
      service: 'DongBoHoSoMC',
      isUpdating: 'False',
      data: [portalDossier(code)],
    });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toMatch(/đã tồn tại/);
    const updated = await integration({
      service: 'DongBoHoSoMC',
      isUpdating: 'True',
      data: [portalDossier(code, { TrangThaiHoSo: '4' })],
    });
    expect(updated.body.error_code).toBe(0);
    const found = await integration({ service: 'TraCuuHoSo', mahoso: code });
    expect((found.body.result as Record<string, unknown>[])[0]?.TrangThaiHoSo).toBe('4');
    const stats = await simGet<{ dossiers: number; duplicates: number }>(`${sim.url}/__sim/stats`);
    expect(stats).toMatchObject({ dossiers: 1, duplicates: 1 });
  });

  it('refuses an update of a dossier it does not hold', async () => {
    const a = await integration({
      service: 'DongBoHoSoMC',
      isUpdating: 'True',
      data: [portalDossier(`${AGENCY}-261125-0999`)],
    });
    expect(a.status).toBe(404);
    expect(a.body.error_code).not.toBe(0);
  });

  it('rejects bad codes, bad dates and missing fields with 422 and a Vietnamese message', async () => {
    for (const [extra, word] of [
      [{ MaHoSo: 'G09.20-20260609-0092637' }, 'MaHoSo'],
      [{ MaTTHC: '1001193' }, 'MaTTHC'],
      [{ NgayHenTra: '20260230100000' }, 'NgayHenTra'],
      [{ TrichYeuHoSo: undefined }, 'thiếu trường TrichYeuHoSo'],
    ] as const) {
      const a = await integration({
        service: 'DongBoHoSoMC',
        isUpdating: 'False',
        data: [portalDossier(`${AGENCY}-261125-0002`, extra)],
      });
      expect(a.status).toBe(422);
      expect(a.body.error_code).not.toBe(0);
      expect(String(a.body.message)).toContain(word);
    }
  });

  it('refuses a dossier linking a file it never received', async () => {
    const a = await integration({
      service: 'DongBoHoSoMC',
      isUpdating: 'False',
      data: [
        portalDossier(`${AGENCY}-261125-0003`, {
          TaiLieuNop: [
            {
              TepDinhKemId: 'x',
              TenTepDinhKem: 'thieu.pdf',
              IsDeleted: 'False',
              MaThanhPhanHoSo: 'TP1',
              DuongDanTaiTepTin: `${sim.url}/files/khong-co`,
            },
          ],
        }),
      ],
    });
    expect(a.status).toBe(422);
    expect(String(a.body.message)).toContain('chưa có trong kho');
  });

  it('keeps its dossiers across a restart on the same data folder', async () => {
    await sim.stop();
    sim = await startSim(['--port', '0', '--data', dir]);
    const stats = await simGet<{ dossiers: number; duplicates: number }>(`${sim.url}/__sim/stats`);
    expect(stats).toMatchObject({ dossiers: 1, duplicates: 1 });
  });

  it('commits a create whose answer it then loses', async () => {
    // Sessions persist in the data folder: log in on a clean run, then restart losing every answer.
    await sim.stop();
    sim = await startSim([
      '--port',
      '0',
      '--data',
      dir,
      '--faults',
      '1',
      '--fault-kinds',
      'lost-after-commit',
    ]);
    const code = `${AGENCY}-261125-0004`;
    await expect(
      integration({ service: 'DongBoHoSoMC', isUpdating: 'False', data: [portalDossier(code)] }),
    ).rejects.toThrow();
    const stats = await simGet<{ dossiers: number; faultsByKind: Record<string, number> }>(
      `${sim.url}/__sim/stats`,
    );
    expect(stats.dossiers).toBe(2);
    expect(stats.faultsByKind['lost-after-commit']).toBe(1);
  });
});
