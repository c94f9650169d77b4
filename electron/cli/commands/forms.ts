/**
 * `kiosk forms book --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.pdf`: the
 * tracking book (Sổ theo dõi hồ sơ, Mẫu 06) of the dossiers received in
 * those days (Vietnam time, both included), as a PDF and beside it a CSV
 * (UTF-8 with BOM) that a spreadsheet opens.
 */
import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig, resolveDataDir } from '../../services/config/config-file';
import { renderTrackingBook } from '../../services/forms/render-tracking-book';
import { trackingBookCsv } from '../../services/forms/tracking-book-csv';
import { vnDayRange } from '../../services/forms/vn-day-range';
import { ExitCode } from '../cli-io';
import type { CliCommand } from '../command';
import { runNotice } from './forms-notice';
import { openKioskStore } from '../../services/kiosk-store';

const usage = {
  vi: 'Cách dùng: kiosk forms book --from YYYY-MM-DD --to YYYY-MM-DD --out TỆP.pdf',
  en: 'Usage: kiosk forms book --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.pdf',
};

export const formsCommand: CliCommand = {
  name: 'forms',
  summary: {
    vi: 'In các mẫu của Bộ phận Một cửa (sổ theo dõi – Mẫu 06; phiếu Mẫu 02/03/04, nhận bổ sung)',
    en: 'Print the one-stop forms (tracking book – form 06; notices 02/03/04, supplement received)',
  },
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'notice') return runNotice(rest, io);
    let values;
    try {
      ({ values } = parseArgs({
        args: rest,
        options: {
          from: { type: 'string' },
          to: { type: 'string' },
          out: { type: 'string' },
        },
      }));
    } catch {
      io.error(io.t(usage.vi, usage.en));
      return ExitCode.usage;
    }
    if (sub !== 'book' || !values.from || !values.to || !values.out) {
      io.error(io.t(usage.vi, usage.en));
      return ExitCode.usage;
    }
    const range = vnDayRange(values.from, values.to);
    if (range === null) {
      io.error(
        io.t(
          'Ngày không hợp lệ: --from và --to phải là ngày có thật dạng YYYY-MM-DD, --from không sau --to.',
          'Invalid dates: --from and --to must be real YYYY-MM-DD dates, --from not after --to.',
        ),
      );
      return ExitCode.badInput;
    }
    const { from, to } = range;
    const dataDir = resolveDataDir(process.env);
    const { config } = loadConfig(dataDir);
    const store = openKioskStore(dataDir, config, process.env);
    try {
      const now = Date.now();
      const lines = store.trackingBook(from, to, `cli:${userInfo().username}`);
      const pdf = await renderTrackingBook(
        lines,
        {
          agencyName: config.agency.name,
          place: config.receipt.place,
          date: new Date(now),
          training: config.portal.trainingMode,
        },
        { from, to },
        now,
        config.agency.code,
      );
      const csvPath = values.out.replace(/\.pdf$/i, '') + '.csv';
      writeFileSync(values.out, pdf);
      writeFileSync(csvPath, trackingBookCsv(lines, now));
      io.line(
        io.t(
          `Sổ theo dõi hồ sơ: ${String(lines.length)} hồ sơ → ${values.out} và ${csvPath}`,
          `Tracking book: ${String(lines.length)} dossiers → ${values.out} and ${csvPath}`,
        ),
      );
      io.result({ dossiers: lines.length, pdf: values.out, csv: csvPath });
      return ExitCode.ok;
    } finally {
      store.close();
    }
  },
};
