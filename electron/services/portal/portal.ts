/**
 * What the sync engine needs from a portal. {@link PortalClient} implements it
 * over HTTP against any server that follows the issue-4 wire contract. Every
 * method throws a PortalError on failure.
 */

export interface UploadRequest {
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly fileName: string;
  readonly mime: string;
}

export interface UploadedFile {
  readonly id: string;
  readonly sha256: string;
  readonly url: string;
}

export interface Portal {
  /** True when the portal answers at all (any HTTP status): online detection. */
  ping(): Promise<boolean>;
  uploadFile(file: UploadRequest): Promise<UploadedFile>;
  /** TraCuuHoSo: the portal's copy of the dossier, empty when it holds none. */
  lookup(maHoSo: string): Promise<readonly Readonly<Record<string, unknown>>[]>;
  /** DongBoHoSoMC with isUpdating "True" (update) or "False" (create). */
  syncDossiers(
    updating: boolean,
    data: readonly Readonly<Record<string, unknown>>[],
  ): Promise<void>;
  /** CapNhatTienDoHoSoMC: progress objects of dossiers the portal already holds. */
  updateProgress(data: readonly Readonly<Record<string, unknown>>[]): Promise<void>;
}
