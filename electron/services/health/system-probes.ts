import { execFile } from 'node:child_process';
import { statfsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import type { HealthCheck, HealthProbe } from './health-check';

const require = createRequire(import.meta.url);

type Fix = NonNullable<HealthCheck['fix']>;
/** What a probe saw: English for the logs and `kiosk doctor --json`, Vietnamese for the screen. */
interface Seen {
  readonly en: string;
  readonly vi: string;
}
const result = (
  probe: Pick<HealthProbe, 'id' | 'kind'>,
  status: HealthCheck['status'],
  seen: Seen,
  fix?: Fix,
): HealthCheck => ({
  id: probe.id,
  kind: probe.kind,
  status,
  detail: seen.en,
  detailVi: seen.vi,
  ...(fix ? { fix } : {}),
});

/** Node 20.19+ is what the pinned toolchain (vite 8, eslint 10) needs. */
export function nodeVersionProbe(version = process.versions.node): HealthProbe {
  const probe = { id: 'node', kind: 'system' as const };
  return {
    ...probe,
    check: () => {
      const [major = 0, minor = 0] = version.split('.').map(Number);
      const ok = major > 20 || (major === 20 && minor >= 19);
      return Promise.resolve(
        ok
          ? result(probe, 'ok', { en: `Node ${version}`, vi: `Node.js phiên bản ${version}` })
          : result(
              probe,
              'fail',
              {
                en: `Node ${version} is older than 20.19`,
                vi: `Node.js ${version} cũ hơn phiên bản 20.19 cần có`,
              },
              {
                vi: 'Cài Node.js 20.19 trở lên rồi chạy lại npm install.',
                en: 'Install Node.js 20.19 or later, then run npm install again.',
              },
            ),
      );
    },
  };
}

export const nativeModules = ['better-sqlite3', 'pcsclite', 'node-hid', 'sharp'] as const;

/** Each native module must load in this runtime (ABI mismatches show up here). */
export function nativeModuleProbe(name: string): HealthProbe {
  const probe = { id: `native:${name}`, kind: 'system' as const };
  return {
    ...probe,
    check: () => {
      try {
        require(name);
        return Promise.resolve(
          result(probe, 'ok', {
            en: `${name} loads (ABI ${process.versions.modules})`,
            vi: `Mô-đun ${name} nạp được (ABI ${process.versions.modules})`,
          }),
        );
      } catch (error) {
        const reason =
          error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
        return Promise.resolve(
          result(
            probe,
            'fail',
            {
              en: `${name} does not load: ${reason}`,
              vi: `Mô-đun ${name} không nạp được. Lỗi hệ thống báo: ${reason}`,
            },
            {
              vi: `Chạy "npm rebuild ${name}" (cần g++, make${name === 'pcsclite' ? ', libpcsclite-dev' : ''}); với Electron: "npx electron-builder install-app-deps".`,
              en: `Run "npm rebuild ${name}" (needs g++, make${name === 'pcsclite' ? ', libpcsclite-dev' : ''}); for Electron: "npx electron-builder install-app-deps".`,
            },
          ),
        );
      }
    },
  };
}

/** pcscd answers on its Unix socket (also when systemd starts it on demand). */
export function pcscdProbe(
  socketPath = process.env.PCSCLITE_CSOCK_NAME ?? '/run/pcscd/pcscd.comm',
): HealthProbe {
  const probe = { id: 'pcscd', kind: 'device' as const };
  return {
    ...probe,
    check: () =>
      new Promise((resolve) => {
        const socket = connect(socketPath);
        const done = (check: HealthCheck) => {
          socket.destroy();
          resolve(check);
        };
        socket.setTimeout(2000, () => {
          done(
            result(
              probe,
              'fail',
              {
                en: `no answer on ${socketPath}`,
                vi: `Dịch vụ đầu đọc thẻ không trả lời trong 2 giây (pcscd, ${socketPath}).`,
              },
              pcscdFix,
            ),
          );
        });
        socket.once('connect', () => {
          done(
            result(probe, 'ok', {
              en: `pcscd listening on ${socketPath}`,
              vi: `Dịch vụ đầu đọc thẻ đang chạy (pcscd, ${socketPath}).`,
            }),
          );
        });
        socket.once('error', (error) => {
          done(
            result(
              probe,
              'fail',
              {
                en: `pcscd not reachable: ${error.message}`,
                vi: `Không kết nối được dịch vụ đầu đọc thẻ (pcscd). Lỗi hệ thống báo: ${error.message}`,
              },
              pcscdFix,
            ),
          );
        });
      }),
  };
}

const pcscdFix: Fix = {
  vi: 'Dịch vụ thẻ thông minh chưa chạy: "sudo apt-get install pcscd && sudo systemctl enable --now pcscd.socket".',
  en: 'The smart-card service is not running: "sudo apt-get install pcscd && sudo systemctl enable --now pcscd.socket".',
};

/** `scanimage -L` lists at least one scanner. */
export function sanePeersProbe(timeoutMs = 20_000): HealthProbe {
  const probe = { id: 'scanners', kind: 'device' as const };
  return {
    ...probe,
    check: () =>
      new Promise((resolve) => {
        execFile('scanimage', ['-L'], { timeout: timeoutMs }, (error, stdout) => {
          if (error && 'code' in error && error.code === 'ENOENT') {
            resolve(
              result(
                probe,
                'fail',
                {
                  en: 'scanimage not installed',
                  vi: 'Chưa cài công cụ máy quét SANE (scanimage).',
                },
                {
                  vi: 'Cài SANE: "sudo apt-get install sane-utils".',
                  en: 'Install SANE: "sudo apt-get install sane-utils".',
                },
              ),
            );
            return;
          }
          const devices = stdout.split('\n').filter((line) => line.startsWith('device `'));
          const names = devices.map((d) => d.split('`')[1]?.split("'")[0]).join(', ');
          resolve(
            devices.length > 0
              ? result(probe, 'ok', {
                  en: `${devices.length} scanner(s): ${names}`,
                  vi: `Có ${devices.length} máy quét: ${names}`,
                })
              : result(
                  probe,
                  'warn',
                  error
                    ? {
                        en: `scanimage -L failed: ${error.message}`,
                        vi: `Không liệt kê được máy quét. Lỗi hệ thống báo: ${error.message}`,
                      }
                    : { en: 'no scanner found', vi: 'Không thấy máy quét nào.' },
                  {
                    vi: 'Không thấy máy quét: kiểm tra cáp USB/mạng và nguồn, rồi bấm Kiểm tra lại.',
                    en: 'No scanner found: check the USB/network cable and power, then check again.',
                  },
                ),
          );
        });
      }),
  };
}

/**
 * CUPS knows at least one printer that is not disabled (`lpstat -p`). The
 * kiosk prints its receipts through the system's print dialog, so a missing
 * CUPS or a disabled queue means a citizen leaves without paper: the receipt
 * step sends them to the counter.
 */
export function printerProbe(timeoutMs = 5000): HealthProbe {
  const probe = { id: 'printer', kind: 'device' as const };
  const fix: Fix = {
    vi: 'Kiểm tra nguồn, cáp và giấy của máy in; cài và bật máy in trong CUPS (http://localhost:631).',
    en: 'Check the printer’s power, cable and paper; add and enable it in CUPS (http://localhost:631).',
  };
  return {
    ...probe,
    check: () =>
      new Promise((resolve) => {
        execFile('lpstat', ['-p'], { timeout: timeoutMs }, (error, stdout) => {
          if (error && 'code' in error && error.code === 'ENOENT') {
            resolve(
              result(
                probe,
                'fail',
                {
                  en: 'lpstat not installed (no CUPS)',
                  vi: 'Chưa cài dịch vụ in (CUPS, lệnh lpstat).',
                },
                {
                  vi: 'Chưa cài dịch vụ in CUPS: "sudo apt-get install cups", rồi cài máy in.',
                  en: 'CUPS is not installed: "sudo apt-get install cups", then add the printer.',
                },
              ),
            );
            return;
          }
          const printers = stdout.split('\n').filter((line) => line.startsWith('printer '));
          const ready = printers.filter((line) => !/\bdisabled\b/.test(line));
          resolve(
            ready.length > 0
              ? result(probe, 'ok', {
                  en: `${ready.length} printer(s) ready`,
                  vi: `Có ${ready.length} máy in sẵn sàng.`,
                })
              : result(
                  probe,
                  'fail',
                  printers.length > 0
                    ? {
                        en: 'every printer is disabled',
                        vi: 'Mọi máy in đều đang bị tắt trong CUPS.',
                      }
                    : { en: 'no printer in CUPS', vi: 'Không thấy máy in nào trong CUPS.' },
                  fix,
                ),
          );
        });
      }),
  };
}

/** Free space in the data folder: dossiers and scans must never fail to save. */
export function diskProbe(dataDir: string): HealthProbe {
  const probe = { id: 'disk', kind: 'system' as const };
  return {
    ...probe,
    check: () => {
      const stats = statfsSync(dataDir);
      const freeMb = Math.floor((stats.bavail * stats.bsize) / 1024 / 1024);
      const seen = {
        en: `${freeMb} MB free in ${dataDir}`,
        vi: `Còn trống ${freeMb} MB trong thư mục dữ liệu ${dataDir}`,
      };
      const fix: Fix = {
        vi: 'Ổ đĩa sắp đầy: đồng bộ các hồ sơ đang chờ và xoá tệp không cần thiết.',
        en: 'The disk is nearly full: sync the waiting dossiers and remove unneeded files.',
      };
      if (freeMb < 200) return Promise.resolve(result(probe, 'fail', seen, fix));
      if (freeMb < 1024) return Promise.resolve(result(probe, 'warn', seen, fix));
      return Promise.resolve(result(probe, 'ok', seen));
    },
  };
}

/** Any HTTP answer from the portal's base URL counts as reachable. */
export function portalProbe(url: string, trainingMode: boolean, timeoutMs = 3000): HealthProbe {
  const probe = { id: 'portal', kind: 'service' as const };
  return {
    ...probe,
    check: async () => {
      try {
        const response = await fetch(url, {
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'manual',
        });
        await response.body?.cancel();
        return result(probe, 'ok', {
          en: `${url} answered HTTP ${response.status}${trainingMode ? ' (training portal)' : ''}`,
          vi: `${trainingMode ? 'Cổng đào tạo' : 'Cổng Dịch vụ công'} trả lời (HTTP ${response.status}) tại ${url}`,
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return result(
          probe,
          'fail',
          {
            en: `${url} not reachable: ${reason}`,
            vi: `Không kết nối được ${trainingMode ? 'cổng đào tạo' : 'Cổng Dịch vụ công'} tại ${url}. Lỗi hệ thống báo: ${reason}`,
          },
          trainingMode
            ? {
                vi: 'Cổng đào tạo chưa chạy: "npm run portal-sim". Hồ sơ vẫn được lưu và sẽ đồng bộ sau.',
                en: 'The training portal is not running: "npm run portal-sim". Dossiers are still saved and will sync later.',
              }
            : {
                vi: 'Không kết nối được Cổng DVC: kiểm tra mạng. Hồ sơ vẫn được lưu và sẽ tự đồng bộ khi có mạng.',
                en: 'The portal is not reachable: check the network. Dossiers are still saved and sync when it returns.',
              },
        );
      }
    },
  };
}

/**
 * The machine-level checks that `kiosk doctor` and Diagnostics share; the
 * running app adds its device bridges' own probes beside them.
 */
export function systemProbes(
  dataDir: string,
  portal?: { url: string; trainingMode: boolean },
): HealthProbe[] {
  return [
    nodeVersionProbe(),
    ...nativeModules.map((name) => nativeModuleProbe(name)),
    diskProbe(dataDir),
    pcscdProbe(),
    sanePeersProbe(),
    printerProbe(),
    ...(portal ? [portalProbe(portal.url, portal.trainingMode)] : []),
  ];
}
