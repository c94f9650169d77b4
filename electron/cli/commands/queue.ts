import { parseArgs } from 'node:util';
import { KioskError } from '../../api/errors';
import { loadConfig, resolveDataDir } from '../../services/config/config-file';
import { openKioskStore } from '../../services/kiosk-store';
import {
  priorityReasonNames,
  priorityReasons,
  type PriorityReason,
} from '../../services/queue/centre-queue-store';
import { openCentreQueue } from '../../services/queue/open-centre-queue';
import { StoreError } from '../../services/store/store-error';
import { ExitCode, type CliIo } from '../cli-io';
import type { CliCommand } from '../command';
import { printAppointments, printBooked } from './appointment-output';
import { isDay, vnNow } from '../../services/queue/appointments/appointment-rules';
import { printAreas, printCall, printStatus, printTicket, printTicketLine } from './queue-output';

/** Vietnamese words IT may type for a priority reason, beside the English keys. */
const priorityAliases: Readonly<Record<string, PriorityReason>> = {
  'cao-tuoi': 'elderly',
  'khuyet-tat': 'disability',
  'mang-thai': 'pregnant',
  'co-cong': 'merit',
};

const usage = {
  vi: `Cách dùng:
  kiosk queue take --area MÃ [--priority elderly|disability|pregnant|merit]
  kiosk queue call --counter SỐ          (gọi số tiếp theo; mã thoát 3 khi không còn ai chờ)
  kiosk queue recall|skip --counter SỐ
  kiosk queue serve --counter SỐ [--dossier MÃ-HỒ-SƠ]
  kiosk queue transfer --counter SỐ (--to-counter SỐ | --to-area MÃ)
  kiosk queue status | areas
  kiosk queue book --area MÃ --cccd 12-CHỮ-SỐ --date NĂM-THÁNG-NGÀY --time GIỜ:PHÚT [--initials N.V.A]
  kiosk queue appointments [--date NĂM-THÁNG-NGÀY]`,
  en: `Usage:
  kiosk queue take --area CODE [--priority elderly|disability|pregnant|merit]
  kiosk queue call --counter N          (calls the next ticket; exit code 3 when none waits)
  kiosk queue recall|skip --counter N
  kiosk queue serve --counter N [--dossier DOSSIER-CODE]
  kiosk queue transfer --counter N (--to-counter N | --to-area CODE)
  kiosk queue status | areas
  kiosk queue book --area CODE --cccd 12DIGITS --date YYYY-MM-DD --time HH:MM [--initials N.V.A]
  kiosk queue appointments [--date YYYY-MM-DD]`,
};

class UsageError extends Error {}

/**
 * `kiosk queue take|call|recall|skip|serve|transfer|status|areas`: the centre
 * queue on this machine's data folder, or the centre's shared PostgreSQL one
 * when KIOSK_CENTRE_DB (or centre.databaseUrl) names it. Several processes
 * may run at once (a ticket kiosk and counters): numbers never repeat.
 */
export const queueCommand: CliCommand = {
  name: 'queue',
  summary: {
    vi: 'Hàng đợi: lấy số, gọi số, tình trạng theo lĩnh vực',
    en: 'Queue: take a number, call the next, status per area',
  },
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          area: { type: 'string' },
          priority: { type: 'string' },
          counter: { type: 'string' },
          'to-counter': { type: 'string' },
          'to-area': { type: 'string' },
          dossier: { type: 'string' },
          cccd: { type: 'string' },
          date: { type: 'string' },
          time: { type: 'string' },
          initials: { type: 'string' },
        },
      });
    } catch (error) {
      io.error(error instanceof Error ? error.message : String(error));
      io.error(io.t(usage.vi, usage.en));
      return ExitCode.usage;
    }
    const { positionals, values } = parsed;
    const action = positionals[0];
    const opened = openFolder(io);
    if (typeof opened === 'number') return opened;
    const { config, store } = opened;
    let centreQueue;
    try {
      centreQueue = openCentreQueue({
        database: store.database,
        centre: config.centre,
        env: process.env,
        offlineNumbers: config.mode === 'kiosk',
      });
    } catch (error) {
      store.close();
      if (!(error instanceof StoreError)) throw error;
      io.error(io.t(error.vi, error.message));
      io.result({ error: { code: error.code, message: io.t(error.vi, error.message) } });
      return ExitCode.badInput;
    }
    const { queue } = centreQueue;
    try {
      switch (action) {
        case 'areas':
          printAreas(io, await queue.areas());
          return ExitCode.ok;
        case 'status':
          printStatus(io, await queue.status());
          return ExitCode.ok;
        case 'take': {
          if (values.area === undefined) throw new UsageError('--area');
          const priority = parsePriority(values.priority);
          printTicket(io, await queue.take({ area: values.area, priority }));
          return ExitCode.ok;
        }
        case 'call': {
          const counter = parseCounter(values.counter);
          const ticket = await queue.callNext(counter);
          printCall(io, counter, ticket, await queue.areas());
          return ticket === null ? ExitCode.unavailable : ExitCode.ok;
        }
        case 'recall':
          printTicketLine(io, 'recall', await queue.recall(parseCounter(values.counter)));
          return ExitCode.ok;
        case 'skip':
          printTicketLine(io, 'skip', await queue.skip(parseCounter(values.counter)));
          return ExitCode.ok;
        case 'serve': {
          const options = values.dossier === undefined ? {} : { dossierCode: values.dossier };
          printTicketLine(io, 'serve', await queue.serve(parseCounter(values.counter), options));
          return ExitCode.ok;
        }
        case 'transfer': {
          const counter = parseCounter(values.counter);
          const toArea = values['to-area'];
          const toCounter = values['to-counter'];
          if ((toArea === undefined) === (toCounter === undefined))
            throw new UsageError('--to-counter | --to-area');
          const to = toArea === undefined ? { counter: parseCounter(toCounter) } : { area: toArea };
          printTicketLine(io, 'transfer', await queue.transfer(counter, to));
          return ExitCode.ok;
        }
        case 'book': {
          const { area, cccd, date, time } = values;
          if (area === undefined || cccd === undefined || date === undefined || time === undefined)
            throw new UsageError('--area, --cccd, --date, --time');
          const input = { area, cccd, day: date, slot: time, initials: values.initials ?? null };
          printBooked(io, await centreQueue.appointments.book(input));
          return ExitCode.ok;
        }
        case 'appointments': {
          const day = values.date ?? vnNow(Date.now()).day;
          if (!isDay(day)) throw new UsageError('--date YYYY-MM-DD');
          printAppointments(io, day, await centreQueue.appointments.list(day));
          return ExitCode.ok;
        }
        default:
          throw new UsageError(action ?? '');
      }
    } catch (error) {
      if (error instanceof UsageError) {
        if (error.message !== '')
          io.error(io.t(`Thiếu hoặc sai: ${error.message}`, `Missing or wrong: ${error.message}`));
        io.error(io.t(usage.vi, usage.en));
        return ExitCode.usage;
      }
      if (error instanceof StoreError) {
        io.error(io.t(error.vi, error.message));
        io.result({ error: { code: error.code, message: io.t(error.vi, error.message) } });
        // Exit 3 already means "nobody waits"; a lost shared database is a failure to retry.
        return error.code === 'QUEUE_OFFLINE' ? ExitCode.failed : ExitCode.badInput;
      }
      if (error instanceof KioskError) {
        io.error(error.message);
        return ExitCode.badInput;
      }
      throw error;
    } finally {
      // Pending write-backs of offline tickets finish before the kiosk database closes.
      await centreQueue.close();
      store.close();
    }
  },
};

/**
 * The config and the store, or the exit code after saying why not: a broken
 * config.json (names the key, e.g. centre.areas.0.code) or a folder whose key
 * this process cannot open.
 */
function openFolder(io: CliIo) {
  const dataDir = resolveDataDir(process.env);
  try {
    const { config } = loadConfig(dataDir);
    return { config, store: openKioskStore(dataDir, config, process.env) };
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
    } else io.error(error instanceof StoreError ? io.t(error.vi, error.message) : error.message);
    io.result({ error: { code: error.code, message: error.message } });
    return ExitCode.badInput;
  }
}

/** `--priority` as a reason (English key or Vietnamese word), null when absent. */
function parsePriority(raw: string | undefined): PriorityReason | null {
  if (raw === undefined) return null;
  const key = raw.trim().toLowerCase();
  const reason = priorityReasons.find((r) => r === key) ?? priorityAliases[key];
  if (reason !== undefined) return reason;
  const list = priorityReasons.map((r) => `${r} (${priorityReasonNames[r]})`).join(', ');
  throw new StoreError(
    'QUEUE_INVALID',
    `Không có đối tượng ưu tiên "${raw}". Chọn một trong: ${list}.`,
    `No priority reason "${raw}". Choose one of: ${list}.`,
  );
}

/** A counter number as typed; the store says whether the centre has it. */
function parseCounter(raw: string | undefined): number {
  if (raw === undefined) throw new UsageError('--counter');
  const trimmed = raw.trim();
  if (!/^\d{1,3}$/.test(trimmed))
    throw new StoreError(
      'QUEUE_COUNTER_UNKNOWN',
      `Số quầy "${raw}" không hợp lệ: nhập một số nguyên, ví dụ --counter 2 (xem: kiosk queue areas).`,
      `Counter "${raw}" is not valid: give a whole number, e.g. --counter 2 (see: kiosk queue areas).`,
    );
  return Number(trimmed);
}
