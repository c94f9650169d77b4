import { lateTimestamper } from '../../services/signing/late-timestamp';
import { loadConfig, resolveDataDir } from '../../services/config/config-file';
import { PortalClient } from '../../services/portal/portal-client';
import { PortalConfigSchema } from '../../services/portal/portal-config';
import { portalSettings } from '../../services/portal/portal-settings';
import { defaultBackoff } from '../../services/sync/backoff';
import { SyncEngine, type SyncStatus } from '../../services/sync/sync-engine';
import type { SyncProgress } from '../../services/sync/sync-events';
import { ExitCode, type CliIo } from '../cli-io';
import type { CliCommand } from '../command';
import { parseSyncOptions, SYNC_USAGE } from './sync-options';
import { openKioskStore } from '../../services/kiosk-store';

function describe(p: SyncProgress, io: CliIo): string {
  const what = p.op === 'upload-file' ? io.t('tệp', 'file') : io.t('hồ sơ', 'dossier');
  const left = io.t(`còn ${p.pending} hồ sơ chờ đồng bộ`, `${p.pending} dossiers waiting`);
  if (p.outcome === 'done') return `✔ ${io.t('Đã gửi', 'Sent')} ${what} ${p.label} — ${left}`;
  if (p.outcome === 'parked') {
    return `✘ ${io.t('Không gửi được', 'Not sent')} ${what} ${p.label}: ${p.message ?? ''} — ${io.t('cần cán bộ xử lý', 'staff must act')}`;
  }
  return `… ${io.t('Sẽ thử lại', 'Will retry')} ${what} ${p.label}: ${p.message ?? ''}`;
}

function exitCodeOf(status: SyncStatus): ExitCode {
  if (status.parked > 0) return ExitCode.failed;
  if (status.pending > 0 && (!status.online || status.authRefused)) return ExitCode.unavailable;
  return ExitCode.ok;
}

/**
 * `kiosk sync [--until-empty] [--concurrency N] [--max-backoff S] [--settle S]`
 * (see sync-options.ts): sends the outbox to the portal. Without --until-empty,
 * every row due now is tried once. SIGINT or SIGTERM stop taking rows and wait
 * for the ones in flight.
 */
export const syncCommand: CliCommand = {
  name: 'sync',
  summary: { vi: 'Đồng bộ hồ sơ chờ lên Cổng DVC', en: 'Send waiting dossiers to the portal' },
  async run(args, io) {
    const parsed = parseSyncOptions(args);
    if (!parsed.ok) {
      io.error(io.t(parsed.error.vi, parsed.error.en));
      io.error(io.t(SYNC_USAGE.vi, SYNC_USAGE.en));
      return ExitCode.usage;
    }
    const options = parsed.value;
    if (options.help) {
      io.line(io.t(SYNC_USAGE.vi, SYNC_USAGE.en));
      return ExitCode.ok;
    }
    const dataDir = resolveDataDir(process.env);
    const { config } = loadConfig(dataDir);
    const settings = PortalConfigSchema.safeParse(portalSettings(config, process.env));
    if (!settings.success) {
      const keys = settings.error.issues.map((i) => i.path.join('.')).join(', ');
      io.error(
        io.t(
          `Cấu hình Cổng thiếu hoặc sai (${keys}); đặt KIOSK_PORTAL_URL, KIOSK_PORTAL_USER, KIOSK_PORTAL_PASSWORD hoặc sửa ${dataDir}/config.json.`,
          `Portal settings missing or wrong (${keys}); set KIOSK_PORTAL_URL, KIOSK_PORTAL_USER, KIOSK_PORTAL_PASSWORD or fix ${dataDir}/config.json.`,
        ),
      );
      return ExitCode.badInput;
    }
    const store = openKioskStore(dataDir, config, process.env);
    const engine = new SyncEngine(store.outbox, new PortalClient(settings.data), {
      concurrency: options.concurrency,
      backoff: { ...defaultBackoff, maxMs: options.maxBackoffMs },
      createSettleMs: options.createSettleMs,
      stopOnAuthFailure: true,
      // A PDF signed while the TSA was down gets its document timestamp as it leaves.
      prepareUpload: lateTimestamper(config.signing.tsaUrl, {
        warn: (fields, message) => {
          io.error(`${message} ${JSON.stringify(fields)}`);
        },
      }),
    });
    engine.events.on('progress', (p) => {
      io.line(describe(p, io));
    });
    engine.events.on('online', ({ online }) => {
      io.line(
        online
          ? io.t('Đã kết nối lại Cổng.', 'Portal reachable again.')
          : io.t('Mất kết nối tới Cổng; đang chờ.', 'Portal unreachable; waiting.'),
      );
    });
    const abort = new AbortController();
    const onSignal = (): void => {
      abort.abort();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const status = options.untilEmpty
        ? await engine.runUntilEmpty(abort.signal)
        : await engine.syncNow();
      io.result(status);
      io.line(
        io.t(
          `Hàng đợi: ${status.pending} hồ sơ chờ đồng bộ, ${status.parked} hồ sơ bị Cổng từ chối; Cổng ${status.online ? 'kết nối được' : 'không kết nối được'}.`,
          `Queue: ${status.pending} dossiers waiting, ${status.parked} rejected by the portal; portal ${status.online ? 'reachable' : 'unreachable'}.`,
        ),
      );
      if (status.lastError !== null && status.pending + status.parked > 0) {
        io.line(io.t(`Lỗi gần nhất: ${status.lastError}`, `Last error: ${status.lastError}`));
      }
      return exitCodeOf(status);
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      store.close();
    }
  },
};
