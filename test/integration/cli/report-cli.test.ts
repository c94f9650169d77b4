import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentreReportSchema } from '../../../electron/api/contract/report';
import { runKioskCli } from '../../support/kiosk-cli';
import { seedCentreDay } from '../../support/seed-report';

const vi = { KIOSK_LOCALE: 'vi' };
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-report-cli-'));
  // The kiosk creates the folder and its tables; the centre's days are then written in.
  expect(runKioskCli(dir, ['queue', 'areas'], vi).status).toBe(0);
  seedCentreDay(dir);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const range = ['report', 'centre', '--from', '2026-12-01', '--to', '2026-12-02'];

describe('kiosk report centre', () => {
  it('prints the period as tables in Vietnamese, with the figures worked out by hand', () => {
    const run = runKioskCli(dir, range, vi);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('BÁO CÁO TRUNG TÂM từ 01/12/2026 đến 02/12/2026');
    // taken, priority, served, no-show, waiting, called. CT's #2, left waiting on a day that
    // has ended, is not served: a no-show (queue-rules' day-end rule).
    expect(run.stdout).toMatch(/HT Hộ tịch\s+3\s+1\s+2\s+1\s+0\s+0\n/);
    expect(run.stdout).toMatch(/CT Chứng thực\s+2\s+0\s+1\s+1\s+0\s+0\n/);
    expect(run.stdout).toMatch(/Tổng\s+5\s+1\s+3\s+2\s+0\s+0\n/);
    expect(run.stdout).toContain(
      'Số lượt: 4; trung vị: 16 phút; 90% không quá: 30 phút; lâu nhất: 30 phút',
    );
    expect(run.stdout).toContain(
      'Số lượt: 3; trung vị: 8 phút; 90% không quá: 12 phút; lâu nhất: 12 phút',
    );
    expect(run.stdout).toMatch(/Quầy 1\s+1\s+1\s+0\s+0\s+2\s+100%/);
    expect(run.stdout).toMatch(/Quầy 2\s+0\s+0\s+0\s+1\s+1\s+0%/);
    expect(run.stdout).toMatch(/lan\s+1\s+1\s+0\s+0\s+2\s+100%/);
    expect(run.stdout).toMatch(/01\/12\/2026\s+3\s+2\s+1\s+10\s+9\s+100%/);
    expect(run.stdout).toMatch(/02\/12\/2026\s+2\s+1\s+1\s+22\s+8\s+0%/);
    expect(run.stdout).not.toContain('30/11/2026');
  });

  it('gives the same figures as one JSON value with --json', () => {
    const run = runKioskCli(dir, ['--json', ...range], vi);
    expect(run.status).toBe(0);
    const report = CentreReportSchema.parse(JSON.parse(run.stdout));
    expect(report.period.tickets).toEqual({
      taken: 5,
      priority: 1,
      served: 3,
      noShows: 2,
      waiting: 0,
      called: 0,
    });
    expect(report.period.waiting.buckets.map((b) => b.count)).toEqual([1, 0, 1, 0, 1, 1, 0, 0]);
    expect(report.period.satisfaction).toMatchObject({ total: 3, satisfiedPercent: 66.7 });
    expect(report.days.map((d) => d.day)).toEqual(['2026-12-01', '2026-12-02']);
  });

  it('writes CSV, or JSON for a .json name, whole and with no temporary file left', () => {
    const out = mkdtempSync(join(tmpdir(), 'kiosk-report-out-'));
    try {
      const csv = join(out, 'thang12.csv');
      const run = runKioskCli(dir, [...range, '--out', csv], vi);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`vào ${csv}`);
      const lines = readFileSync(csv, 'utf8').split('\r\n');
      expect(lines[0]).toBe('\uFEFFfrom,to,day,section,key,name,metric,value');
      expect(lines).toContain('2026-12-01,2026-12-02,,area,HT,Hộ tịch,no_shows,1');
      expect(lines).toContain('2026-12-01,2026-12-02,2026-12-02,counter,2,,dissatisfied,1');
      const json = join(out, 'thang12.json');
      expect(runKioskCli(dir, [...range, '--out', json], vi).status).toBe(0);
      expect(
        CentreReportSchema.parse(JSON.parse(readFileSync(json, 'utf8'))).period.service
          .medianMinutes,
      ).toBe(8);
      expect(readdirSync(out).sort()).toEqual(['thang12.csv', 'thang12.json']);
      const missing = runKioskCli(dir, [...range, '--out', join(out, 'no', 'such.csv')], vi);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('Kiểm tra thư mục có tồn tại');
      expect(existsSync(join(out, 'no'))).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses a start after the end or a date that does not exist, with exit code 2', () => {
    const swapped = runKioskCli(
      dir,
      ['report', 'centre', '--from', '2026-12-02', '--to', '2026-12-01'],
      vi,
    );
    expect(swapped.status).toBe(2);
    expect(swapped.stderr).toContain('Ngày bắt đầu (2026-12-02) sau ngày kết thúc (2026-12-01)');
    const bad = runKioskCli(dir, ['report', 'centre', '--from', '2026-02-30'], vi);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Ngày "2026-02-30" không hợp lệ');
    expect(runKioskCli(dir, ['report', 'nothing'], vi).status).toBe(2);
  });

  it('on a shared queue whose PostgreSQL is unreachable says the queue is offline and exits 1', () => {
    const run = runKioskCli(dir, [...range], {
      ...vi,
      KIOSK_CENTRE_DB: 'postgresql://quay_1:mat-khau@127.0.0.1:1/centre_queue',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Hàng đợi chung của trung tâm đang mất kết nối tới máy chủ');
  });

  it('counts a ticket taken and called through kiosk queue today', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'kiosk-report-today-'));
    try {
      runKioskCli(fresh, ['queue', 'take', '--area', 'HT'], vi);
      runKioskCli(fresh, ['queue', 'take', '--area', 'HT'], vi);
      runKioskCli(fresh, ['queue', 'call', '--counter', '1'], vi);
      const run = runKioskCli(fresh, ['--json', 'report', 'centre'], vi);
      expect(run.status).toBe(0);
      const report = CentreReportSchema.parse(JSON.parse(run.stdout));
      expect(report.from).toBe(report.to);
      expect(report.period.areas[0]).toMatchObject({ code: 'HT', taken: 2, called: 1, waiting: 1 });
      expect(report.period.waiting.count).toBe(1);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
