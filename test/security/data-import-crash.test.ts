import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBytes } from '../fixtures/store/sample-dossier';
import { runKioskCli } from '../support/kiosk-cli';

const root = fileURLToPath(new URL('../..', import.meta.url));
const AGENCY = '000.00.53.H48';
const ROUNDS = 40;
const CHILD = 'test/security/dossier-import-child.ts';
const ENTRIES = 2;
let dir = '';

const env = { KIOSK_AGENCY_CODE: AGENCY };
const data = (): string => join(dir, 'data');

function importFile(round: number): string {
  const file = join(dir, `import-${round}.json`);
  writeFileSync(join(dir, `to-khai-${round}.pdf`), fakeBytes(`round-${round}`, 2000));
  const entries = Array.from({ length: ENTRIES }, (_, k) => ({
    MaTTHC: '1.001193',
    TenTTHC: 'Đăng ký khai sinh',
    ChuHoSo: `Người nộp ${round}-${k}`,
    LoaiDoiTuong: '1',
    TrichYeuHoSo: `Khai sinh ${round}-${k}`,
    NgayTiepNhan: '20261125083000',
    NgayHenTra: '20261125160000',
    DonViXuLy: 'UBND xã Bình Sơn',
    TaiLieuNop: [{ MaThanhPhanHoSo: 'TP1', DuongDanTaiTepTin: `to-khai-${round}.pdf` }],
  }));
  writeFileSync(file, JSON.stringify(entries));
  return file;
}

/** The CLI's import command in its own process, SIGKILLed after `delayMs` (or finishing first). */
function killedImport(file: string, delayMs: number): Promise<'killed' | 'finished'> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file], {
      cwd: root,
      env: { ...process.env, ...env, KIOSK_DATA_DIR: data() },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      done(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}

function importToEnd(file: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CHILD, file], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env, KIOSK_DATA_DIR: data() },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface ImportOut {
  imported: { code: string }[];
  alreadyImported: { code: string }[];
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-import-crash-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('import after a crash', () => {
  it(`${ROUNDS} SIGKILLs at random points, each followed by a re-run: 0 duplicates, 0 lost`, async () => {
    // A full run's duration sets the range the kills are drawn from.
    const started = Date.now();
    const warm = importToEnd(importFile(-1));
    expect(warm.status, warm.stderr).toBe(0);
    const fullMs = Date.now() - started;

    let afterCommit = 0;
    let killed = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const file = importFile(round);
      if ((await killedImport(file, Math.random() * fullMs * 1.2)) === 'killed') killed++;
      const rerun = importToEnd(file);
      expect(rerun.status, rerun.stderr).toBe(0);
      const out = JSON.parse(rerun.stdout) as ImportOut;
      // All or nothing: either the killed run committed the whole file or none of it.
      expect([0, ENTRIES]).toContain(out.alreadyImported.length);
      expect(out.imported.length + out.alreadyImported.length).toBe(ENTRIES);
      if (out.alreadyImported.length > 0) afterCommit++;
    }
    const list = runKioskCli(data(), ['--json', 'dossier', 'list'], env);
    const rows = (JSON.parse(list.stdout) as { dossiers: { applicantName: string }[] }).dossiers;
    const names = rows.map((r) => r.applicantName);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBe((ROUNDS + 1) * ENTRIES);
    console.log(
      `import crash: ${ROUNDS} rounds, ${killed} killed, ${afterCommit} kills after commit, full run ${fullMs} ms; ${names.length} dossiers, 0 duplicates`,
    );
    // ~80 CLI processes (Node + tsx start-up each): minutes on a loaded 2-core machine.
  }, 600_000);
});
