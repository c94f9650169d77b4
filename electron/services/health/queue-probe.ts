import { vnDateDigits } from '../forms/vn-date';
import type { HealthCheck, HealthProbe } from './health-check';

export interface QueueProbeDeps {
  /** Queue depth and last sync; absent when the portal settings are invalid (sync stopped). */
  readonly sync:
    | {
        status(): {
          readonly pending: number;
          readonly parked: number;
          readonly lastSyncAt: number | null;
          readonly online: boolean;
        };
      }
    | undefined;
  readonly depth: () => { readonly pending: number; readonly parked: number };
  /** When the oldest dossier waiting to sync was received, null when none waits. */
  readonly oldestPendingAt: () => number | null;
  readonly now?: () => number;
  /** Waiting longer than this is a warning; default 1 hour. */
  readonly staleAfterMs?: number;
}

const HOUR = 3_600_000;

function minutes(ms: number): number {
  return Math.round(ms / 60_000);
}

/**
 * Diagnostics line `queue`: how many dossiers wait to sync or were refused
 * by the portal, and when the last one went through. Warns when staff must
 * fix a refused dossier, or when the oldest waits more than an hour.
 */
export function createQueueProbe(deps: QueueProbeDeps): HealthProbe {
  const probe = { id: 'queue', kind: 'service' as const };
  return {
    ...probe,
    check: (): Promise<HealthCheck> => {
      const now = (deps.now ?? Date.now)();
      const { pending, parked } = deps.depth();
      const status = deps.sync?.status();
      const lastSyncAt = status?.lastSyncAt ?? null;
      const oldest = deps.oldestPendingAt();
      const age = oldest === null ? 0 : now - oldest;
      const detail =
        `${pending} pending, ${parked} parked; last sync ` +
        (lastSyncAt === null ? 'never in this run' : vnDateDigits(lastSyncAt)) +
        (oldest === null ? '' : `; oldest pending ${minutes(age)} min`) +
        (status === undefined ? '; sync stopped (portal settings invalid)' : '') +
        (status !== undefined && !status.online ? '; portal unreachable' : '');
      const detailVi =
        `${pending} hồ sơ chờ đồng bộ, ${parked} hồ sơ bị Cổng từ chối; lần đồng bộ gần nhất: ` +
        (lastSyncAt === null ? 'chưa có từ khi kiosk khởi động' : vnDateDigits(lastSyncAt)) +
        (oldest === null ? '' : `; hồ sơ chờ lâu nhất đã ${minutes(age)} phút`) +
        (status === undefined ? '; chưa đồng bộ được vì cài đặt Cổng chưa hợp lệ' : '') +
        (status !== undefined && !status.online ? '; chưa kết nối được Cổng' : '');
      if (parked > 0) {
        return Promise.resolve({
          ...probe,
          status: 'warn',
          detail,
          detailVi,
          fix: {
            vi: `${parked} hồ sơ bị Cổng DVC quốc gia từ chối; cán bộ mở "Hàng đợi đồng bộ", sửa theo thông báo của Cổng rồi gửi lại.`,
            en: `${parked} dossier(s) were refused by the national portal; staff open the sync queue, fix what the portal says and resubmit.`,
          },
        });
      }
      if (age > (deps.staleAfterMs ?? HOUR)) {
        return Promise.resolve({
          ...probe,
          status: 'warn',
          detail,
          detailVi,
          fix: {
            vi: 'Hồ sơ chờ đồng bộ quá 1 giờ: kiểm tra mạng và mục "Cổng DVC" ở trên; nếu Cổng từ chối đăng nhập, bộ phận CNTT sửa tài khoản trong config.json. Hồ sơ vẫn được lưu an toàn trên máy.',
            en: 'Dossiers have waited over an hour to sync: check the network and the portal line above; if the portal refuses the login, IT fixes the account in config.json. The dossiers stay safely saved on this machine.',
          },
        });
      }
      return Promise.resolve({ ...probe, status: 'ok', detail, detailVi });
    },
  };
}
