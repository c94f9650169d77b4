import { isTrangThai, STATUS_TEXT } from '../../api/contract/status-text';
import type { Portal } from '../portal/portal';
import { ReturnError } from './return-error';

/** What the portal said when asked (TraCuuHoSo) just before the return. */
export type PortalAnswer =
  | { readonly kind: 'status'; readonly status: string }
  /** The portal holds no such dossier yet (its create is still queued). */
  | { readonly kind: 'absent' }
  | { readonly kind: 'unreachable' };

/** How long one TraCuuHoSo may take before the portal counts as unreachable. */
export const DEFAULT_ASK_TIMEOUT_MS = 6_000;

/**
 * Asks the portal (TraCuuHoSo) where a dossier stands, within `timeoutMs`;
 * never throws: no portal, an error or no answer in time is "unreachable".
 */
export async function askPortal(
  portal: Pick<Portal, 'lookup'> | null,
  code: string,
  timeoutMs: number,
): Promise<PortalAnswer> {
  if (portal === null) return { kind: 'unreachable' };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      resolve(null);
    }, timeoutMs);
  });
  try {
    const held = await Promise.race([portal.lookup(code), timeout]);
    if (held === null) return { kind: 'unreachable' };
    const status = held[0]?.TrangThaiHoSo;
    return typeof status === 'string' ? { kind: 'status', status } : { kind: 'absent' };
  } catch {
    return { kind: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

/** The portal's "9" (Đã xử lý xong): the result may be handed over. */
export function isResultReady(portal: PortalAnswer): boolean {
  return portal.kind === 'status' && portal.status === '9';
}

export interface Readiness {
  /** The portal's status when it answered; null when the clerk vouched for the result in hand. */
  readonly portalStatusSeen: string | null;
  readonly offlineInHand: boolean;
}

/**
 * Whether a result may be handed back now. The portal's "9" (Đã xử lý xong)
 * is the signal; "10" or a local return means it was handed back already;
 * any other status refuses with its name. When the portal cannot say (no
 * answer, or it does not hold the dossier yet), only a clerk who confirms
 * holding the result may go on, and that confirmation is recorded.
 */
export function checkReadiness(
  code: string,
  returnedLocallyAt: number | null,
  portal: PortalAnswer,
  offlineInHand: boolean,
): Readiness {
  if (returnedLocallyAt !== null || (portal.kind === 'status' && portal.status === '10')) {
    throw new ReturnError(
      'RETURN_ALREADY_RETURNED',
      `Hồ sơ ${code} đã được trả kết quả; không trả lại lần nữa.`,
      `Dossier ${code} was already returned.`,
    );
  }
  if (portal.kind === 'status') {
    if (isResultReady(portal)) return { portalStatusSeen: '9', offlineInHand: false };
    const label = isTrangThai(portal.status)
      ? STATUS_TEXT[portal.status]
      : { vi: `mã ${portal.status}`, en: `code ${portal.status}` };
    throw new ReturnError(
      'RETURN_NOT_READY',
      `Hồ sơ ${code} chưa có kết quả: Cổng báo "${label.vi}". Chỉ trả khi Cổng báo "Đã xử lý xong".`,
      `Dossier ${code} has no result yet: the portal says "${label.en}".`,
    );
  }
  if (offlineInHand) return { portalStatusSeen: null, offlineInHand: true };
  const why =
    portal.kind === 'absent'
      ? 'Cổng chưa có hồ sơ này (hồ sơ chưa đồng bộ xong)'
      : 'Không kết nối được tới Cổng';
  throw new ReturnError(
    'RETURN_PORTAL_UNREACHABLE',
    `${why}. Chỉ trả khi đang cầm kết quả trên tay: xác nhận "đang giữ kết quả" (--offline-in-hand) rồi trả lại.`,
    `${portal.kind === 'absent' ? 'The portal does not hold this dossier yet' : 'The portal is unreachable'}; confirm the result is in hand to return it.`,
  );
}
