import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addDays } from '../../../electron/services/calendar/civil-date';
import { vnNow } from '../../../electron/services/queue/appointments/appointment-rules';
import { runKioskCli } from '../../support/kiosk-cli';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const vi = { KIOSK_LOCALE: 'vi' };
const CCCD = '001099012345';
const Listed = z.object({
  day: z.string(),
  appointments: z.array(
    z.object({ slot: z.string(), area: z.string(), initials: z.string().nullable() }),
  ),
});

describe('kiosk queue book / appointments', () => {
  it('books a slot, lists it without the ID number, and refuses it twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-appt-cli-'));
    dirs.push(dir);
    const tomorrow = addDays(vnNow(Date.now()).day, 1);
    const args = [
      'queue',
      'book',
      '--area',
      'HT',
      '--cccd',
      CCCD,
      '--date',
      tomorrow,
      '--time',
      '09:30',
    ];
    const booked = runKioskCli(dir, [...args, '--initials', 'n.v.a'], vi);
    expect(booked.stderr).toBe('');
    expect(booked.status).toBe(0);
    expect(booked.stdout).toContain(
      `Đã đặt lịch hẹn 09:30 ngày ${tomorrow}, lĩnh vực Hộ tịch (HT).`,
    );

    const again = runKioskCli(dir, args, vi);
    expect(again.status).toBe(4);
    expect(again.stderr).toContain('Thẻ này đã có lịch hẹn 09:30');

    const text = runKioskCli(dir, ['queue', 'appointments', '--date', tomorrow], vi);
    expect(text.stdout).toMatch(/09:30\s+HT\s+N\.V\.A\s+chưa đến/);
    const json = runKioskCli(dir, ['queue', 'appointments', '--date', tomorrow, '--json'], vi);
    const listed = Listed.parse(JSON.parse(json.stdout));
    expect(listed.appointments).toHaveLength(1);
    expect(json.stdout).not.toContain(CCCD);
    // Nor anywhere in the data folder's files.
    for (const name of readdirSync(dir))
      if (name.startsWith('kiosk'))
        expect(readFileSync(join(dir, name)).includes(Buffer.from(CCCD)), name).toBe(false);
  });

  it('says in Vietnamese what is wrong with a bad number or a missing option', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-appt-cli-'));
    dirs.push(dir);
    const today = vnNow(Date.now()).day;
    const bad = runKioskCli(
      dir,
      ['queue', 'book', '--area', 'HT', '--cccd', '12345', '--date', today, '--time', '09:30'],
      vi,
    );
    expect(bad.status).toBe(4);
    expect(bad.stderr).toContain('phải có đúng 12 chữ số');
    const missing = runKioskCli(dir, ['queue', 'book', '--area', 'HT'], vi);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Thiếu hoặc sai: --area, --cccd, --date, --time');
    const json = runKioskCli(dir, ['--json', 'queue', 'appointments'], vi);
    expect(JSON.parse(json.stdout)).toEqual({ day: today, appointments: [] });
  });
});
