import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKioskCli, type CliRun } from '../../support/kiosk-cli';
import { fakeBytes } from '../../fixtures/store/sample-dossier';

let dir = '';

/** The real `kiosk` CLI on this test's private data folder. */
const kiosk = (...args: string[]): CliRun =>
  runKioskCli(join(dir, 'data'), args, { KIOSK_AGENCY_CODE: '000.00.53.H48' });

const entry = (over: Record<string, unknown>): Record<string, unknown> => ({
  MaTTHC: '1.001193',
  TenTTHC: 'Đăng ký khai sinh',
  ChuHoSo: 'Lê Văn Tám',
  LoaiDoiTuong: '1',
  MaDoiTuong: '079090001234',
  SoDienThoai: '0901234567',
  TrichYeuHoSo: 'Khai sinh cho con',
  NgayTiepNhan: '20261125083000',
  NgayHenTra: '20261125160000',
  DonViXuLy: 'UBND xã Bình Sơn',
  TaiLieuNop: [
    { TenTepDinhKem: 'to-khai.pdf', MaThanhPhanHoSo: 'TP1', DuongDanTaiTepTin: 'to-khai.pdf' },
  ],
  ...over,
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-cli-'));
  writeFileSync(join(dir, 'to-khai.pdf'), fakeBytes('cli', 3000));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('kiosk dossier', () => {
  it('imports a file, keeping a given MaHoSo and allocating a missing one', () => {
    writeFileSync(
      join(dir, 'ok.json'),
      JSON.stringify([entry({}), entry({ MaHoSo: '000.00.53.H48-261125-0500', TaiLieuNop: [] })]),
    );
    const r = kiosk('--json', 'dossier', 'import', join(dir, 'ok.json'));
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { imported: { code: string }[] };
    expect(out.imported.map((d) => d.code)).toEqual([
      '000.00.53.H48-261125-0001',
      '000.00.53.H48-261125-0500',
    ]);
  });

  it('a malformed file, a bad field or a missing attachment is refused by entry and field, importing nothing', () => {
    writeFileSync(join(dir, 'broken.json'), '[{"MaTTHC": ');
    const broken = kiosk('--lang', 'en', 'dossier', 'import', join(dir, 'broken.json'));
    expect(broken.status).toBe(4);
    expect(broken.stderr).toMatch(/nothing was imported/);

    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify([
        entry({ TrichYeuHoSo: 'ok' }),
        entry({ NgayHenTra: '2026-11-25', LoaiDoiTuong: '3' }),
      ]),
    );
    const bad = kiosk('dossier', 'import', join(dir, 'bad.json'));
    expect(bad.status).toBe(4);
    expect(bad.stderr).toMatch(/chưa nhập hồ sơ nào/);
    expect(bad.stderr).toContain('[1].NgayHenTra');
    expect(bad.stderr).toContain('[1].LoaiDoiTuong');

    writeFileSync(
      join(dir, 'missing.json'),
      JSON.stringify([
        entry({}),
        entry({ TaiLieuNop: [{ MaThanhPhanHoSo: 'TP1', DuongDanTaiTepTin: 'khong-co.pdf' }] }),
      ]),
    );
    const missing = kiosk('dossier', 'import', join(dir, 'missing.json'));
    expect(missing.status).toBe(4);
    expect(missing.stderr).toContain('[1].TaiLieuNop[0].DuongDanTaiTepTin');

    const list = kiosk('--json', 'dossier', 'list');
    const { dossiers, depth } = JSON.parse(list.stdout) as { dossiers: unknown[]; depth: unknown };
    expect(dossiers).toHaveLength(2);
    expect(depth).toEqual({ pending: 2, parked: 0 });
  });

  it('shows a dossier by its code with its attachment hashes, and says so when there is none', () => {
    const r = kiosk('--json', 'dossier', 'show', '000.00.53.H48-261125-0001');
    expect(r.status, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as {
      applicant: { name: string };
      components: { sha256: string }[];
    };
    expect(d.applicant.name).toBe('Lê Văn Tám');
    expect(d.components[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const human = kiosk('dossier', 'show', '000.00.53.H48-261125-0001');
    expect(human.stdout).toContain('Người nộp    Lê Văn Tám');
    const none = kiosk('dossier', 'show', '000.00.53.H48-261125-0999');
    expect(none.status).toBe(4);
    expect(none.stderr).toMatch(/Không tìm thấy hồ sơ/);
  });

  it('purge removes nothing that has not synced yet', () => {
    const r = kiosk('--json', 'dossier', 'purge', '--days', '0');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ purged: 0 });
    expect(JSON.parse(kiosk('--json', 'dossier', 'list').stdout)).toMatchObject({
      depth: { pending: 2 },
    });
  });
});
