import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runKioskCli, type CliRun } from '../../../test/support/kiosk-cli';

const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-calendar-cli-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const kiosk = (...args: string[]): CliRun => runKioskCli(dataDir, args);

describe('kiosk calendar', () => {
  it('lists the days off of 2026 in Vietnamese, and as JSON', () => {
    const text = kiosk('calendar', 'holidays', '2026');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Ngày nghỉ năm 2026');
    expect(text.stdout).toContain('Thứ Hai 16/02/2026  Tết Nguyên đán');
    expect(text.stdout).toContain('Thứ Bảy 22/08/2026');
    const json = kiosk('--json', 'calendar', 'holidays', '2026');
    const parsed = JSON.parse(json.stdout) as {
      daysOff: { date: string }[];
      workdays: { date: string }[];
    };
    expect(parsed.daysOff.map((d) => d.date)).toContain('2026-11-24');
    expect(parsed.workdays.map((d) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
  }, 60_000);

  it('prints the appointment for a receipt before 30/4 and a same-day procedure after the cutoff', () => {
    const text = kiosk('calendar', 'due', '--from', '2026-04-29T10:00', '--days', '3');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Hẹn trả kết quả: 17:00 Thứ Tư 06/05/2026');
    const json = kiosk(
      '--json',
      'calendar',
      'due',
      '--from',
      '2026-11-25T15:01',
      '--days',
      '0',
      '--cutoff',
      '15:00',
    );
    expect(JSON.parse(json.stdout)).toMatchObject({
      dueLocal: '2026-11-26T17:00',
      dueAt: '2026-11-26T10:00:00.000Z',
    });
  }, 60_000);

  it('reports a bad adjustments file on stderr and still answers from the built-in calendar', () => {
    const file = join(dataDir, 'bad-adjustments.json');
    writeFileSync(file, JSON.stringify({ year: 2026, source: 'x', workdays: ['22/08/2026'] }));
    const run = kiosk('calendar', 'holidays', '2026', '--adjustments', file);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('trường "workdays.0" = "22/08/2026" không hợp lệ');
    expect(run.stdout).toContain('Thứ Bảy 22/08/2026');
  }, 60_000);

  it('reads the adjustments file named in config.json, relative to the data folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-calendar-cfg-'));
    try {
      writeFileSync(
        join(dir, 'swaps.json'),
        JSON.stringify({
          year: 2027,
          source: 'TB thử',
          daysOff: ['2027-04-29'],
          workdays: ['2027-04-24'],
        }),
      );
      writeFileSync(
        join(dir, 'config.json'),
        JSON.stringify({ calendar: { adjustmentsFile: 'swaps.json' } }),
      );
      const run = runKioskCli(dir, ['--json', 'calendar', 'holidays', '2027']);
      const parsed = JSON.parse(run.stdout) as {
        workdays: { date: string }[];
        adjustmentsError: unknown;
      };
      expect(parsed.adjustmentsError).toBeNull();
      expect(parsed.workdays.map((w) => w.date)).toEqual(['2027-04-24']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('answers a wrong command line with the usage and exit code 2', () => {
    const run = kiosk('calendar', 'due', '--from', '29/04/2026', '--days', '3');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Cách dùng: kiosk calendar');
  }, 60_000);
});
