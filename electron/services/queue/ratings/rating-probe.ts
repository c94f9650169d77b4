import type { HealthCheck, HealthProbe } from '../../health/health-check';
import type { RatingOutbox } from './rating-store';

const HOUR = 3_600_000;

export interface RatingProbeDeps {
  readonly outbox: Pick<RatingOutbox, 'depth' | 'oldestOwedAt'>;
  /** False when the portal settings are invalid: nothing is being delivered. */
  readonly delivering: boolean;
  readonly now?: () => number;
}

/**
 * Diagnostics line `ratings`: citizens' ratings still owed to the portal and
 * those it refused. Warns when one was refused (the survey interface is
 * UNCONFIRMED, so a refusal most likely means it changed) or when the oldest
 * has waited over an hour.
 */
export function createRatingProbe(deps: RatingProbeDeps): HealthProbe {
  const probe = { id: 'ratings', kind: 'service' as const };
  return {
    ...probe,
    check: async (): Promise<HealthCheck> => {
      const { owed, parked } = await deps.outbox.depth();
      const oldest = await deps.outbox.oldestOwedAt();
      const waitedMin =
        oldest === null ? 0 : Math.round(((deps.now ?? Date.now)() - oldest) / 60_000);
      const detail =
        `${owed} owed, ${parked} refused` +
        (oldest === null ? '' : `; oldest waiting ${waitedMin} min`) +
        (deps.delivering ? '' : '; not delivering (portal settings invalid)');
      const detailVi =
        `${owed} đánh giá chờ gửi lên Cổng, ${parked} đánh giá bị Cổng từ chối` +
        (oldest === null ? '' : `; đánh giá chờ lâu nhất đã ${waitedMin} phút`) +
        (deps.delivering ? '' : '; chưa gửi được vì cài đặt Cổng chưa hợp lệ');
      if (parked > 0) {
        return {
          ...probe,
          status: 'warn',
          detail,
          detailVi,
          fix: {
            vi: `${parked} đánh giá bị Cổng từ chối. Giao diện khảo sát của Cổng chưa được xác nhận (README, mục "Citizen ratings"): bộ phận CNTT xem nhật ký (subsystem ratings) và báo nhóm phát triển. Đánh giá vẫn được lưu trên máy.`,
            en: `${parked} rating(s) were refused by the portal. Its survey interface is unconfirmed (README, "Citizen ratings"): IT reads the log (subsystem ratings) and tells the developers. The ratings stay saved on this machine.`,
          },
        };
      }
      if (waitedMin > HOUR / 60_000 || (!deps.delivering && owed > 0)) {
        return {
          ...probe,
          status: 'warn',
          detail,
          detailVi,
          fix: {
            vi: 'Đánh giá chờ gửi quá lâu: kiểm tra mạng và mục "Cổng Dịch vụ công" ở trên. Đánh giá vẫn được lưu an toàn trên máy và sẽ tự gửi khi kết nối lại.',
            en: 'Ratings have waited long to be sent: check the network and the portal line above. They stay saved on this machine and are sent once it reconnects.',
          },
        };
      }
      return { ...probe, status: 'ok', detail, detailVi };
    },
  };
}
