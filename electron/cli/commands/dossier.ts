import { dossierCodeOfQr } from '../../api/contract/document-qr';
import { userInfo } from 'node:os';
import { toPortalDateTime } from '../../services/portal-contract/portal-time';
import { readImport } from '../../services/store/dossier-import';
import {
  SyncStateSchema,
  type DossierView,
  type SyncState,
} from '../../services/store/dossier-view';
import { loadConfig, resolveDataDir } from '../../services/config/config-file';
import { DossierStore } from '../../services/store/dossier-store';
import { StoreError } from '../../services/store/store-error';
import { KioskError } from '../../api/errors';
import { ExitCode, type CliIo } from '../cli-io';
import type { CliCommand } from '../command';
import { runReturn } from './dossier-return';
import { openKioskStore } from '../../services/kiosk-store';

const usage = {
  vi: 'Cách dùng: kiosk dossier import TỆP.json | list [--status N] [--sync pending|parked|synced] | show ID|MÃ-HỒ-SƠ|QR | purge [--days N] | return MÃ-HỒ-SƠ --result TỆP.pdf …',
  en: 'Usage: kiosk dossier import FILE.json | list [--status N] [--sync pending|parked|synced] | show ID|CODE|QR | purge [--days N] | return CODE --result FILE.pdf …',
};

const syncLabel: Record<SyncState, readonly [string, string]> = {
  pending: ['chờ đồng bộ', 'waiting to sync'],
  parked: ['bị Cổng từ chối', 'rejected by the portal'],
  synced: ['đã đồng bộ', 'synced'],
};

/** dd/mm/yyyy HH:mm in Hanoi time. */
function when(epochMs: number): string {
  const t = toPortalDateTime(epochMs);
  return `${t.slice(6, 8)}/${t.slice(4, 6)}/${t.slice(0, 4)} ${t.slice(8, 10)}:${t.slice(10, 12)}`;
}

/**
 * The store of this kiosk: data folder and agency from the config file
 * (KIOSK_DATA_DIR, KIOSK_AGENCY_CODE override them), this kiosk's share of the
 * daily dossier numbers from KIOSK_CODE_BLOCK (default 0/1, see dossier-code.ts).
 */
function openStore(env: NodeJS.ProcessEnv): DossierStore {
  const dataDir = resolveDataDir(env);
  return openKioskStore(dataDir, loadConfig(dataDir).config, env);
}

const actor = (): string => `cli:${userInfo().username}`;

function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function runImport(args: readonly string[], io: CliIo): ExitCode {
  const file = args[0];
  if (file === undefined) {
    io.error(io.t(usage.vi, usage.en));
    return ExitCode.usage;
  }
  const { sha256, dossiers } = readImport(file);
  const store = openStore(process.env);
  try {
    // Idempotent: a run killed after its commit but before printing is re-run safely.
    const results = store.importFile(sha256, dossiers, actor());
    const saved = results.filter((r) => !r.already);
    const earlier = results.filter((r) => r.already);
    for (const s of results)
      io.line(
        s.already
          ? io.t(`Đã nhập từ trước ${s.code}  (${s.id})`, `Already imported ${s.code}  (${s.id})`)
          : io.t(`Đã nhập ${s.code}  (${s.id})`, `Imported ${s.code}  (${s.id})`),
      );
    io.line(
      io.t(
        `Đã nhập ${saved.length} hồ sơ; ${earlier.length} hồ sơ đã nhập từ trước (bỏ qua).`,
        `Imported ${saved.length} dossier(s); ${earlier.length} already imported earlier (skipped).`,
      ),
    );
    io.result({
      imported: saved.map(({ id, code }) => ({ id, code })),
      alreadyImported: earlier.map(({ id, code, index }) => ({ id, code, index })),
    });
  } finally {
    store.close();
  }
  return ExitCode.ok;
}

function runList(args: readonly string[], io: CliIo): ExitCode {
  const sync = flag(args, '--sync');
  const status = flag(args, '--status');
  const parsedSync = sync === undefined ? undefined : SyncStateSchema.safeParse(sync);
  if (parsedSync && !parsedSync.success) {
    io.error(io.t(usage.vi, usage.en));
    return ExitCode.usage;
  }
  const store = openStore(process.env);
  try {
    const rows = store.list(
      {
        ...(parsedSync?.success ? { syncState: parsedSync.data } : {}),
        ...(status === undefined ? {} : { status }),
      },
      actor(),
    );
    io.result({ dossiers: rows, depth: store.outbox.depth() });
    for (const d of rows) {
      const [vi, en] = syncLabel[d.syncState];
      io.line(
        `${d.code}  ${when(d.receivedAt)}  ${d.procedureCode} ${d.procedureName}  ${d.applicantName ?? '—'}  [${io.t(vi, en)}]`,
      );
      if (d.parkedMessage !== null) io.line(`    ${io.t('Lý do', 'Reason')}: ${d.parkedMessage}`);
    }
    const depth = store.outbox.depth();
    io.line(
      io.t(
        `${rows.length} hồ sơ; ${depth.pending} hồ sơ chờ đồng bộ, ${depth.parked} bị từ chối.`,
        `${rows.length} dossier(s); ${depth.pending} waiting to sync, ${depth.parked} rejected.`,
      ),
    );
  } finally {
    store.close();
  }
  return ExitCode.ok;
}

function printDossier(d: DossierView, io: CliIo): void {
  const [vi, en] = syncLabel[d.syncState];
  const lines: [string, string, string][] = [
    ['Mã hồ sơ', 'Dossier code', d.code],
    ['Thủ tục', 'Procedure', `${d.procedureCode} ${d.procedureName}`],
    [
      'Người nộp',
      'Applicant',
      d.applicant ? `${d.applicant.name} (${d.applicant.idNumber ?? '—'})` : '—',
    ],
    ['Trích yếu', 'Summary', d.summary ?? '—'],
    ['Ngày nhận', 'Received', when(d.receivedAt)],
    ['Hẹn trả', 'Due', when(d.dueAt)],
    ['Trạng thái', 'Status', d.status],
    ['Đồng bộ', 'Sync', io.t(vi, en)],
  ];
  for (const [lvi, len, value] of lines) io.line(`${io.t(lvi, len).padEnd(12)} ${value}`);
  if (d.parkedMessage !== null) io.line(`${io.t('Lý do', 'Reason').padEnd(12)} ${d.parkedMessage}`);
  io.line(io.t('Thành phần hồ sơ:', 'Documents:'));
  for (const c of d.components) {
    io.line(`  ${c.seq}. [${c.code}] ${c.fileName ?? '—'}  ${c.size ?? 0} B  ${c.sha256 ?? ''}`);
  }
}

function runShow(args: readonly string[], io: CliIo): ExitCode {
  const key = args[0];
  if (key === undefined) {
    io.error(io.t(usage.vi, usage.en));
    return ExitCode.usage;
  }
  const store = openStore(process.env);
  try {
    // A paper's QR pasted or scanned into the terminal names its dossier too.
    const d = store.get(dossierCodeOfQr(key) ?? key, actor());
    io.result(d);
    printDossier(d, io);
  } finally {
    store.close();
  }
  return ExitCode.ok;
}

/** Default retention after sync, until the config file has a key for it (KIOSK_RETENTION_DAYS). */
const DEFAULT_RETENTION_DAYS = 30;

function runPurge(args: readonly string[], io: CliIo): ExitCode {
  const days = Number(
    flag(args, '--days') ?? process.env.KIOSK_RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS,
  );
  if (!Number.isFinite(days) || days < 0) {
    io.error(io.t(usage.vi, usage.en));
    return ExitCode.usage;
  }
  const store = openStore(process.env);
  try {
    const purged = store.purgeExpired(days * 24 * 3600 * 1000, actor());
    const gc = store.gc();
    io.result({ purged, removedBlobs: gc.blobs, removedTemps: gc.temps });
    io.line(
      io.t(
        `Đã xóa dữ liệu cá nhân của ${purged} hồ sơ đã đồng bộ quá ${days} ngày; dọn ${gc.blobs} tệp đính kèm không còn dùng.`,
        `Purged the personal data of ${purged} dossier(s) synced more than ${days} days ago; removed ${gc.blobs} unused attachment file(s).`,
      ),
    );
  } finally {
    store.close();
  }
  return ExitCode.ok;
}

/** `kiosk dossier import|list|show|purge`: the dossier store from the command line. */
export const dossierCommand: CliCommand = {
  name: 'dossier',
  summary: {
    vi: 'Nhập, liệt kê và xem hồ sơ trong kho',
    en: 'Import, list and show stored dossiers',
  },
  run(args, io) {
    const [sub, ...rest] = args;
    try {
      if (sub === 'import') return Promise.resolve(runImport(rest, io));
      if (sub === 'list') return Promise.resolve(runList(rest, io));
      if (sub === 'show') return Promise.resolve(runShow(rest, io));
      if (sub === 'purge') return Promise.resolve(runPurge(rest, io));
      if (sub === 'return') return runReturn(rest, io);
      io.error(io.t(usage.vi, usage.en));
      return Promise.resolve(ExitCode.usage);
    } catch (error) {
      if (error instanceof KioskError && !(error instanceof StoreError)) {
        io.error(io.t(`Lỗi cấu hình: ${error.message}`, `Configuration error: ${error.message}`));
        return Promise.resolve(ExitCode.failed);
      }
      if (!(error instanceof StoreError)) throw error;
      io.error(io.t(error.vi, error.message));
      for (const i of error.issues ?? []) io.error(`  ${i.path}: ${i.message}`);
      io.result({
        error: { code: error.code, message: error.message, issues: error.issues ?? [] },
      });
      const bad = ['DOSSIER_INVALID', 'DOSSIER_CODE_TAKEN', 'DOSSIER_NOT_FOUND'].includes(
        error.code,
      );
      return Promise.resolve(bad ? ExitCode.badInput : ExitCode.failed);
    }
  },
};
