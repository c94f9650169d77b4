/**
 * `kiosk forms notice CODE --kind supplement|refused|apology|supplement-received
 * [--item TEXT]… [--reason TEXT] [--days N] [--staff NAME] --out FILE.pdf`:
 * Mẫu 02, 03, 04 or the supplement round from the command line, as the staff
 * screen issues them: the step is recorded and queued for the portal first,
 * then the form is signed with the configured token (PIN from
 * KIOSK_SIGNING_PIN) or written "Chưa ký số". Exit 4 with the reason when the
 * dossier is unknown, closed, not overdue, finished, or not waiting for a supplement.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { CounterNoticeSchema } from '../../api/contract/forms';
import { loadCalendar } from '../../services/calendar';
import { loadConfig, resolveDataDir } from '../../services/config/config-file';
import { issueCounterNotice } from '../../services/forms/counter-notice';
import { signOrMarkForm } from '../../services/forms/form-signing';
import { tokenSignerSettings } from '../../services/signing/token-signer';
import { StoreError } from '../../services/store/store-error';
import { ExitCode, type CliIo } from '../cli-io';
import { openKioskStore } from '../../services/kiosk-store';

const usage = {
  vi: 'Cách dùng: kiosk forms notice MÃ-HỒ-SƠ --kind supplement|refused|apology|supplement-received [--item NỘI-DUNG]… [--reason LÝ-DO] [--days N] [--staff TÊN] --out TỆP.pdf',
  en: 'Usage: kiosk forms notice CODE --kind supplement|refused|apology|supplement-received [--item TEXT]… [--reason TEXT] [--days N] [--staff NAME] --out FILE.pdf',
};

export async function runNotice(args: readonly string[], io: CliIo): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        kind: { type: 'string' },
        item: { type: 'string', multiple: true },
        reason: { type: 'string' },
        days: { type: 'string' },
        staff: { type: 'string' },
        out: { type: 'string' },
      },
    });
  } catch {
    io.error(io.t(usage.vi, usage.en));
    return ExitCode.usage;
  }
  const { values, positionals } = parsed;
  const [code] = positionals;
  if (code === undefined || positionals.length !== 1 || !values.kind || !values.out) {
    io.error(io.t(usage.vi, usage.en));
    return ExitCode.usage;
  }
  const items = values.item ?? [];
  const notice = CounterNoticeSchema.safeParse({
    kind: values.kind,
    query: code,
    reason: values.reason ?? '',
    ...(values.kind === 'supplement' ? { missing: items } : {}),
    ...(values.kind === 'supplement-received' ? { received: items } : {}),
    ...(values.kind === 'apology' || values.kind === 'supplement-received'
      ? { extraWorkingDays: Number(values.days) }
      : {}),
  });
  if (!notice.success) {
    io.error(
      io.t(
        'Thiếu hoặc sai thông tin phiếu: --kind supplement cần ít nhất một --item; refused và apology cần --reason; apology và supplement-received cần --days từ 1 đến 60.',
        'Missing or invalid notice details: supplement needs at least one --item; refused and apology need --reason; apology and supplement-received need --days from 1 to 60.',
      ),
    );
    return ExitCode.badInput;
  }
  const dataDir = resolveDataDir(process.env);
  const { config } = loadConfig(dataDir);
  const store = openKioskStore(dataDir, config, process.env);
  try {
    const file = config.calendar.adjustmentsFile;
    const calendar = loadCalendar({
      adjustmentsFile: file === '' ? undefined : resolve(dataDir, file),
    }).then((loaded) => loaded.calendar);
    const name = values.staff ?? userInfo().username;
    const issued = await issueCounterNotice(
      {
        store,
        forms: {
          agencyName: config.agency.name,
          unitName: `Bộ phận tiếp nhận và trả kết quả – ${config.agency.name}`,
          place: config.receipt.place,
          phone: config.receipt.phone,
          training: config.portal.trainingMode,
        },
        calendar,
        officeHours: config.calendar.officeHours,
      },
      notice.data,
      { actor: `cli:${userInfo().username}`, name },
    );
    const form = await signOrMarkForm(
      issued.pdf,
      { settings: tokenSignerSettings(config, process.env), place: config.receipt.place },
      process.env.KIOSK_SIGNING_PIN,
      'Phiếu của Bộ phận tiếp nhận và trả kết quả',
    );
    writeFileSync(values.out, form.pdf);
    io.line(
      io.t(
        `Đã ghi nhận phiếu cho hồ sơ ${issued.code} (trạng thái ${issued.status} đang chờ gửi lên Cổng) → ${values.out}${form.signed ? '' : ' (chưa ký số)'}`,
        `Notice recorded for ${issued.code} (status ${issued.status} queued for the portal) → ${values.out}${form.signed ? '' : ' (not digitally signed)'}`,
      ),
    );
    io.result({
      code: issued.code,
      status: issued.status,
      newDueAt: issued.newDueAt,
      out: values.out,
      signed: form.signed,
      signingProblem: form.problem,
    });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof StoreError) {
      io.error(io.t(error.vi, error.message));
      return ExitCode.badInput;
    }
    throw error;
  } finally {
    store.close();
  }
}
