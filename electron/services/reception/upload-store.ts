import { randomBytes } from 'node:crypto';
import { KioskError } from '../../api/errors';

export interface UploadStoreOptions {
  /** Uploads kept at once; the oldest goes first (a clerk imports one file at a time). */
  readonly maxUploads?: number;
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
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: UploadStoreOptions = {}) {
    this.#maxUploads = options.maxUploads ?? 4;
    this.#ttlMs = options.ttlMs ?? 5 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  put(bytes: Buffer, mime: string): string {
    this.#sweep();
    const id = randomBytes(16).toString('base64url');
    this.#uploads.set(id, { bytes, mime, expires: this.#now() + this.#ttlMs });
    while (this.#uploads.size > this.#maxUploads) {
      const oldest = this.#uploads.keys().next().value;
      if (oldest === undefined) break;
      this.#uploads.delete(oldest);
    }
    return id;
  }

  /** The upload's bytes, removed; INVALID_PAYLOAD when unknown, used or expired, or of another type. */
  take(id: string, mime: string): Buffer {
    this.#sweep();
    const upload = this.#uploads.get(id);
    this.#uploads.delete(id);
    if (upload?.mime !== mime) {
      throw new KioskError('INVALID_PAYLOAD', 'no such upload (expired, used, or another type)', [
        { path: 'uploadId', message: 'unknown upload' },
      ]);
    }
    return upload.bytes;
  }

  #sweep(): void {
    const now = this.#now();
    for (const [id, upload] of this.#uploads) if (upload.expires <= now) this.#uploads.delete(id);
  }
}
