import { parseArgs } from 'node:util';
import { KioskError } from '../../api/errors';
import { StaffAccounts, type StaffRole } from '../../services/auth/staff-accounts';
import { loadConfig, resolveDataDir } from '../../services/config/config-file';
import { ExitCode, type CliIo } from '../cli-io';
import { readSecret } from '../read-secret';
import type { CliCommand } from '../command';
import { openKioskStore } from '../../services/kiosk-store';

const roles: readonly StaffRole[] = ['clerk', 'admin', 'it'];

/**
 * The new account's password: KIOSK_STAFF_PASSWORD for scripts, else asked
 * twice on the terminal without echo (never an argument: it would show in
 * `ps` and the shell history), else the first line of piped input.
 */
async function newPassword(io: CliIo, username: string): Promise<string | undefined> {
  const fromEnv = process.env.KIOSK_STAFF_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const first = await readSecret(
    io.t(`Mật khẩu cho ${username} (không hiện khi gõ): `, `Password for ${username} (hidden): `),
  );
  if (first === undefined || !process.stdin.isTTY) return first;
  const again = await readSecret(io.t('Nhập lại mật khẩu: ', 'Type the password again: '));
  if (again === first) return first;
  io.error(
    io.t(
      'Hai lần nhập mật khẩu không khớp; chưa tạo tài khoản. Hãy chạy lại lệnh.',
      'The two passwords differ; no account was created. Run the command again.',
    ),
  );
  return undefined;
}

/**
 * `kiosk staff add USERNAME --role clerk|admin|it [--name "Họ tên"]`,
 * `kiosk staff name USERNAME "Họ tên"` (the name receipts print as the
 * receiving officer), `kiosk staff list`.
 */
export const staffCommand: CliCommand = {
  name: 'staff',
  summary: { vi: 'Tài khoản cán bộ (thêm, liệt kê)', en: 'Staff accounts (add, list)' },
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { role: { type: 'string', default: 'clerk' }, name: { type: 'string' } },
    });
    const [action, username] = positionals;
    const dataDir = resolveDataDir(process.env);
    const { config } = loadConfig(dataDir);
    const store = openKioskStore(dataDir, config, process.env);
    try {
      const accounts = new StaffAccounts(store.database);
      if (action === 'list') {
        const list = accounts.list().map((a) => ({ ...a, name: store.staffName(a.id) }));
        io.result(list.map(({ username: user, role, name }) => ({ username: user, role, name })));
        for (const a of list)
          io.line(`${a.username.padEnd(20)} ${a.role.padEnd(6)} ${a.name ?? ''}`);
        return ExitCode.ok;
      }
      if (action === 'name' && username !== undefined && positionals[2] !== undefined) {
        const account = accounts.find(username);
        if (account === undefined || !store.setStaffName(account.id, positionals[2])) {
          io.error(io.t(`Không có tài khoản ${username}.`, `No account ${username}.`));
          return ExitCode.badInput;
        }
        io.line(io.t(`Đã đặt tên hiển thị cho ${username}.`, `Display name set for ${username}.`));
        return ExitCode.ok;
      }
      if (action === 'add' && username !== undefined) {
        const role = values.role as StaffRole;
        if (!roles.includes(role)) {
          io.error(
            io.t(
              `Vai trò phải là một trong: ${roles.join(', ')}`,
              `Role must be one of: ${roles.join(', ')}`,
            ),
          );
          return ExitCode.usage;
        }
        const password = await newPassword(io, username);
        if (password === undefined) return ExitCode.failed;
        const account = await accounts.create(username, role, password);
        if (values.name !== undefined) store.setStaffName(account.id, values.name);
        io.result({ username: account.username, role: account.role });
        io.line(
          io.t(
            `Đã tạo tài khoản ${account.username} (${account.role}).`,
            `Created ${account.username} (${account.role}).`,
          ),
        );
        return ExitCode.ok;
      }
      io.error(
        io.t(
          'Cách dùng: kiosk staff add TÊN-ĐĂNG-NHẬP --role clerk|admin|it [--name "Họ tên"] | kiosk staff name TÊN-ĐĂNG-NHẬP "Họ tên" | kiosk staff list',
          'Usage: kiosk staff add USERNAME --role clerk|admin|it [--name "Full name"] | kiosk staff name USERNAME "Full name" | kiosk staff list',
        ),
      );
      return ExitCode.usage;
    } catch (error) {
      if (error instanceof KioskError) {
        io.error(error.message);
        return ExitCode.badInput;
      }
      throw error;
    } finally {
      store.close();
    }
  },
};
