import type { OutboxOp } from '../../api/contract/dossier';
import type { StatusEventPort } from './status-event-port';

/**
 * The seam between the offline store (SqliteOutbox) and the sync engine.
 * The store implements {@link OutboxPort}; the sync engine only drains it.
 */

/** One portal operation waiting in the outbox. Rows of one dossier run strictly in `seq` order. */
export interface OutboxEntry {
  readonly id: string; // uuid v7
  readonly dossierId: string;
  readonly seq: number; // order within the dossier
  readonly op: OutboxOp;
  /**
   * upload-file: { blobSha256, fileName, mime }; sync-dossier: { maHoSo };
   * upload-result: { resultId, fileName }; progress: { eventId }; update-dossier: { maHoSo }
   */
  readonly payload: Readonly<Record<string, string>>;
  readonly idempotencyKey: string; // stable across retries
  readonly attempts: number;
  readonly nextAttemptAt: number; // epoch ms
  readonly lastError: string | null;
}

export interface OutboxPort {
  /** The head row of each dossier's queue that is due (nextAttemptAt <= now), oldest first. */
  due(now: number, limit: number): OutboxEntry[];
  /** The portal acknowledged the operation: delete the row; for an upload, remember the file's portal url/id. */
  complete(entryId: string, ack: { fileUrl?: string; fileId?: string }): void;
  /** A transient failure: attempts + 1, schedule the next try. */
  retryLater(entryId: string, error: string, nextAttemptAt: number): void;
  /** The portal rejected it (4xx with a message): park the dossier's queue for staff to fix. */
  park(entryId: string, portalMessage: string): void;
  /** A create is about to leave (durably, before it does): until its answer is read, its outcome is unknown. */
  markCreateAttempted(dossierId: string, sentAt: number): void;
  /** The last create's answer was read (accepted or refused): the portal will not commit it later. */
  markCreateAnswered(dossierId: string): void;
  /** Whether a create for this dossier was ever sent (so TraCuuHoSo first). */
  createAttempted(dossierId: string): boolean;
  /** Epoch ms the last create left without a readable answer; null when no create is in doubt. */
  createInDoubtSince(dossierId: string): number | null;
  /** The dossier as a DongBoHoSoMC object, its TaiLieuNop[].DuongDanTaiTepTin set from completed uploads. */
  portalDossier(dossierId: string): Record<string, unknown>;
  /**
   * An upload's file was changed just before it left (a document timestamp
   * added once the TSA answered): stores `bytes` as the component's file and
   * points the row at it, so the local copy is the portal's. Returns the new
   * SHA-256. Optional: a port without it uploads files as they were saved.
   */
  replaceUploadBlob?(entryId: string, bytes: Uint8Array): string;
  /** Decrypted bytes of a blob by its SHA-256. */
  readBlob(sha256: string): Buffer;
  depth(): { pending: number; parked: number };
  /** After a successful sync: record the portal status for status lookup. */
  recordPortalStatus(dossierId: string, status: string, at: number): void;
  /** Status events after intake (results, progress, the return's update). */
  readonly statusEvents: StatusEventPort;
}
