/**
 * `CapNhatTienDoHoSoMC` and the simulator-only status routes. A progress
 * object for a dossier the portal does not hold is refused (and counted: the
 * kiosk must never send one before its create was acknowledged).
 */
import { z } from 'zod';
import { CapNhatTienDoSchema } from '../services/portal-contract/cap-nhat-tien-do';
import { describeIssues, SimErrorCode } from './dossier-rules';
import type { Reply } from './sim-routes';
import type { SimStore } from './sim-store';

const ProgressBody = z.object({ data: z.array(z.unknown()).min(1) });

const fail = (status: number, code: number, message: string): Reply => ({
  status,
  body: { error_code: code, message },
});

export function progressRoute(store: SimStore, body: unknown, now: number): Reply {
  const req = ProgressBody.safeParse(body);
  if (!req.success) {
    return fail(
      400,
      SimErrorCode.badRequest,
      'CapNhatTienDoHoSoMC cần data là một mảng tiến độ không rỗng.',
    );
  }
  const items = [];
  for (const [i, item] of req.data.data.entries()) {
    const parsed = CapNhatTienDoSchema.safeParse(item);
    if (!parsed.success) {
      return fail(
        422,
        SimErrorCode.invalidDossier,
        `Tiến độ thứ ${i + 1} không hợp lệ: ${describeIssues(item, parsed.error.issues)}.`,
      );
    }
    if (store.dossier(parsed.data.MaHoSo) === undefined) {
      store.bump('progressBeforeCreate');
      return fail(
        404,
        SimErrorCode.unknownDossier,
        `Hồ sơ ${parsed.data.MaHoSo} chưa có trên Cổng; hãy đồng bộ hồ sơ trước khi cập nhật tiến độ.`,
      );
    }
    items.push(parsed.data);
  }
  for (const p of items) {
    store.statusLog.addProgress(p, now);
  }
  return { status: 200, body: { error_code: 0 } };
}

/** `GET /__sim/history?mahoso=…` and `GET /__sim/status-stats`; null for other paths. */
export function statusRoutes(store: SimStore, method: string | undefined, url: URL): Reply | null {
  if (method === 'GET' && url.pathname === '/__sim/history') {
    const code = url.searchParams.get('mahoso') ?? '';
    return { status: 200, body: { ...store.statusLog.history(code) } };
  }
  if (method === 'GET' && url.pathname === '/__sim/status-stats') {
    return { status: 200, body: { ...store.statusLog.stats(store.counters()) } };
  }
  return null;
}
