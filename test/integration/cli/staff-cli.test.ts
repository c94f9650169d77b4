import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runKioskCli } from '../../support/kiosk-cli';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-staff-cli-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const PASSWORD = 'mùa thu Hà Nội lá vàng rơi';

/** `kiosk …` on a pseudo-terminal, answering each prompt as a person would. */
function atTerminal(args: readonly string[], dialog: readonly [string, string][]) {
  const out = execFileSync(
    'python3',
    [
      join(root, 'test/support/pty-driver.py'),
      JSON.stringify({
        cmd: [process.execPath, '--import', 'tsx', 'electron/cli/main.ts', ...args],
        env: { KIOSK_DATA_DIR: dataDir, KIOSK_LOCALE: 'vi' },
        dialog,
      }),
    ],
    { cwd: root, encoding: 'utf8', timeout: 90_000, env: withoutStaffPassword() },
  );
  return z.object({ status: z.number(), output: z.string() }).parse(JSON.parse(out));
}

function withoutStaffPassword(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.KIOSK_STAFF_PASSWORD;
  return env;
}

const listed = () =>
  z
    .array(z.object({ username: z.string(), role: z.string(), name: z.string().nullable() }))
    .parse(JSON.parse(runKioskCli(dataDir, ['staff', 'list', '--json']).stdout));

describe('kiosk staff at a terminal', () => {
  it('asks for the password twice in Vietnamese and never shows it', () => {
    const run = atTerminal(
      ['staff', 'add', 'mai.tran', '--role', 'clerk', '--name', 'Trần Thị Mai'],
      [
        ['Mật khẩu cho mai.tran', PASSWORD],
        ['Nhập lại mật khẩu', PASSWORD],
      ],
    );
    expect(run.output).toContain('Đã tạo tài khoản mai.tran');
    expect(run.output).not.toContain('mùa thu');
    expect(run.status).toBe(0);
    expect(listed()).toContainEqual({ username: 'mai.tran', role: 'clerk', name: 'Trần Thị Mai' });
  });

  it('creates nothing when the two passwords differ, and says so', () => {
    const run = atTerminal(
      ['staff', 'add', 'an.nguyen', '--role', 'clerk'],
      [
        ['Mật khẩu cho an.nguyen', PASSWORD],
        ['Nhập lại mật khẩu', `${PASSWORD}!`],
      ],
    );
    expect(run.output).toContain('Hai lần nhập mật khẩu không khớp');
    expect(run.status).toBe(1);
    expect(listed().map((a) => a.username)).not.toContain('an.nguyen');
  });

  it('sets the name an account prints as, and refuses an unknown account', () => {
    expect(runKioskCli(dataDir, ['staff', 'name', 'mai.tran', 'Trần Thị Mai Anh']).status).toBe(0);
    expect(listed()).toContainEqual({
      username: 'mai.tran',
      role: 'clerk',
      name: 'Trần Thị Mai Anh',
    });
    const unknown = runKioskCli(dataDir, ['staff', 'name', 'khong.co', 'Ai Đó'], {
      KIOSK_LOCALE: 'vi',
    });
    expect(unknown.status).toBe(4);
    expect(unknown.stderr).toContain('Không có tài khoản khong.co');
  });

  it('explains a bad username in Vietnamese', () => {
    const bad = runKioskCli(dataDir, ['staff', 'add', 'Mai Tran', '--role', 'clerk'], {
      KIOSK_STAFF_PASSWORD: PASSWORD,
      KIOSK_LOCALE: 'vi',
    });
    expect(bad.status).toBe(4);
    expect(bad.stderr).toContain('Tên đăng nhập gồm 3–40 chữ thường không dấu');
  });
});
