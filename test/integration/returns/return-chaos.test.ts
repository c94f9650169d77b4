/**
 * Returns under chaos: 50 dossiers are received and, before any of them
 * reached the portal, handed back (results, receiver, NgayTra), so every
 * status event waits in the outbox behind its dossier's create. `kiosk sync
 * --until-empty` child processes are SIGKILLed twice while the simulator
 * injects 30% faults of every kind (answers lost after commit included). At
 * the end every dossier is at 10 with NgayTra and its result links, no
 * create was duplicated, no progress arrived before its create, and no
 * result link named a file that was never uploaded.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskMigrations } from '../../../electron/services/kiosk-migrations';
import { DossierStore } from '../../../electron/services/store/dossier-store';
import { simFile, simGet, startKiosk, startSim, type SimProcess } from '../sync/peers';
import { seedDossiers, TEST_AGENCY, type SeededDossier } from '../sync/seed-dossiers';

const DOSSIERS = 50;
const KILLS = 2;

interface StatusStats {
  progress: number;
  progressReplays: number;
  progressBeforeCreate: number;
  resultLinksMissing: number;
}

interface HeldDossier {
  MaHoSo: string;
  TrangThaiHoSo: string;
  NgayTra?: string;
  HinhThuc: string;
  DanhSachGiayToKetQua?: { DuongDanTepTinKetQua: string; TenGiayTo: string }[];
}

/** Distinct small PDF-shaped bytes per dossier, so no two result uploads share content. */
function resultPdf(i: number): Uint8Array {
  return new TextEncoder().encode(`%PDF-1.4\n% kết quả thử ${i}\n%%EOF\n`);
}

describe('returns: status events through 30% faults while the kiosk process is killed', () => {
  let dir: string;
  let sim: SimProcess;
  let seeded: SeededDossier[];
  const resultHash = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-return-chaos-'));
    const dataDir = join(dir, 'kiosk');
    seeded = seedDossiers(dataDir, DOSSIERS, { attachments: 1, attachmentBytes: 512 });
    const store = DossierStore.open({
      dataDir,
      agencyCode: TEST_AGENCY,
      migrations: kioskMigrations,
    });
    try {
      seeded.forEach((s, i) => {
        const pdf = resultPdf(i);
        resultHash.set(s.code, createHash('sha256').update(pdf).digest('hex'));
        store.recordReturn(
          {
            dossierId: s.id,
            returnedAt: Date.now(),
            hinhThuc: i % 5 === 0 ? '1' : '0',
            receiver:
              i % 5 === 0
                ? { kind: 'post', source: 'none', name: null, idNumber: null }
                : {
                    kind: 'applicant',
                    source: 'chip',
                    name: `Nguyễn Văn Thử ${i}`,
                    idNumber: null,
                  },
            letter: null,
            postAddress: i % 5 === 0 ? 'Số 1 đường Thử, xã Thử nghiệm' : null,
            portalStatusSeen: null,
            offlineInHand: true,
            results: [{ name: 'Giấy khai sinh', componentCode: 'KQ1', pdf, signed: false }],
            slip: null,
            returnInfo: 'Đã trả kết quả',
            handler: { name: 'Cán bộ Thử' },
          },
          'test',
        );
      });
    } finally {
      store.close();
    }
    sim = await startSim([
      '--port',
      '0',
      '--faults',
      '0.3',
      '--seed',
      '20261205',
      '--data',
      join(dir, 'sim'),
      '--session-ttl',
      '20',
    ]);
  }, 120_000);

  afterAll(async () => {
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends with every dossier at 10, no duplicate create, no early progress, no dangling result link', async () => {
    const env = {
      KIOSK_DATA_DIR: join(dir, 'kiosk'),
      KIOSK_PORTAL_URL: sim.url,
      KIOSK_PORTAL_USER: 'kiosk',
      KIOSK_PORTAL_PASSWORD: 'kiosk-training',
      KIOSK_PORTAL_TIMEOUT_MS: '2000',
    };
    const args = ['--json', 'sync', '--until-empty', '--concurrency', '8', '--max-backoff', '4'];
    let kills = 0;
    for (let round = 0; round < KILLS; round++) {
      const run = startKiosk(args, env);
      const killAfter = 2_500 + round * 1_500;
      const outcome = await Promise.race([
        run.done,
        new Promise<'kill'>((resolve) =>
          setTimeout(() => {
            resolve('kill');
          }, killAfter),
        ),
      ]);
      if (outcome !== 'kill') {
        expect(outcome.code, outcome.stderr).toBe(0);
        break;
      }
      run.child.kill('SIGKILL');
      await run.done;
      kills++;
    }
    const final = startKiosk(args, env);
    const timer = setTimeout(() => final.child.kill('SIGKILL'), 150_000);
    const result = await final.done;
    clearTimeout(timer);
    expect(result.code, result.stderr).toBe(0);

    const stats = await simGet<{
      duplicates: number;
      requests: number;
      faults: number;
      faultsByKind: Record<string, number>;
    }>(`${sim.url}/__sim/stats`);
    const statusStats = await simGet<StatusStats>(`${sim.url}/__sim/status-stats`);
    console.log(
      `return chaos: ${kills} SIGKILLs, sim ${JSON.stringify(stats)}, status ${JSON.stringify(statusStats)}`,
    );
    expect(kills).toBe(KILLS);
    expect(stats.faults / stats.requests).toBeGreaterThan(0.2);
    expect(stats.duplicates).toBe(0);
    expect(statusStats.progressBeforeCreate).toBe(0);
    expect(statusStats.resultLinksMissing).toBe(0);
    expect(statusStats.progress).toBe(DOSSIERS);

    const { dossiers } = await simGet<{ dossiers: HeldDossier[] }>(`${sim.url}/__sim/dossiers`);
    expect(dossiers.map((d) => d.MaHoSo).sort()).toEqual(seeded.map((s) => s.code).sort());
    for (const d of dossiers) {
      expect(d.TrangThaiHoSo).toBe('10');
      expect(d.NgayTra).toMatch(/^\d{14}$/);
      const links = d.DanhSachGiayToKetQua ?? [];
      expect(links).toHaveLength(1);
      const res = await simFile(links[0]!.DuongDanTepTinKetQua);
      expect(res.status).toBe(200);
      const hash = createHash('sha256')
        .update(Buffer.from(await res.arrayBuffer()))
        .digest('hex');
      expect(hash).toBe(resultHash.get(d.MaHoSo));
      const history = await simGet<{ progress: { TrangThai: string }[] }>(
        `${sim.url}/__sim/history?mahoso=${encodeURIComponent(d.MaHoSo)}`,
      );
      expect(history.progress.map((p) => p.TrangThai)).toEqual(['10']);
    }

    const store = DossierStore.open({
      dataDir: join(dir, 'kiosk'),
      agencyCode: TEST_AGENCY,
      migrations: kioskMigrations,
    });
    try {
      expect(store.outbox.depth()).toEqual({ pending: 0, parked: 0 });
      const left = store.database.prepare('SELECT COUNT(*) AS n FROM outbox').get() as {
        n: number;
      };
      expect(left.n).toBe(0);
    } finally {
      store.close();
    }
  }, 240_000);
});
