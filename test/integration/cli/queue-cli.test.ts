import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runKioskCli, type CliRun } from '../../support/kiosk-cli';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function freshFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-queue-cli-'));
  dirs.push(dir);
  return dir;
}

const vi = { KIOSK_LOCALE: 'vi' };
const Ticket = z.object({
  number: z.number(),
  area: z.string(),
  areaName: z.string(),
  priority: z.string().nullable(),
  peopleAhead: z.number(),
  estimatedWaitMinutes: z.number(),
});
const Called = z.object({
  counter: z.number(),
  ticket: z.object({ number: z.number(), area: z.string() }).nullable(),
});

/** `kiosk --json queue …` as a real process, its stdout parsed. */
function json<T>(dir: string, schema: z.ZodType<T>, ...args: string[]): T {
  const run = runKioskCli(dir, ['--json', 'queue', ...args], vi);
  expect(run.stderr).toBe('');
  return schema.parse(JSON.parse(run.stdout));
}

/** The bin IT runs (electron/cli/kiosk.mjs), started without waiting for it. */
function startKiosk(dir: string, args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['electron/cli/kiosk.mjs', ...args], {
      cwd: root,
      env: { ...process.env, ...vi, KIOSK_DATA_DIR: dir },
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (status) => {
      resolve({ status, stdout, stderr });
    });
  });
}

describe('kiosk queue', () => {
  it('lists the centre’s areas with their counters', () => {
    const dir = freshFolder();
    const run = runKioskCli(dir, ['queue', 'areas'], vi);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/HT\s+Hộ tịch\s+quầy 1, 2/);
    expect(run.stdout).toMatch(/DD\s+Đất đai\s+quầy 3/);
    const areas = json(dir, z.array(z.object({ code: z.string() })), 'areas');
    expect(areas.map((a) => a.code)).toEqual(['HT', 'CT', 'CU', 'DD', 'KHAC']);
  });

  it('prints the ticket in Vietnamese: number, area, people ahead, estimated wait', () => {
    const dir = freshFolder();
    runKioskCli(dir, ['queue', 'take', '--area', 'HT'], vi);
    const run = runKioskCli(dir, ['queue', 'take', '--area', 'ht'], vi);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Số thứ tự: 2');
    expect(run.stdout).toContain('Lĩnh vực: Hộ tịch (HT)');
    expect(run.stdout).toContain('Số người chờ trước: 1');
    expect(run.stdout).toContain('Thời gian chờ dự kiến: khoảng 3 phút');
    const urgent = json(dir, Ticket, 'take', '--area', 'HT', '--priority', 'khuyet-tat');
    expect(urgent).toMatchObject({ number: 3, priority: 'disability', peopleAhead: 0 });
  });

  it('calls priority first, then in order, and exits 3 when nobody waits for the counter', () => {
    const dir = freshFolder();
    json(dir, Ticket, 'take', '--area', 'CT');
    json(dir, Ticket, 'take', '--area', 'CU');
    json(dir, Ticket, 'take', '--area', 'CT', '--priority', 'elderly');
    const human = runKioskCli(dir, ['queue', 'call', '--counter', '2'], vi);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('Mời công dân có số thứ tự 3 đến quầy số 2 (Chứng thực).');
    expect(json(dir, Called, 'call', '--counter', '1').ticket?.number).toBe(1);
    const empty = runKioskCli(dir, ['--json', 'queue', 'call', '--counter', '1'], vi);
    expect(empty.status).toBe(3);
    expect(Called.parse(JSON.parse(empty.stdout)).ticket).toBeNull();
    expect(empty.stderr).toContain('Không còn ai chờ cho quầy số 1');
    const status = json(
      dir,
      z.object({
        areas: z.array(z.object({ code: z.string(), waiting: z.number(), served: z.number() })),
        counters: z.array(
          z.object({ counter: z.number(), current: z.object({ number: z.number() }).nullable() }),
        ),
      }),
      'status',
    );
    expect(status.areas.find((a) => a.code === 'CU')?.waiting).toBe(1);
    // Counter 1's last call, even with nobody left, ended number 1 as served.
    expect(status.counters.map((c) => c.current?.number ?? null)).toEqual([null, 3, null]);
    expect(status.areas.find((a) => a.code === 'CT')?.served).toBe(1);
  });

  it('says what to do on bad input, with exit 4 for bad values and 2 for a wrong command line', () => {
    const dir = freshFolder();
    const area = runKioskCli(dir, ['queue', 'take', '--area', 'XYZ'], vi);
    expect(area.status).toBe(4);
    expect(area.stderr).toContain('Không có lĩnh vực "XYZ". Chọn một trong: HT (Hộ tịch)');
    const reason = runKioskCli(dir, ['queue', 'take', '--area', 'HT', '--priority', 'vip'], vi);
    expect(reason.status).toBe(4);
    expect(reason.stderr).toContain('Phụ nữ mang thai');
    const word = runKioskCli(dir, ['queue', 'call', '--counter', 'ba'], vi);
    expect(word.status).toBe(4);
    expect(word.stderr).toContain('nhập một số nguyên, ví dụ --counter 2');
    const missing = runKioskCli(dir, ['--json', 'queue', 'call', '--counter', '9'], vi);
    expect(missing.status).toBe(4);
    expect(missing.stderr).toContain('Các quầy trong cấu hình: 1, 2, 3');
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'QUEUE_COUNTER_UNKNOWN' } });
    const usage = runKioskCli(dir, ['queue', 'take'], vi);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('kiosk queue take --area MÃ');
  });

  it('names the bad key when the centre’s config is wrong, and changes nothing', () => {
    const dir = freshFolder();
    const config = JSON.stringify({
      centre: { areas: [{ code: 'ht', name: 'Hộ tịch', counters: [1] }] },
    });
    writeFileSync(join(dir, 'config.json'), config);
    const run = runKioskCli(dir, ['queue', 'take', '--area', 'HT'], vi);
    expect(run.status).toBe(4);
    expect(run.stderr).toContain('chưa hợp lệ (centre.areas.0.code');
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(config);
  });

  it('hands distinct numbers to many `kiosk queue take` processes started at once on a fresh folder', async () => {
    const dir = freshFolder();
    const areas = ['HT', 'CT', 'CU', 'DD', 'KHAC'];
    const started = Date.now();
    const runs = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        startKiosk(dir, ['--json', 'queue', 'take', '--area', areas[i % areas.length] ?? 'HT']),
      ),
    );
    const elapsed = Date.now() - started;
    for (const run of runs) expect(run.stderr).toBe('');
    expect(runs.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 0));
    const numbers = runs
      .map((r) => Ticket.parse(JSON.parse(r.stdout)).number)
      .sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    console.log(
      `kiosk queue take: 10 processes at once on a fresh folder, 0 duplicates, ${elapsed} ms`,
    );
  });
});
