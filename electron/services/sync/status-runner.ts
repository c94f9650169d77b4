/**
 * Sends a dossier's status events (issue 17): result uploads, CapNhatTienDoHoSoMC
 * progress objects and the DongBoHoSoMC update. Why a retry is harmless:
 * - the outbox offers a dossier's rows strictly in order, so these run only
 *   after the dossier's create row left the outbox on the portal's
 *   acknowledgement; `portalCreated` is checked again so a row never runs
 *   ahead of an unacknowledged create whatever the queue holds;
 * - a result upload is idempotent by content, like an attachment's;
 * - a progress object is built from the recorded event, so a replay after a
 *   lost answer is byte-identical (the portal can tell it is the same step);
 * - the update carries the whole dossier (isUpdating "True"), and names only
 *   result files whose upload was acknowledged.
 */
import type { Portal } from '../portal/portal';
import type { OutboxEntry, OutboxPort } from './outbox-port';

export type StatusOp = 'upload-result' | 'progress' | 'update-dossier';

export function isStatusOp(op: OutboxEntry['op']): op is StatusOp {
  return op === 'upload-result' || op === 'progress' || op === 'update-dossier';
}

function required(entry: OutboxEntry, key: string): string {
  const value = entry.payload[key];
  if (value === undefined || value === '') {
    throw new Error(`outbox row ${entry.id} (${entry.op}) has no payload.${key}`);
  }
  return value;
}

/**
 * A status event offered before its dossier's create was acknowledged cannot
 * happen through the ordered outbox; if the store ever says so, the row waits
 * (retried with backoff) rather than reach the portal ahead of the create.
 */
function notCreated(entry: OutboxEntry): Error {
  return new Error(
    `hồ sơ chưa được Cổng xác nhận tạo mới; cập nhật ${entry.op} chờ đến khi Cổng xác nhận`,
  );
}

export class StatusRunner {
  readonly #outbox: OutboxPort;
  readonly #portal: Portal;

  constructor(outbox: OutboxPort, portal: Portal) {
    this.#outbox = outbox;
    this.#portal = portal;
  }

  /** Resolves with the portal status to record (the update's), or null. */
  async run(entry: OutboxEntry & { readonly op: StatusOp }): Promise<string | null> {
    const events = this.#outbox.statusEvents;
    if (entry.op === 'upload-result') {
      const resultId = required(entry, 'resultId');
      const { bytes, sha256 } = events.readResult(resultId);
      const uploaded = await this.#portal.uploadFile({
        bytes,
        sha256,
        fileName: entry.payload.fileName ?? `${resultId}.pdf`,
        mime: 'application/pdf',
      });
      events.recordResultUpload(resultId, uploaded.id, uploaded.url);
      this.#outbox.complete(entry.id, {});
      return null;
    }
    if (!events.portalCreated(entry.dossierId)) throw notCreated(entry);
    if (entry.op === 'progress') {
      const progress = events.progressObject(required(entry, 'eventId'));
      await this.#portal.updateProgress([progress]);
      this.#outbox.complete(entry.id, {});
      return null;
    }
    const update = events.updateObject(entry.dossierId);
    await this.#portal.syncDossiers(true, [update]);
    this.#outbox.complete(entry.id, {});
    this.#outbox.recordPortalStatus(entry.dossierId, update.TrangThaiHoSo, Date.now());
    return update.TrangThaiHoSo;
  }
}
