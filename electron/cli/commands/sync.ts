import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig, resolveDataDir } from '../../services/config/config-file';
import { kioskMigrations } from '../../services/kiosk-migrations';
import { PortalClient } from '../../services/portal/portal-client';
import { PortalConfigSchema } from '../../services/portal/portal-config';
import { portalSettings } from '../../services/portal/portal-settings';
import { DossierStore } from '../../services/store/dossier-store';
import { defaultBackoff } from '../../services/sync/backoff';
import { SyncEngine, type SyncStatus } from '../../services/sync/sync-engine';
import type { SyncProgress } from '../../services/sync/sync-events';
import { ExitCode, type CliIo } from '../cli-io';
import type { CliCommand } from '../command';

const Concurrency = z.coerce.number().int().min(1).max(32);
const MaxBackoffSeconds = z.coerce.number().min(1).max(3600);

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
 * `kiosk sync [--until-empty] [--concurrency N] [--max-backoff S]`: sends the
 * outbox to the portal. Without --until-empty, every row due now is tried once. SIGINT or
 * SIGTERM stop taking rows and wait for the ones in flight.
 */
export const syncCommand: CliCommand = {
  name: 'sync',
  summary: { vi: 'Đồng bộ hồ sơ chờ lên Cổng DVC', en: 'Send waiting dossiers to the portal' },
  async run(args, io) {
    let values: { 'until-empty'?: boolean; concurrency?: string; 'max-backoff'?: string };
    try {
      values = parseArgs({
        args: [...args],
        options: {
          'until-empty': { type: 'boolean' },
          concurrency: { type: 'string' },
          'max-backoff': { type: 'string' },
        },
        strict: true,
      }).values;
    } catch (error) {
      io.error(String(error instanceof Error ? error.message : error));
      io.error(
        io.t(
          'Cách dùng: kiosk sync [--until-empty] [--concurrency N]',
          'Usage: kiosk sync [--until-empty] [--concurrency N]',
        ),
      );
      return ExitCode.usage;
    }
    const concurrency = Concurrency.safeParse(values.concurrency ?? '4');
    if (!concurrency.success) {
      io.error(
        io.t(
          '--concurrency phải là số từ 1 đến 32.',
          '--concurrency must be a number from 1 to 32.',
        ),
      );
      return ExitCode.usage;
    }
    const maxBackoff = MaxBackoffSeconds.safeParse(
      values['max-backoff'] ?? defaultBackoff.maxMs / 1000,
    );
    if (!maxBackoff.success) {
      io.error(
        io.t(
          '--max-backoff phải là số giây từ 1 đến 3600.',
          '--max-backoff must be 1 to 3600 seconds.',
        ),
      );
      return ExitCode.usage;
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
    const store = DossierStore.open({
      dataDir,
      agencyCode: config.agency.code,
      migrations: kioskMigrations,
    });
    const engine = new SyncEngine(store.outbox, new PortalClient(settings.data), {
      concurrency: concurrency.data,
      backoff: { ...defaultBackoff, maxMs: maxBackoff.data * 1000 },
      stopOnAuthFailure: true,
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
      const status = values['until-empty']
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
