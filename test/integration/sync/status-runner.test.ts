/**
 * The status runner (issue 17) with the real store and the portal simulator
 * in this process: a return leaves as each result file, then the progress
 * step, then the update naming the files; nothing of it reaches the portal
 * before the dossier's create was acknowledged; a row that lost its payload
 * says which field is missing. Fast (well under a second a test) so mutation
 * testing can repeat it for every mutant of status-runner.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PortalSim } from '../../../electron/portal-sim/portal-sim-server';
import type { NewReturn } from '../../../electron/services/store/return-input';
import { EntryRunner } from '../../../electron/services/sync/entry-runner';
import type { OutboxEntry } from '../../../electron/services/sync/outbox-port';
import { StatusRunner } from '../../../electron/services/sync/status-runner';
import { CITIZEN, fakeBytes, sampleDossier } from '../../fixtures/store/sample-dossier';
import { simFile, simGet } from './peers';
import { drain, head, openPeers, portalClient, type RunnerPeers } from './runner-peers';

let peers: RunnerPeers;
beforeEach(() => {
  peers = openPeers();
});
afterEach(async () => {
  await peers.close();
});

const RESULT = fakeBytes('ket-qua', 3000);

function returnOf(dossierId: string, results = 1): NewReturn {
  return {
    dossierId,
    returnedAt: Date.now(),
    hinhThuc: '0',
    receiver: { kind: 'applicant', source: 'chip', name: CITIZEN.name, idNumber: CITIZEN.idNumber },
    letter: null,
    postAddress: null,
    portalStatusSeen: '9',
    offlineInHand: false,
    results: Array.from({ length: results }, (_, i) => ({
      name: `Giấy khai sinh ${i + 1}`,
      componentCode: `KQ${i + 1}`,
      pdf: i === 0 ? RESULT : fakeBytes(`ket-qua-${i}`, 1500),
      signed: false,
    })),
    slip: null,
    returnInfo: 'Đã trả kết quả tại Bộ phận một cửa',
    handler: { name: 'Lê Văn Cán' },
  };
}

interface History {
  progress: { MaHoSo: string; TrangThai: string; NguoiXuLy: string }[];
  statuses: { status: string; source: string }[];
}
interface StatusStats {
  progress: number;
  progressReplays: number;
  progressBeforeCreate: number;
}

/** A dossier received and synced (its create acknowledged), through the entry runner. */
async function synced(s: PortalSim, seed = 'st'): Promise<{ id: string; code: string }> {
  const saved = peers.store.save(sampleDossier(seed, { receivedAt: Date.now() }), 'test');
  const runner = new EntryRunner(peers.store.outbox, portalClient(s.url));
  await drain(peers.store.outbox, saved.id, (e) => runner.run(e));
  return { id: saved.id, code: saved.code };
}

describe('status runner with the real store and the portal simulator', () => {
  it('sends a return as each result file, the progress step, then the update naming the files', async () => {
    const s = await peers.sim();
    const { id, code } = await synced(s);
    peers.store.recordReturn(returnOf(id, 2), 'test');
    // Through the entry runner, as the sync engine does: it must hand these rows to the status runner.
    const runner = new EntryRunner(peers.store.outbox, portalClient(s.url));
    const ops: [string, string | null][] = [];
    await drain(peers.store.outbox, id, async (e) => {
      ops.push([e.op, (await runner.run(e)).portalStatus]);
    });
    expect(ops).toEqual([
      ['upload-result', null],
      ['upload-result', null],
      ['progress', null],
      ['update-dossier', '10'],
    ]);
    const view = peers.store.get(id, 'test');
    expect(view).toMatchObject({ syncState: 'synced', portalStatus: '10' });
    const results = peers.store.returnOf(id)?.results ?? [];
    expect(results).toHaveLength(2);
    const url = results[0]?.portalUrl ?? '';
    expect(url.startsWith(`${s.url}/files/`)).toBe(true);
    // The file store holds the result as a PDF with the very bytes saved.
    const file = await simFile(url);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).equals(RESULT)).toBe(true);
    const history = await simGet<History>(`${s.url}/__sim/history?mahoso=${code}`);
    expect(history.progress).toHaveLength(1);
    expect(history.progress[0]).toMatchObject({
      MaHoSo: code,
      TrangThai: '10',
      NguoiXuLy: 'Lê Văn Cán',
    });
    expect(history.statuses.map((x) => x.status)).toEqual(['2', '10']);
    const { dossiers } = await simGet<{ dossiers: Record<string, unknown>[] }>(
      `${s.url}/__sim/dossiers`,
    );
    expect(dossiers).toHaveLength(1);
    expect(dossiers[0]).toMatchObject({ MaHoSo: code, TrangThaiHoSo: '10' });
    const links = (dossiers[0]?.DanhSachGiayToKetQua ?? []) as { DuongDanTepTinKetQua: string }[];
    expect(links.map((l) => l.DuongDanTepTinKetQua)).toEqual(results.map((r) => r.portalUrl));
  });

  it('a progress step sent again after a lost answer is the same step; the update moves the status', async () => {
    const s = await peers.sim();
    const { id } = await synced(s);
    peers.store.recordEvent(
      {
        dossierId: id,
        at: Date.now(),
        kind: 'supplement',
        detail: 'Thiếu bản sao giấy chứng sinh',
        newDueAt: null,
        handler: { name: 'Lê Văn Cán' },
      },
      'test',
    );
    const runner = new StatusRunner(peers.store.outbox, portalClient(s.url));
    const progress = head(peers.store.outbox, id);
    expect(progress.op).toBe('progress');
    await expect(runner.run({ ...progress, op: 'progress' })).resolves.toBeNull();
    // The answer was lost: the same row runs again after it left the outbox.
    await expect(runner.run({ ...progress, op: 'progress' })).resolves.toBeNull();
    const stats = await simGet<StatusStats>(`${s.url}/__sim/status-stats`);
    expect(stats).toMatchObject({ progress: 1, progressReplays: 1, progressBeforeCreate: 0 });
    const update = head(peers.store.outbox, id);
    expect(update.op).toBe('update-dossier');
    await expect(runner.run({ ...update, op: 'update-dossier' })).resolves.toBe('5');
    expect(peers.store.get(id, 'test')).toMatchObject({ syncState: 'synced', portalStatus: '5' });
  });

  it('keeps a status row from the portal while the dossier create is unacknowledged', async () => {
    const s = await peers.sim();
    const saved = peers.store.save(sampleDossier('chua-tao', { receivedAt: Date.now() }), 'test');
    const eventId = peers.store.recordEvent(
      {
        dossierId: saved.id,
        at: Date.now(),
        kind: 'apology',
        detail: 'Cần thêm thời gian xác minh',
        newDueAt: Date.now() + 48 * 3600_000,
        handler: { name: 'Lê Văn Cán' },
      },
      'test',
    );
    // The ordered outbox never offers these before the create; the runner still refuses them.
    const first = head(peers.store.outbox, saved.id);
    const runner = new EntryRunner(peers.store.outbox, portalClient(s.url));
    for (const op of ['progress', 'update-dossier'] as const) {
      const row: OutboxEntry = { ...first, op, payload: { eventId } };
      await expect(runner.run(row)).rejects.toThrow(
        `hồ sơ chưa được Cổng xác nhận tạo mới; cập nhật ${op} chờ đến khi Cổng xác nhận`,
      );
    }
    expect(s.stats().requests).toBe(0);
    expect(head(peers.store.outbox, saved.id).id).toBe(first.id);
    expect(peers.store.get(saved.id, 'test').syncState).toBe('pending');
  });

  it('names the payload field a status row lacks instead of reading something that is not there', async () => {
    const s = await peers.sim();
    const { id } = await synced(s);
    const saved = peers.store.recordReturn(returnOf(id), 'test');
    const row = head(peers.store.outbox, id);
    const runner = new StatusRunner(peers.store.outbox, portalClient(s.url));
    const cases = [
      ['upload-result', {}, 'resultId'],
      ['upload-result', { resultId: '' }, 'resultId'],
      ['progress', {}, 'eventId'],
      ['progress', { eventId: '' }, 'eventId'],
    ] as const;
    for (const [op, payload, key] of cases) {
      await expect(runner.run({ ...row, op, payload })).rejects.toThrow(
        `outbox row ${row.id} (${op}) has no payload.${key}`,
      );
    }
    expect(s.stats().files).toBe(2); // the two attachments of the intake only
    expect(peers.store.returnOf(id)?.results[0]?.portalUrl).toBeNull();
    expect(saved.resultIds).toHaveLength(1);
  });
});
