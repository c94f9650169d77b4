import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Procedure, ProcedureSummary } from '../../api/contract/procedure';
import { PROCEDURE_CODE } from '../../api/contract/procedure';
import { errorMessages } from '../../api/error-messages';
import { KioskError } from '../../api/errors';
import { ProcedureCatalogue } from '../../services/catalogue/procedure-catalogue';
import { loadConfig, resolveDataDir } from '../../services/config/config-file';
import { DossierStore } from '../../services/store/dossier-store';
import { ExitCode, type CliIo } from '../cli-io';
import type { CliCommand } from '../command';
import { openKioskStore } from '../../services/kiosk-store';

const usage = {
  vi: 'Cách dùng: kiosk catalogue import TỆP.json [--dry-run] | search "TỪ KHÓA" [--limit N] | show MÃ-THỦ-TỤC',
  en: 'Usage: kiosk catalogue import FILE.json [--dry-run] | search "QUERY" [--limit N] | show PROCEDURE-CODE',
};

/** The kiosk database (KIOSK_DATA_DIR; KIOSK_AGENCY_CODE overrides the config's agency). */
function openStore(env: NodeJS.ProcessEnv): DossierStore {
  const dataDir = resolveDataDir(env);
  return openKioskStore(dataDir, loadConfig(dataDir).config, env);
}

function withCatalogue<T>(run: (catalogue: ProcedureCatalogue) => T): T {
  const store = openStore(process.env);
  try {
    return run(ProcedureCatalogue.open(store.database));
  } finally {
    store.close();
  }
}

function days(io: CliIo, p: Pick<Procedure, 'processingDays'>): string {
  return p.processingDays === 0
    ? io.t('trong ngày', 'same day')
    : io.t(`${p.processingDays} ngày làm việc`, `${p.processingDays} working days`);
}

function unconfirmed(io: CliIo, keys: readonly string[]): string {
  return keys.length === 0 ? '' : `  (${io.t('chưa xác nhận', 'unconfirmed')}: ${keys.join(', ')})`;
}

function summaryLine(io: CliIo, p: ProcedureSummary): string {
  return `${p.code}  ${p.name}  [${p.fieldName ?? '—'}]  ${days(io, p)}${unconfirmed(io, p.unconfirmed)}`;
}

function runImport(args: readonly string[], io: CliIo): ExitCode {
  const { positionals, values } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (file === undefined) {
    io.error(io.t(usage.vi, usage.en));
    return ExitCode.usage;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.error(io.t(`Không đọc được tệp ${file}: ${reason}`, `Cannot read ${file}: ${reason}`));
    return ExitCode.badInput;
  }
  const dryRun = values['dry-run'];
  const result = withCatalogue((c) => ({
    ...c.import(text, basename(file), { dryRun }),
    total: c.count(),
  }));
  io.result(result);
  io.line(
    dryRun
      ? io.t(
          `Chạy thử (không ghi gì): sẽ thêm ${result.added}, cập nhật ${result.updated}, bỏ qua ${result.skipped.length} thủ tục.`,
          `Dry run (nothing written): would add ${result.added}, update ${result.updated}, skip ${result.skipped.length} procedure(s).`,
        )
      : io.t(
          `Đã thêm ${result.added}, cập nhật ${result.updated}, bỏ qua ${result.skipped.length} thủ tục; danh mục có ${result.total} thủ tục.`,
          `Added ${result.added}, updated ${result.updated}, skipped ${result.skipped.length} procedure(s); the catalogue holds ${result.total}.`,
        ),
  );
  for (const s of result.skipped)
    io.line(`  ${io.t('Bỏ qua', 'Skipped')} ${s.code} ${s.name}: ${s.reason}`);
  return ExitCode.ok;
}

function runSearch(args: readonly string[], io: CliIo): ExitCode {
  const { positionals, values } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { limit: { type: 'string', default: '20' } },
  });
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    io.error(io.t(usage.vi, usage.en));
    return ExitCode.usage;
  }
  const found = withCatalogue((c) => c.search(positionals.join(' '), limit));
  io.result(found);
  for (const p of found.procedures) io.line(summaryLine(io, p));
  io.line(
    io.t(
      `${found.total} thủ tục phù hợp; hiện ${found.procedures.length}.`,
      `${found.total} matching procedure(s); showing ${found.procedures.length}.`,
    ),
  );
  return ExitCode.ok;
}

function printProcedure(io: CliIo, p: Procedure): void {
  io.line(`${p.code}  ${p.name}`);
  io.line(
    `  ${io.t('Lĩnh vực', 'Field')}: ${p.fieldName ?? '—'}   ${io.t('Cơ quan', 'Agency')}: ${p.agency || '—'}`,
  );
  const cutoff =
    p.sameDayCutoff === null
      ? ''
      : io.t(
          ` (nhận sau ${p.sameDayCutoff}: ngày làm việc tiếp theo)`,
          ` (after ${p.sameDayCutoff}: next working day)`,
        );
  io.line(`  ${io.t('Thời hạn', 'Time limit')}: ${days(io, p)}${cutoff}`);
  for (const fee of p.fees)
    io.line(
      `  ${io.t('Phí, lệ phí', 'Fee')}: ${fee.amount.toLocaleString('vi-VN')} đ — ${fee.description}`,
    );
  if (p.fees.length === 0) io.line(`  ${io.t('Phí, lệ phí', 'Fee')}: —`);
  io.line(`  ${io.t('Thành phần hồ sơ', 'Documents')}:`);
  for (const c of p.components) {
    const need = c.required ? io.t('bắt buộc', 'required') : io.t('nếu có', 'if applicable');
    io.line(
      `    [${c.code}] ${c.name} — ${io.t(`${c.originals} bản chính, ${c.copies} bản sao`, `${c.originals} original(s), ${c.copies} copy(ies)`)}; ${need}`,
    );
  }
  io.line(`  ${io.t('Tờ khai', 'E-form')}:`);
  for (const f of p.form.fields) {
    const fill = f.fill === null ? '' : io.t(` ← CCCD: ${f.fill}`, ` ← ID card: ${f.fill}`);
    io.line(`    ${f.key}  ${io.t(f.label.vi, f.label.en)}${f.required ? ' *' : ''}${fill}`);
  }
  if (p.unconfirmed.length > 0)
    io.line(`  ${io.t('Chưa xác nhận', 'Unconfirmed')}: ${p.unconfirmed.join(', ')}`);
  io.line(`  ${io.t('Nguồn', 'Source')}: ${p.source}, ${p.updatedAt}`);
}

function runShow(args: readonly string[], io: CliIo): ExitCode {
  const code = args[0];
  if (code === undefined || !PROCEDURE_CODE.test(code)) {
    io.error(io.t(usage.vi, usage.en));
    return ExitCode.usage;
  }
  const procedure = withCatalogue((c) => c.get(code));
  if (procedure === undefined) {
    throw new KioskError('PROCEDURE_NOT_FOUND', `Procedure ${code} is not in the catalogue`);
  }
  io.result(procedure);
  printProcedure(io, procedure);
  return ExitCode.ok;
}

const badInput: readonly string[] = ['CATALOGUE_INVALID', 'PROCEDURE_NOT_FOUND'];

/** `kiosk catalogue import|search|show`: the procedure catalogue from the command line. */
export const catalogueCommand: CliCommand = {
  name: 'catalogue',
  summary: {
    vi: 'Danh mục thủ tục hành chính (nhập LayThuTuc, tìm, xem)',
    en: 'Administrative procedure catalogue (import LayThuTuc, search, show)',
  },
  run(args, io) {
    const [sub, ...rest] = args;
    try {
      if (sub === 'import') return Promise.resolve(runImport(rest, io));
      if (sub === 'search') return Promise.resolve(runSearch(rest, io));
      if (sub === 'show') return Promise.resolve(runShow(rest, io));
      io.error(io.t(usage.vi, usage.en));
      return Promise.resolve(ExitCode.usage);
    } catch (error) {
      if (!(error instanceof KioskError)) throw error;
      const text = errorMessages[error.code];
      io.error(io.t(text.vi, text.en));
      io.error(error.message);
      for (const i of error.issues ?? []) io.error(`  ${i.path}: ${i.message}`);
      io.result({ error: error.toApiError() });
      return Promise.resolve(badInput.includes(error.code) ? ExitCode.badInput : ExitCode.failed);
    }
  },
};
