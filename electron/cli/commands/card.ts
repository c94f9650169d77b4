import { parseArgs } from 'node:util';
import { cardGenerationLabel } from '../../api/contract/card-generation-label';
import {
  CitizenError,
  parseCccdQr,
  sexLabel,
  type Citizen,
} from '../../../native/smartcard/citizen';
import { CardError, cardErrors } from '../../../native/smartcard/errors';
import { MrzError } from '../../../native/smartcard/mrz';
import { loadTrustStore } from '../../../native/smartcard/passive-auth';
import { PcscBridge } from '../../../native/smartcard/pcsc/pcsc-bridge';
import type { AccessInput } from '../../../native/smartcard/reader/access-key';
import { CccdReader } from '../../../native/smartcard/reader/cccd-reader';
import { identityFromFiles, type CardIdentity } from '../../services/card/card-identity';
import { ExitCode, type CliIo } from '../cli-io';
import type { CliCommand } from '../command';

const USAGE_VI = `Cách dùng:
  kiosk card readers
  kiosk card read (--mrz "<3 dòng>" | --doc SỐ --dob YYMMDD --expiry YYMMDD | --can NNNNNN) [--trust THƯ_MỤC] [--reader TÊN]
  kiosk card qr "<nội dung QR>"`;
const USAGE_EN = `Usage:
  kiosk card readers
  kiosk card read (--mrz "<3 lines>" | --doc N --dob YYMMDD --expiry YYMMDD | --can NNNNNN) [--trust DIR] [--reader NAME]
  kiosk card qr "<QR text>"`;

function exitFor(error: CardError): ExitCode {
  switch (error.code) {
    case 'PCSCD_DOWN':
    case 'NO_READER':
    case 'NO_CARD':
    case 'CARD_REMOVED':
    case 'TRANSPORT':
      return ExitCode.unavailable;
    case 'ACCESS_DENIED':
    case 'BAD_ACCESS_DATA':
      return ExitCode.badInput;
    default:
      return ExitCode.failed;
  }
}

/** Prints a typed error (vi/en) and returns its exit code; rethrows anything untyped. */
function report(io: CliIo, error: unknown): ExitCode {
  if (error instanceof CardError || error instanceof MrzError || error instanceof CitizenError) {
    io.error(io.t(error.vi, error.en));
    const code = 'code' in error ? error.code : 'ERROR';
    io.result({ ok: false, error: { code, vi: error.vi, en: error.en } });
    if (error instanceof CardError) return exitFor(error);
    return ExitCode.badInput;
  }
  if (
    error instanceof Error &&
    'vi' in error &&
    'en' in error &&
    typeof error.vi === 'string' &&
    typeof error.en === 'string'
  ) {
    io.error(io.t(error.vi, error.en));
    return ExitCode.failed;
  }
  throw error;
}

function printCitizen(io: CliIo, c: Citizen): void {
  const rows: [string, string, string | null][] = [
    ['Số định danh', 'ID number', c.id],
    ['Họ và tên', 'Full name', c.fullName],
    ['Ngày sinh', 'Date of birth', c.birthDate],
    ['Giới tính', 'Sex', c.sex === null ? null : sexLabel(c.sex)],
    ['Quốc tịch', 'Nationality', c.nationality],
    ['Dân tộc', 'Ethnicity', c.ethnicity],
    ['Tôn giáo', 'Religion', c.religion],
    ['Quê quán', 'Place of origin', c.placeOfOrigin],
    ['Nơi thường trú', 'Place of residence', c.placeOfResidence],
    ['Đặc điểm nhận dạng', 'Identifying features', c.identifyingFeatures],
    ['Ngày cấp', 'Date of issue', c.issueDate],
    ['Có giá trị đến', 'Date of expiry', c.expiryDate ?? io.t('Không thời hạn', 'No expiry')],
    ['Cha', 'Father', c.father],
    ['Mẹ', 'Mother', c.mother],
    ['Vợ/Chồng', 'Spouse', c.spouse],
    ['Số CMND cũ', 'Old ID number', c.oldIdNumber],
  ];
  for (const [vi, en, value] of rows)
    if (value !== null) io.line(`${io.t(vi, en).padEnd(22)} ${value}`);
  if (c.cardGeneration !== undefined) {
    const label = cardGenerationLabel(c.cardGeneration);
    io.line(`${io.t('Loại thẻ', 'Card').padEnd(22)} ${io.t(label.vi, label.en)}`);
  }
}

function accessFrom(values: Record<string, string | undefined>): AccessInput | null {
  if (values.mrz !== undefined) return { mrz: values.mrz };
  if (values.can !== undefined) return { can: values.can };
  if (values.doc !== undefined && values.dob !== undefined && values.expiry !== undefined) {
    return { doc: values.doc, dob: values.dob, expiry: values.expiry };
  }
  return null;
}

function identityJson(identity: CardIdentity): unknown {
  return {
    ok: true,
    citizen: identity.citizen,
    photo:
      identity.photo === null
        ? null
        : { mimeType: identity.photo.mimeType, bytes: identity.photo.data.length },
    passiveAuthentication: identity.passive,
    activeAuthentication: identity.active,
    warnings: identity.warnings,
    accessProtocol: identity.accessProtocol,
    files: identity.files,
    counters: { ...identity.counters, chunk: identity.chunk },
  };
}

async function withBridge<T>(run: (bridge: PcscBridge) => Promise<T>): Promise<T> {
  const bridge = new PcscBridge();
  bridge.start();
  try {
    await bridge.settle();
    return await run(bridge);
  } finally {
    bridge.stop();
  }
}

async function readers(io: CliIo): Promise<ExitCode> {
  return withBridge((bridge) => {
    if (!bridge.serviceUp) return Promise.resolve(report(io, cardErrors.pcscdDown()));
    const list = bridge.readers();
    io.result({ ok: true, readers: list });
    if (list.length === 0) io.line(io.t('Không có đầu đọc thẻ nào.', 'No card readers.'));
    for (const r of list) {
      const atr = r.atr ?? '';
      io.line(
        `${r.name}: ${r.cardPresent ? io.t(`có thẻ (ATR ${atr})`, `card present (ATR ${atr})`) : io.t('không có thẻ', 'no card')}`,
      );
    }
    return Promise.resolve(ExitCode.ok);
  });
}

async function read(args: readonly string[], io: CliIo): Promise<ExitCode> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        mrz: { type: 'string' },
        doc: { type: 'string' },
        dob: { type: 'string' },
        expiry: { type: 'string' },
        can: { type: 'string' },
        trust: { type: 'string' },
        reader: { type: 'string' },
        wait: { type: 'string' },
      },
      strict: true,
    }));
  } catch {
    io.error(io.t(USAGE_VI, USAGE_EN));
    return ExitCode.usage;
  }
  const access = accessFrom(values);
  if (access === null) {
    io.error(io.t(USAGE_VI, USAGE_EN));
    return ExitCode.usage;
  }
  try {
    const trust = values.trust === undefined ? undefined : await loadTrustStore(values.trust);
    for (const problem of trust?.problems ?? []) io.error(problem);
    const controller = new AbortController();
    const onSigint = (): void => {
      controller.abort();
    };
    process.once('SIGINT', onSigint);
    const identity = await withBridge(async (bridge) => {
      const files = await new CccdReader(bridge).readIdentity({
        access,
        signal: controller.signal,
        waitForCardMs: values.wait === undefined ? 0 : Number(values.wait) * 1000,
        ...(values.reader === undefined ? {} : { reader: values.reader }),
        onProgress: (p) => {
          if (!io.json && p.done === p.total) io.error(`${p.file} ${p.total} B`);
        },
      });
      return identityFromFiles(files, trust);
    }).finally(() => process.off('SIGINT', onSigint));
    io.result(identityJson(identity));
    printCitizen(io, identity.citizen);
    const p = identity.passive;
    io.line('');
    io.line(
      p.status === 'trusted'
        ? io.t(
            `Xác thực thụ động: TIN CẬY (CSCA: ${p.csca ?? ''})`,
            `Passive authentication: TRUSTED (CSCA: ${p.csca ?? ''})`,
          )
        : io.t('Xác thực thụ động: KHÔNG TIN CẬY', 'Passive authentication: NOT TRUSTED'),
    );
    for (const f of p.failures) io.line(`  ✘ ${io.t(f.vi, f.en)}`);
    for (const w of identity.warnings) io.line(`⚠ ${io.t(w.vi, w.en)}`);
    const aa = identity.active;
    if (aa !== null) {
      io.line(
        `${io.t('Xác thực chủ động', 'Active authentication')}: ${aa.ok ? '✔' : '✘'} ${io.t(aa.vi, aa.en)} (${aa.algorithm})`,
      );
    }
    const c = identity.counters;
    io.line(
      io.t(
        `${identity.accessProtocol}: ${c.apdus} APDU, gửi ${c.bytesSent} B, nhận ${c.bytesReceived} B, ${c.ms} ms (khối ${identity.chunk} B)`,
        `${identity.accessProtocol}: ${c.apdus} APDUs, ${c.bytesSent} B sent, ${c.bytesReceived} B received, ${c.ms} ms (chunk ${identity.chunk} B)`,
      ),
    );
    const failedCheck = (trust !== undefined && p.status !== 'trusted') || aa?.ok === false;
    return failedCheck ? ExitCode.failed : ExitCode.ok;
  } catch (error) {
    return report(io, error);
  }
}

function qr(args: readonly string[], io: CliIo): ExitCode {
  const text = args[0];
  if (text === undefined || args.length !== 1) {
    io.error(io.t(USAGE_VI, USAGE_EN));
    return ExitCode.usage;
  }
  try {
    const citizen = parseCccdQr(text);
    io.result({ ok: true, citizen });
    printCitizen(io, citizen);
    return ExitCode.ok;
  } catch (error) {
    return report(io, error);
  }
}

/** `kiosk card …`: readers, a chip read with passive authentication, and the card's QR text. */
export const cardCommand: CliCommand = {
  name: 'card',
  summary: { vi: 'Đầu đọc và thẻ CCCD gắn chip', en: 'Card readers and the chip ID card' },
  async run(args, io) {
    const [sub, ...rest] = args;
    switch (sub) {
      case 'readers':
        return readers(io);
      case 'read':
        return read(rest, io);
      case 'qr':
        return qr(rest, io);
      default:
        io.error(io.t(USAGE_VI, USAGE_EN));
        return sub === undefined || sub === 'help' ? ExitCode.ok : ExitCode.usage;
    }
  },
};
