/**
 * `kiosk copies certify IN.pdf --out OUT.pdf --requester NAME [--document NAME]
 *   [--title CHỨC_DANH] [--certifier NAME] [--copies N] [--json]`: certifies
 * copies of an original PDF (lời chứng, number from the book, the token's
 * signature; PIN from KIOSK_SIGNING_PIN only). With N > 1 the copies are
 * written OUT-2.pdf, OUT-3.pdf… beside OUT.pdf.
 *
 * `kiosk copies book --from YYYY-MM-DD --to YYYY-MM-DD --out FILE [--csv]`:
 * the certification book of those days (Vietnam time, both included), as a
 * PDF, or as CSV (UTF-8 with BOM) with --csv.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { KioskError } from '../../api/errors';
import { copyBookCsv, renderCopyBook } from '../../services/certified-copies/copy-book-export';
import { CopyCertifier } from '../../services/certified-copies/copy-certifier';
import { loadConfig, resolveDataDir } from '../../services/config/config-file';
import { vnDayRange } from '../../services/forms/vn-day-range';
import { SigningError } from '../../services/signing/signing-errors';
import { TokenSigner } from '../../services/signing/token-signer';
import { DossierStore } from '../../services/store/dossier-store';
import { ExitCode, type CliIo } from '../cli-io';
import type { CliCommand } from '../command';
import { cliSigningSettings, reportSigningError } from './signing-cli';
import { openKioskStore } from '../../services/kiosk-store';

const usage = {
  vi: 'Cách dùng: KIOSK_SIGNING_PIN=… kiosk copies certify VÀO.pdf --out RA.pdf --requester HỌ_TÊN [--document TÊN_GIẤY_TỜ] [--title CHỨC_DANH] [--certifier HỌ_TÊN] [--copies N] [--json]\n           kiosk copies book --from YYYY-MM-DD --to YYYY-MM-DD --out TỆP [--csv]',
  en: 'Usage: KIOSK_SIGNING_PIN=… kiosk copies certify IN.pdf --out OUT.pdf --requester NAME [--document NAME] [--title TITLE] [--certifier NAME] [--copies N] [--json]\n       kiosk copies book --from YYYY-MM-DD --to YYYY-MM-DD --out FILE [--csv]',
};

function openStore(): { store: DossierStore; config: ReturnType<typeof loadConfig>['config'] } {
  const dataDir = resolveDataDir(process.env);
  const { config } = loadConfig(dataDir);
  const store = openKioskStore(dataDir, config, process.env);
  return { store, config };
}

/** Written beside and renamed, so a file is never half-written. */
function writeWhole(path: string, bytes: Uint8Array): void {
  writeFileSync(`${path}.part`, bytes);
  renameSync(`${path}.part`, path);
}

/** The option's trimmed text, or `fallback` when it is missing or blank. */
function orDefault(value: string | undefined, fallback: string): string {
  const text = value?.trim() ?? '';
  return text === '' ? fallback : text;
}

function copyPath(out: string, index: number): string {
  return index === 1 ? out : out.replace(/(\.pdf)?$/i, `-${String(index)}.pdf`);
}

async function certify(args: readonly string[], io: CliIo): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        requester: { type: 'string' },
        document: { type: 'string' },
        title: { type: 'string' },
        certifier: { type: 'string' },
        copies: { type: 'string' },
      },
    });
  } catch {
    parsed = null;
  }
  const input = parsed?.positionals[0];
  const values = parsed?.values;
  const copies = Number(values?.copies ?? '1');
  if (
    input === undefined ||
    values?.out === undefined ||
    values.requester === undefined ||
    values.requester.trim() === '' ||
    !Number.isInteger(copies) ||
    copies < 1 ||
    copies > 20
  ) {
    io.error(io.t(usage.vi, usage.en));
    return ExitCode.usage;
  }
  let original: Uint8Array;
  let pages: number;
  try {
    original = new Uint8Array(readFileSync(input));
    pages = (await PDFDocument.load(original, { updateMetadata: false })).getPageCount();
  } catch {
    io.error(
      io.t(
        `Không đọc được tệp PDF ${input}. Kiểm tra đường dẫn, hoặc quét lại bản chính thành PDF.`,
        `Cannot read the PDF ${input}.`,
      ),
    );
    return ExitCode.badInput;
  }
  const pin = process.env.KIOSK_SIGNING_PIN ?? '';
  const { store, config } = openStore();
  try {
    if (pin === '') throw new SigningError('SIGNING_PIN_REQUIRED', 'KIOSK_SIGNING_PIN is empty');
    const settings = cliSigningSettings();
    const certifier = new CopyCertifier({
      book: store.copyBook,
      openSigner: (p) => TokenSigner.open(settings, p),
      agencyName: config.agency.name,
      location: config.receipt.place,
    });
    const done = await certifier.certify(
      {
        original,
        pages,
        requesterName: values.requester.trim(),
        documentName: orDefault(values.document, basename(input).replace(/\.pdf$/i, '')),
        copies,
        certifierName: orDefault(values.certifier, userInfo().username),
        certifierTitle: orDefault(values.title, 'Người thực hiện chứng thực'),
      },
      pin,
      `cli:${userInfo().username}`,
    );
    const files = done.copies.map((c) => {
      const path = copyPath(values.out ?? '', c.copyIndex);
      writeWhole(path, c.pdf);
      return { number: c.number, book: c.book, fee: c.fee, sha256: c.sha256, file: path };
    });
    io.result({ ok: true, requestId: done.requestId, totalFee: done.totalFee, copies: files });
    for (const f of files)
      io.line(
        io.t(
          `Đã chứng thực: số ${String(f.number)}, quyển số ${f.book}, lệ phí ${String(f.fee)} đ → ${f.file}`,
          `Certified: number ${String(f.number)}, book ${f.book}, fee ${String(f.fee)} VND → ${f.file}`,
        ),
      );
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof SigningError) return reportSigningError(io, error);
    if (error instanceof KioskError) {
      io.result({ ok: false, error: { code: error.code, message: error.message } });
      io.error(`${error.message} [${error.code}]`);
      return ExitCode.badInput;
    }
    throw error;
  } finally {
    store.close();
  }
}

async function book(args: readonly string[], io: CliIo): Promise<ExitCode> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
        csv: { type: 'boolean' },
      },
    }));
  } catch {
    io.error(io.t(usage.vi, usage.en));
    return ExitCode.usage;
  }
  if (!values.from || !values.to || !values.out) {
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
  const { store, config } = openStore();
  try {
    const lines = store.copyBook.search(range, `cli:${userInfo().username}`);
    const now = Date.now();
    const bytes = values.csv
      ? copyBookCsv(lines)
      : await renderCopyBook(
          lines,
          {
            agencyName: config.agency.name,
            place: config.receipt.place,
            date: new Date(now),
            training: config.portal.trainingMode,
          },
          range,
          now,
          config.agency.code,
        );
    writeWhole(values.out, bytes);
    io.line(
      io.t(
        `Sổ chứng thực: ${String(lines.length)} bản sao → ${values.out}`,
        `Certification book: ${String(lines.length)} copies → ${values.out}`,
      ),
    );
    io.result({ copies: lines.length, out: values.out, format: values.csv ? 'csv' : 'pdf' });
    return ExitCode.ok;
  } finally {
    store.close();
  }
}

export const copiesCommand: CliCommand = {
  name: 'copies',
  summary: {
    vi: 'Chứng thực bản sao điện tử từ bản chính; in sổ chứng thực',
    en: 'Certify electronic copies from originals; print the certification book',
  },
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'certify') return certify(rest, io);
    if (sub === 'book') return book(rest, io);
    io.error(io.t(usage.vi, usage.en));
    return ExitCode.usage;
  },
};
