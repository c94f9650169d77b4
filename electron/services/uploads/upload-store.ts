import { randomBytes } from 'node:crypto';
import { KioskError } from '../../api/errors';

export interface UploadStoreOptions {
  /**
   * Uploads kept at once; the oldest goes first. A clerk imports one
   * component at a time, but a return sends all its results (up to 20) and
   * uploads them before the one call that names them.
   */
  readonly maxUploads?: number;
  /** Bytes kept at once, whatever their number: the memory bound (4 files of the route's 30 MB). */
  readonly maxTotalBytes?: number;
  /** How long an upload waits for its import. */
  readonly ttlMs?: number;
  readonly now?: () => number;
}

interface Upload {
  readonly bytes: Buffer;
  readonly mime: string;
  readonly expires: number;
}

/**
 * Files received over the browser shell's HTTP upload, held in memory (never
 * written unencrypted) until `component.importUpload` takes them. An id is
 * 128 random bits, used once, and expires; only the page that uploaded
 * learns it.
 */
export class UploadStore {
  readonly #uploads = new Map<string, Upload>();
  readonly #maxUploads: number;
  readonly #maxTotalBytes: number;
  #totalBytes = 0;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: UploadStoreOptions = {}) {
    this.#maxUploads = options.maxUploads ?? 24;
    this.#maxTotalBytes = options.maxTotalBytes ?? 120 * 1024 * 1024;
    this.#ttlMs = options.ttlMs ?? 5 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  put(bytes: Buffer, mime: string): string {
    this.#sweep();
    const id = randomBytes(16).toString('base64url');
    this.#uploads.set(id, { bytes, mime, expires: this.#now() + this.#ttlMs });
    this.#totalBytes += bytes.length;
    while (this.#uploads.size > this.#maxUploads || this.#totalBytes > this.#maxTotalBytes) {
      const oldest = this.#uploads.keys().next().value;
      if (oldest === undefined || oldest === id) break;
      this.#remove(oldest);
    }
    return id;
  }

  /**
   * The upload's bytes, removed; INVALID_PAYLOAD when unknown, used or
   * expired, or of another type than `mime` (one type, or any of a list: an
   * authorisation letter may be a PDF or an image).
   */
  take(id: string, mime: string | readonly string[]): Buffer {
    this.#sweep();
    const upload = this.#uploads.get(id);
    this.#remove(id);
    const allowed: readonly string[] = typeof mime === 'string' ? [mime] : mime;
    if (upload === undefined || !allowed.includes(upload.mime)) {
      throw new KioskError('INVALID_PAYLOAD', 'no such upload (expired, used, or another type)', [
        { path: 'uploadId', message: 'unknown upload' },
      ]);
    }
    return upload.bytes;
  }

  #sweep(): void {
    const now = this.#now();
    for (const [id, upload] of this.#uploads) if (upload.expires <= now) this.#remove(id);
  }

  #remove(id: string): void {
    const upload = this.#uploads.get(id);
    if (upload === undefined) return;
    this.#totalBytes -= upload.bytes.length;
    this.#uploads.delete(id);
  }
}
