import { describe, expect, it } from 'vitest';
import { DongBoHoSoMCSchema, isPortalDateTime } from './dong-bo-ho-so';
import { fromPortalDateTime, localDayYYMMDD, toPortalDateTime } from './portal-time';

const valid = {
  MaHoSo: '000.00.53.H48-220921-0099',
  MaTTHC: '1.001193',
  TenTTHC: 'Đăng ký khai sinh',
  LoaiDoiTuong: '1',
  Email: '',
  SoDienThoai: '0912345678',
  TrichYeuHoSo: 'Đăng ký khai sinh cho con',
  NgayTiepNhan: '20220921083000',
  NgayHenTra: '20220921160000',
  TrangThaiHoSo: '2',
  HinhThuc: '0',
  DonViXuLy: 'UBND xã Bình Sơn',
  TaiLieuNop: [
    {
      TepDinhKemId: 'f1',
      TenTepDinhKem: 'to-khai.pdf',
      IsDeleted: 'False',
      MaThanhPhanHoSo: 'TP1',
      DuongDanTaiTepTin: 'https://files.example/f1',
    },
  ],
};

describe('DongBoHoSoMC schema', () => {
  it('accepts the worked example of portal.md §3', () => {
    expect(DongBoHoSoMCSchema.safeParse(valid).success).toBe(true);
  });

  it('rejects a dossier code outside the national format', () => {
    const r = DongBoHoSoMCSchema.safeParse({ ...valid, MaHoSo: 'G09.20-20260609-0092637' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['MaHoSo']);
  });

  it('rejects a date that is not a calendar instant', () => {
    expect(isPortalDateTime('20230230100000')).toBe(false);
    expect(isPortalDateTime('20240229235959')).toBe(true);
    expect(DongBoHoSoMCSchema.safeParse({ ...valid, NgayHenTra: '2022-09-21' }).success).toBe(
      false,
    );
  });

  it('rejects a missing required field and names it', () => {
    const r = DongBoHoSoMCSchema.safeParse({ ...valid, DonViXuLy: undefined });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['DonViXuLy']);
  });
});

describe('portal time', () => {
  it('writes Hanoi wall-clock time, seven hours ahead of UTC', () => {
    expect(toPortalDateTime(Date.UTC(2026, 10, 24, 17, 30, 5))).toBe('20261125003005');
    expect(localDayYYMMDD(Date.UTC(2026, 10, 24, 17, 30, 5))).toBe('261125');
  });

  it('reads back what it writes', () => {
    const t = Date.UTC(2025, 0, 1, 0, 0, 0);
    expect(fromPortalDateTime(toPortalDateTime(t))).toBe(t);
    expect(fromPortalDateTime('bad')).toBeNaN();
  });
});
