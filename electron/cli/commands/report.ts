import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { KioskError } from '../../api/errors';
import { loadConfig, resolveDataDir } from '../../services/config/config-file';
import { openKioskStore } from '../../services/kiosk-store';
import { queueDay } from '../../services/queue/queue-rules';
import { checkReportRange } from '../../services/queue/reports/centre-report';
import { reportCsv } from '../../services/queue/reports/report-csv';
import { openCentreQueue } from '../../services/queue/open-centre-queue';
import { readCentreReport } from '../../services/queue/reports/read-centre-report';
import { StoreError } from '../../services/store/store-error';
import { ExitCode, type CliIo } from '../cli-io';
import type { CliCommand } from '../command';
import { printReport } from './report-output';

const usage = {
  vi: `Cách dùng:
  kiosk report centre [--from NĂM-THÁNG-NGÀY] [--to NĂM-THÁNG-NGÀY] [--json | --out TỆP.csv|TỆP.json]
  (mặc định: hôm nay; ví dụ: kiosk report centre --from 2026-12-01 --to 2026-12-31 --out thang12.csv)`,
  en: `Usage:
  kiosk report centre [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json | --out FILE.csv|FILE.json]
  (default: today; e.g. kiosk report centre --from 2026-12-01 --to 2026-12-31 --out december.csv)`,
};

/**
 * Written whole under a private name, flushed, then renamed over FILE, so a
 * spreadsheet opening FILE never sees half a report.
 */
function writeAtomically(path: string, text: string): void {
  const part = `${path}.${process.pid}.part`;
  try {
    const fd = openSync(part, 'w', 0o644);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(part, path);
  } catch (error) {
    rmSync(part, { force: true });
    throw error;
  }
}

/**
 * `kiosk report centre`: the centre's QĐ 766 figures (tickets per area,
 * waiting and service times, no-shows, satisfaction per counter and clerk)
 * for a range of Vietnam days, from the store that holds the centre's
 * tickets: the shared PostgreSQL (KIOSK_CENTRE_DB / centre.databaseUrl), else
 * this machine's data folder.
 */
export const reportCommand: CliCommand = {
  name: 'report',
  summary: {
    vi: 'Báo cáo trung tâm: số thứ tự, thời gian chờ, mức độ hài lòng (QĐ 766)',
    en: 'Centre report: tickets, waiting times, satisfaction (QĐ 766)',
  },
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          from: { type: 'string' },
          to: { type: 'string' },
          out: { type: 'string' },
        },
      });
    } catch (error) {
      io.error(error instanceof Error ? error.message : String(error));
      io.error(io.t(usage.vi, usage.en));
      return ExitCode.usage;
    }
    const { positionals, values } = parsed;
    if (positionals[0] !== 'centre' || positionals.length !== 1) {
      io.error(io.t(usage.vi, usage.en));
      return ExitCode.usage;
    }
    const today = queueDay(Date.now());
    const from = values.from?.trim() ?? values.to?.trim() ?? today;
    const to = values.to?.trim() ?? values.from?.trim() ?? today;
    try {
      checkReportRange(from, to);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      io.error(io.t(error.vi, error.message));
      io.error(io.t(usage.vi, usage.en));
      return ExitCode.usage;
    }
    const report = await readReport(io, from, to);
    if (typeof report === 'number') return report;
    if (values.out === undefined) {
      printReport(io, report);
      return ExitCode.ok;
    }
    const asJson = values.out.toLowerCase().endsWith('.json');
    try {
      writeAtomically(
        values.out,
        asJson ? `${JSON.stringify(report, null, 2)}\n` : reportCsv(report),
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      io.error(
        io.t(
          `Không ghi được tệp ${values.out} (${reason}). Kiểm tra thư mục có tồn tại và được phép ghi, rồi chạy lại.`,
          `Could not write ${values.out} (${reason}). Check the folder exists and is writable, then run again.`,
        ),
      );
      return ExitCode.failed;
    }
    io.result({ out: values.out, format: asJson ? 'json' : 'csv' });
    io.line(
      io.t(
        `Đã ghi báo cáo từ ${from} đến ${to} vào ${values.out}.`,
        `Wrote the report from ${from} to ${to} to ${values.out}.`,
      ),
    );
    return ExitCode.ok;
  },
};

/** The report from the data folder, or the exit code after saying why not. */
async function readReport(io: CliIo, from: string, to: string) {
  const dataDir = resolveDataDir(process.env);
  try {
    const { config } = loadConfig(dataDir);
    const store = openKioskStore(dataDir, config, process.env);
    try {
      const centre = openCentreQueue({
        database: store.database,
        centre: config.centre,
        env: process.env,
        offlineNumbers: false,
      });
      try {
        return await readCentreReport(centre.reportFacts, config.centre.areas, { from, to });
      } finally {
        await centre.close();
      }
    } finally {
      store.close();
    }
  } catch (error) {
    if (!(error instanceof KioskError)) throw error;
    if (error.code === 'CONFIG_INVALID') {
      const keys = (error.issues ?? []).map((i) => `${i.path}: ${i.message}`).join('; ');
      io.error(
        io.t(
          `Tệp cấu hình config.json trong ${dataDir} chưa hợp lệ (${keys}). Sửa khóa đó rồi chạy lại lệnh.`,
          `config.json in ${dataDir} is not valid (${keys}). Fix that key and run the command again.`,
        ),
      );
    } else if (error.code === 'QUEUE_OFFLINE') {
      // The shared database is away: a failure to retry, as `kiosk queue` says it.
      io.error(error instanceof StoreError ? io.t(error.vi, error.message) : error.message);
      io.result({ error: { code: error.code, message: error.message } });
      return ExitCode.failed;
    } else io.error(error instanceof StoreError ? io.t(error.vi, error.message) : error.message);
    io.result({ error: { code: error.code, message: error.message } });
    return ExitCode.badInput;
  }
}
