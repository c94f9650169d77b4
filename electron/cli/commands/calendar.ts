import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { KioskError } from '../../api/errors';
import type { DayOff, LoadedCalendar } from '../../services/calendar';
import { DEFAULT_OFFICE_HOURS, dueDate, loadCalendar } from '../../services/calendar';
import { fromVnLocal, minutesOf, vnLocal, weekday } from '../../services/calendar/civil-date';
import type { OfficeHours } from '../../services/calendar';
import { loadConfig, resolveDataDir } from '../../services/config/config-file';
import type { CliIo } from '../cli-io';
import { ExitCode } from '../cli-io';
import type { CliCommand } from '../command';

/**
 * `kiosk calendar holidays YEAR` lists the year's days off (holidays, nghỉ
 * bù, swaps) and the weekend days worked; `kiosk calendar due --from
 * YYYY-MM-DDTHH:MM --days N [--cutoff HH:MM]` prints the appointment date.
 * Times are Vietnam local time. The adjustments file is the config's
 * `calendar.adjustmentsFile` unless `--adjustments FILE` is given.
 */
const USAGE_VI =
  'Cách dùng: kiosk calendar holidays NĂM [--adjustments TỆP]\n' +
  '           kiosk calendar due --from YYYY-MM-DDTHH:MM --days N [--cutoff HH:MM] [--adjustments TỆP]';
const USAGE_EN =
  'Usage: kiosk calendar holidays YEAR [--adjustments FILE]\n' +
  '       kiosk calendar due --from YYYY-MM-DDTHH:MM --days N [--cutoff HH:MM] [--adjustments FILE]';

const WEEKDAYS = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
} as const;

function dayLabel(io: CliIo, date: string): string {
  const [y = '', m = '', d = ''] = date.split('-');
  return `${WEEKDAYS[io.locale][weekday(date)] ?? ''} ${d}/${m}/${y}`;
}

const KIND = {
  holiday: { vi: 'lễ, tết', en: 'holiday' },
  compensatory: { vi: 'nghỉ bù', en: 'in lieu' },
  swap: { vi: 'hoán đổi', en: 'swapped' },
} as const;

interface Settings {
  readonly adjustmentsFile: string;
  readonly officeHours: OfficeHours;
}

/** The config's calendar keys; a broken config is reported and the defaults used. */
function settings(io: CliIo, override: string | undefined): Settings {
  try {
    const dataDir = resolveDataDir(process.env);
    const { config } = loadConfig(dataDir);
    const configured = config.calendar.adjustmentsFile;
    return {
      // As the app does: a relative path in config.json is under the data folder.
      adjustmentsFile: override ?? (configured === '' ? '' : resolve(dataDir, configured)),
      officeHours: config.calendar.officeHours,
    };
  } catch (err) {
    const detail = err instanceof KioskError ? err.message : String(err);
    io.error(
      io.t(
        `Cấu hình lỗi (${detail}); dùng giờ làm việc mặc định.`,
        `Configuration is invalid (${detail}); using the default office hours.`,
      ),
    );
    return { adjustmentsFile: override ?? '', officeHours: DEFAULT_OFFICE_HOURS };
  }
}

function reportAdjustments(io: CliIo, loaded: LoadedCalendar): void {
  if (loaded.error !== null) io.error(io.t(loaded.error.vi, loaded.error.en));
}

export const calendarCommand: CliCommand = {
  name: 'calendar',
  summary: {
    vi: 'Lịch ngày làm việc: ngày nghỉ trong năm, ngày hẹn trả kết quả',
    en: 'Working-day calendar: days off in a year, appointment date',
  },
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        options: {
          from: { type: 'string' },
          days: { type: 'string' },
          cutoff: { type: 'string' },
          adjustments: { type: 'string' },
        },
        allowPositionals: true,
        strict: true,
      });
    } catch {
      io.error(io.t(USAGE_VI, USAGE_EN));
      return ExitCode.usage;
    }
    const [sub, arg] = parsed.positionals;
    const { from, days, cutoff, adjustments } = parsed.values;

    if (
      sub === 'holidays' &&
      arg !== undefined &&
      /^\d{4}$/.test(arg) &&
      parsed.positionals.length === 2
    ) {
      const year = Number(arg);
      const loaded = await loadCalendar({
        adjustmentsFile: settings(io, adjustments).adjustmentsFile,
      });
      reportAdjustments(io, loaded);
      const daysOff = loaded.calendar.daysOff(year);
      const workdays = loaded.calendar.extraWorkdays(year);
      io.result({
        year,
        daysOff,
        workdays,
        adjustmentsError:
          loaded.error === null ? null : { vi: loaded.error.vi, en: loaded.error.en },
      });
      io.line(
        io.t(
          `Ngày nghỉ năm ${arg} (ngoài thứ Bảy, Chủ nhật):`,
          `Days off in ${arg} (besides weekends):`,
        ),
      );
      for (const d of daysOff) io.line(`  ${dayLabel(io, d.date)}  ${describe(io, d)}`);
      if (workdays.length > 0) {
        io.line(
          io.t('Ngày nghỉ hằng tuần phải đi làm (hoán đổi):', 'Weekend days worked (swaps):'),
        );
        for (const w of workdays) io.line(`  ${dayLabel(io, w.date)}  [${w.source}]`);
      }
      return ExitCode.ok;
    }

    if (
      sub === 'due' &&
      parsed.positionals.length === 1 &&
      from !== undefined &&
      days !== undefined
    ) {
      const at = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(from);
      const n = /^\d{1,4}$/.test(days) ? Number(days) : NaN;
      let receivedAt: Date;
      let sameDayCutoff: string | null;
      try {
        if (at?.[1] === undefined || at[2] === undefined || Number.isNaN(n))
          throw new RangeError('bad input');
        receivedAt = fromVnLocal(at[1], minutesOf(at[2]));
        if (vnLocal(receivedAt).date !== at[1]) throw new RangeError('bad date');
        sameDayCutoff = cutoff ?? null;
        if (sameDayCutoff !== null) minutesOf(sameDayCutoff);
      } catch {
        io.error(
          io.t(
            `Tham số không hợp lệ. Ví dụ: --from 2026-04-29T10:00 --days 3 --cutoff 15:00\n${USAGE_VI}`,
            `Invalid arguments. Example: --from 2026-04-29T10:00 --days 3 --cutoff 15:00\n${USAGE_EN}`,
          ),
        );
        return ExitCode.usage;
      }
      const s = settings(io, adjustments);
      const loaded = await loadCalendar({ adjustmentsFile: s.adjustmentsFile });
      reportAdjustments(io, loaded);
      const due = dueDate(
        receivedAt,
        { processingDays: n, sameDayCutoff },
        loaded.calendar,
        s.officeHours,
      );
      const local = vnLocal(due);
      const hhmm = `${String(Math.floor(local.minutes / 60)).padStart(2, '0')}:${String(local.minutes % 60).padStart(2, '0')}`;
      io.result({
        receivedAt: receivedAt.toISOString(),
        processingDays: n,
        sameDayCutoff,
        dueAt: due.toISOString(),
        dueLocal: `${local.date}T${hhmm}`,
        adjustmentsError:
          loaded.error === null ? null : { vi: loaded.error.vi, en: loaded.error.en },
      });
      const received = vnLocal(receivedAt);
      io.line(
        io.t(
          `Nhận hồ sơ: ${from.slice(11)} ${dayLabel(io, received.date)}; thời hạn ${String(n)} ngày làm việc`,
          `Received: ${from.slice(11)} ${dayLabel(io, received.date)}; time limit ${String(n)} working days`,
        ),
      );
      io.line(
        io.t(
          `Hẹn trả kết quả: ${hhmm} ${dayLabel(io, local.date)} (giờ Việt Nam)`,
          `Appointment: ${hhmm} ${dayLabel(io, local.date)} (Vietnam time)`,
        ),
      );
      return ExitCode.ok;
    }

    io.error(io.t(USAGE_VI, USAGE_EN));
    return ExitCode.usage;
  },
};

function describe(io: CliIo, d: DayOff): string {
  return `${io.t(d.name.vi, d.name.en)} (${io.t(KIND[d.kind].vi, KIND[d.kind].en)}) [${d.source}]`;
}
