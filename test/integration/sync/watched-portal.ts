import type { Portal, UploadRequest, UploadedFile } from '../../../electron/services/portal/portal';

/**
 * The real portal client with the number of its calls open at once (the sync
 * engine's concurrency as the portal sees it) and of its pings recorded.
 * Every call goes to the wrapped client unchanged.
 */
export class WatchedPortal implements Portal {
  readonly #portal: Portal;
  #open = 0;
  #mostOpen = 0;
  #pings = 0;

  constructor(portal: Portal) {
    this.#portal = portal;
  }

  /** The most calls that were open at the same time so far. */
  get mostOpen(): number {
    return this.#mostOpen;
  }

  /** How many pings were sent so far. */
  get pings(): number {
    return this.#pings;
  }

  ping(): Promise<boolean> {
    this.#pings++;
    return this.#watch(() => this.#portal.ping());
  }

  uploadFile(file: UploadRequest): Promise<UploadedFile> {
    return this.#watch(() => this.#portal.uploadFile(file));
  }

  lookup(maHoSo: string): Promise<readonly Readonly<Record<string, unknown>>[]> {
    return this.#watch(() => this.#portal.lookup(maHoSo));
  }

  syncDossiers(
    updating: boolean,
    data: readonly Readonly<Record<string, unknown>>[],
  ): Promise<void> {
    return this.#watch(() => this.#portal.syncDossiers(updating, data));
  }

  updateProgress(data: readonly Readonly<Record<string, unknown>>[]): Promise<void> {
    return this.#watch(() => this.#portal.updateProgress(data));
  }

  async #watch<T>(call: () => Promise<T>): Promise<T> {
    this.#open++;
    this.#mostOpen = Math.max(this.#mostOpen, this.#open);
    try {
      return await call();
    } finally {
      this.#open--;
    }
  }
}
