import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { KioskError } from '../../api/errors';
import { StaffAccounts, type StaffRole } from '../../services/auth/staff-accounts';
import { loadConfig, resolveDataDir } from '../../services/config/config-file';
import { kioskMigrations } from '../../services/kiosk-migrations';
import { DossierStore } from '../../services/store/dossier-store';
import { ExitCode } from '../cli-io';
import type { CliCommand } from '../command';

const roles: readonly StaffRole[] = ['clerk', 'admin', 'it'];

/**
 * `kiosk staff add USERNAME --role clerk|admin|it` (password from
 * KIOSK_STAFF_PASSWORD or the first line of stdin, never an argument that
 * shows in `ps`), `kiosk staff list`.
 */
export const staffCommand: CliCommand = {
  name: 'staff',
  summary: { vi: 'Tài khoản cán bộ (thêm, liệt kê)', en: 'Staff accounts (add, list)' },
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { role: { type: 'string', default: 'clerk' } },
    });
    const [action, username] = positionals;
    const dataDir = resolveDataDir(process.env);
    const { config } = loadConfig(dataDir);
    const store = DossierStore.open({
      dataDir,
      agencyCode: config.agency.code,
      migrations: kioskMigrations,
    });
    try {
      const accounts = new StaffAccounts(store.database);
      if (action === 'list') {
        const list = accounts.list();
        io.result(list.map(({ username: name, role }) => ({ username: name, role })));
        for (const a of list) io.line(`${a.username.padEnd(20)} ${a.role}`);
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
        const password =
          process.env.KIOSK_STAFF_PASSWORD ?? readFileSync(0, 'utf8').split('\n')[0] ?? '';
        const account = await accounts.create(username, role, password);
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
          'Cách dùng: kiosk staff add TÊN --role clerk|admin|it | kiosk staff list',
          'Usage: kiosk staff add NAME --role clerk|admin|it | kiosk staff list',
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
