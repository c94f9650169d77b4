/**
 * Sends one outbox row to the portal. The rules that make a retry harmless:
 * - an upload is idempotent by content (the file store returns the same id);
 * - a dossier create is marked as attempted durably BEFORE it leaves, and any
 *   later try of a dossier ever attempted asks TraCuuHoSo first, so a create
 *   whose answer was lost is retried as an update: never a duplicate create;
 * - while a create whose answer was never read may still be committed (the
 *   settle window), a lookup that finds nothing proves nothing: no second
 *   create leaves until the window has passed and a fresh lookup still finds
 *   nothing;
 * - a create the portal committed only after our lookup (it outlived the
 *   client's timeout) makes the retry's create a refused duplicate: when the
 *   portal's copy is ours, the retry becomes an update instead of a parking.
 */
import type { Portal } from '../portal/portal';
import { PortalError } from '../portal/portal-error';
import { createInDoubt, DEFAULT_CREATE_SETTLE_MS } from './create-in-doubt';
import type { OutboxEntry, OutboxPort } from './outbox-port';
import { isStatusOp, StatusRunner } from './status-runner';

export interface RunOutcome {
  /** The portal's status code of the dossier after a sync, when known. */
  readonly portalStatus: string | null;
}

function required(entry: OutboxEntry, key: string): string {
  const value = entry.payload[key];
  if (value === undefined || value === '') {
    throw new Error(`outbox row ${entry.id} (${entry.op}) has no payload.${key}`);
  }
  return value;
}

/** Fields that tell our dossier from another system's under the same MaHoSo. */
const IDENTITY = [
  'MaHoSo',
  'MaTTHC',
  'NgayTiepNhan',
  'TrichYeuHoSo',
  'DonViXuLy',
  'ChuHoSo',
] as const;

function sameDossier(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): boolean {
  return IDENTITY.every((key) => a[key] === b[key]);
}

export interface EntryRunnerOptions {
  /** See DEFAULT_CREATE_SETTLE_MS. */
  readonly createSettleMs?: number;
  readonly now?: () => number;
  /**
   * Last step before a file leaves: may return changed bytes (a signed PDF
   * made while the TSA was down gets its document timestamp here), or null
   * to send it as saved. It must not throw for a TSA that is still down.
   */
  readonly prepareUpload?: (bytes: Uint8Array) => Promise<Uint8Array | null>;
}

export class EntryRunner {
  readonly #outbox: OutboxPort;
  readonly #portal: Portal;
  readonly #status: StatusRunner;
  readonly #settleMs: number;
  readonly #now: () => number;
  readonly #prepareUpload: EntryRunnerOptions['prepareUpload'];

  constructor(outbox: OutboxPort, portal: Portal, options: EntryRunnerOptions = {}) {
    this.#outbox = outbox;
    this.#portal = portal;
    this.#status = new StatusRunner(outbox, portal);
    this.#settleMs = options.createSettleMs ?? DEFAULT_CREATE_SETTLE_MS;
    this.#now = options.now ?? Date.now;
    this.#prepareUpload = options.prepareUpload;
  }

  /** Resolves when the portal acknowledged the row (and it left the outbox); throws otherwise. */
  async run(entry: OutboxEntry): Promise<RunOutcome> {
    if (isStatusOp(entry.op)) {
      return { portalStatus: await this.#status.run({ ...entry, op: entry.op }) };
    }
    return entry.op === 'upload-file' ? this.#upload(entry) : this.#syncDossier(entry);
  }

  async #upload(entry: OutboxEntry): Promise<RunOutcome> {
    let sha256 = required(entry, 'blobSha256');
    let bytes: Uint8Array = this.#outbox.readBlob(sha256);
    const changed =
      this.#prepareUpload === undefined || this.#outbox.replaceUploadBlob === undefined
        ? null
        : await this.#prepareUpload(bytes);
    if (changed !== null && this.#outbox.replaceUploadBlob !== undefined) {
      sha256 = this.#outbox.replaceUploadBlob(entry.id, changed);
      bytes = changed;
    }
    const uploaded = await this.#portal.uploadFile({
      bytes,
      sha256,
      fileName: entry.payload.fileName ?? `${sha256}.bin`,
      mime: entry.payload.mime ?? 'application/octet-stream',
    });
    this.#outbox.complete(entry.id, { fileUrl: uploaded.url, fileId: uploaded.id });
    return { portalStatus: null };
  }

  async #syncDossier(entry: OutboxEntry): Promise<RunOutcome> {
    const dossier = this.#outbox.portalDossier(entry.dossierId);
    const code = typeof dossier.MaHoSo === 'string' ? dossier.MaHoSo : required(entry, 'maHoSo');
    const retry = this.#outbox.createAttempted(entry.dossierId);
    let updating = false;
    if (retry) {
      // Only our own earlier create may be updated: a copy under our code that another system
      // filed stays untouched, and the create below is refused for staff to see.
      const [held] = await this.#portal.lookup(code);
      updating = held !== undefined && sameDossier(held, dossier);
    }
    if (!updating) {
      this.#waitForEarlierCreate(entry.dossierId);
      this.#outbox.markCreateAttempted(entry.dossierId, this.#now());
    }
    try {
      await this.#portal.syncDossiers(updating, [dossier]);
      if (!updating) this.#outbox.markCreateAnswered(entry.dossierId);
    } catch (error) {
      if (!updating && error instanceof PortalError && error.answered) {
        this.#outbox.markCreateAnswered(entry.dossierId);
      }
      if (updating || !retry || !(error instanceof PortalError) || error.kind !== 'rejected')
        throw error;
      // Our earlier create may have landed after the lookup (it outlived the client's timeout).
      // If the portal's copy is ours, update it; if it is someone else's, let staff see the refusal.
      const [held] = await this.#portal.lookup(code);
      if (held === undefined || !sameDossier(held, dossier)) throw error;
      await this.#portal.syncDossiers(true, [dossier]);
    }
    this.#outbox.complete(entry.id, {});
    const sent = typeof dossier.TrangThaiHoSo === 'string' ? dossier.TrangThaiHoSo : null;
    return { portalStatus: await this.#pullStatus(code, sent) };
  }

  /** Throws (to retry later) while an earlier create without a read answer may still be committed. */
  #waitForEarlierCreate(dossierId: string): void {
    const since = this.#outbox.createInDoubtSince(dossierId);
    if (since === null) return;
    const waitMs = since + this.#settleMs - this.#now();
    if (waitMs > 0) throw createInDoubt(waitMs);
  }

  /** The portal's own view of the status; the status sent is the fallback when the lookup fails. */
  async #pullStatus(code: string, sent: string | null): Promise<string | null> {
    try {
      const [held] = await this.#portal.lookup(code);
      const status = held?.TrangThaiHoSo;
      return typeof status === 'string' ? status : sent;
    } catch {
      return sent;
    }
  }
}
