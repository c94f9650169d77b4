import type Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AuditLog } from './audit-log';
import { adoptKeyedBlobNames } from './blob-layout';
import { BlobStore, type BlobFs } from './blob-store';
import { openCheckedKey } from './crypto/key-check';
import type { KeyProvider } from './crypto/key-provider';
import { DossierCodeAllocator, SINGLE_KIOSK, type CodeBlock } from './dossier-code';
import { DossierFixSchema, resubmitDossier, type DossierFix } from './dossier-fix';
import type { NewDossier, NewDossierInput } from './dossier-input';
import { listDossiers, readDossier, type ListFilter } from './dossier-reader';
import { oldestPendingAt, readPublicStatus, type PublicDossierStatus } from './dossier-status';
import type { DossierSummary, DossierView } from './dossier-view';
import { importDossiers, type ImportedDossier } from './dossier-importer';
import { saveDossier, type SavedDossier } from './dossier-writer';
import { savedByKey, type KeyedDossier } from './save-keys';
import type { NewEvent, NewReturn } from './return-input';
import {
  readReturn,
  recordEvent,
  recordReturn,
  type ReturnRecord,
  type SavedReturn,
} from './return-store';
import { trackingBook, type BookLine } from './tracking-book';
import { CopyBook } from './copy-book';
import { migrate } from './migrator';
import { storeMigrations, type Migration } from './migrations/index';
import { awaitingResult, markResultReady, type AwaitingResult } from './awaiting-result';
import { openDatabase } from './open-database';
import { openDossiersOf, type OpenDossier } from './open-dossiers-of';
import { keepReceipt, storedReceipt, type StoredReceipt } from './receipt-store';
import {
  adoptSignedComponents,
  unsignedDossiers,
  type UnsignedDossier,
} from './dossier-late-signing';
import { collectGarbage, purgeExpired } from './retention';
import { SqliteOutbox } from './sqlite-outbox';
import type { StoreContext } from './store-context';
import { diskFullError, isDiskFull } from './store-error';
import { setStaffName, staffName } from './staff-names';
import {
  dropExpiredIntakeDrafts,
  dropIntakeDraft,
  intakeDraft,
  saveIntakeDraft,
  type StoredDraft,
} from './intake-drafts';

export const DATABASE_FILE = 'kiosk.sqlite3';
export const BLOB_DIR = 'blobs';
/** Files younger than this are spared by gc: they may belong to a save in flight elsewhere. */
export const DEFAULT_GC_GRACE_MS = 10 * 60 * 1000;

export interface DossierStoreOptions {
  /** The data folder: database, blobs and (browser shell / CLI) the key file. */
  readonly dataDir: string;
  /** The receiving agency's code `V1V2V3.Z1Z2.Y1Y2.MX1X2`. */
  readonly agencyCode: string;
  /** This kiosk's share of the daily sequence (dossier-code.ts); one kiosk by default. */
  readonly codeBlock?: CodeBlock;
  /**
   * Default: a 0600 key file in the data folder. The Electron shell passes
   * safeStorage's. Checked against the key the database recorded (key-check.ts).
   */
  readonly keyProvider?: KeyProvider;
  /** The store's migrations plus other modules' (auth…); default: the store's own. */
  readonly migrations?: readonly Migration[];
  readonly now?: () => number;
  /** For tests that inject a failing file layer (disk full). */
  readonly blobFs?: BlobFs;
}

/**
 * The offline-first dossier store (hồ sơ, thành phần, trang, blobs, outbox,
 * audit). Synchronous like better-sqlite3; every method is safe to call from
 * one worker thread that owns the store. One process per data folder.
 */
export class DossierStore {
  readonly outbox: SqliteOutbox;
  readonly appliedMigrations: readonly string[];
  readonly #ctx: StoreContext;
  readonly #codes: DossierCodeAllocator;

  private constructor(ctx: StoreContext, codes: DossierCodeAllocator, applied: readonly string[]) {
    this.#ctx = ctx;
    this.#codes = codes;
    this.appliedMigrations = applied;
    this.outbox = new SqliteOutbox(ctx);
  }

  static open(options: DossierStoreOptions): DossierStore {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    // mkdir's mode does not touch a folder that exists (an older install, a
    // folder IT made by hand): enforce owner-only on every open.
    chmodSync(options.dataDir, 0o700);
    const dbPath = join(options.dataDir, DATABASE_FILE);
    const db = openDatabase(dbPath);
    for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`])
      if (existsSync(file)) chmodSync(file, 0o600);
    try {
      const applied = migrate(db, options.migrations ?? storeMigrations);
      // The key is asked for only after the database says which key it expects.
      const cipher = openCheckedKey(
        db,
        options.dataDir,
        options.keyProvider,
        options.now ?? Date.now,
      );
      const ctx: StoreContext = {
        db,
        cipher,
        blobs: new BlobStore(join(options.dataDir, BLOB_DIR), cipher, options.blobFs),
        audit: new AuditLog(db),
        now: options.now ?? Date.now,
      };
      adoptKeyedBlobNames(ctx);
      const codes = new DossierCodeAllocator(
        db,
        options.agencyCode,
        options.codeBlock ?? SINGLE_KIOSK,
      );
      return new DossierStore(ctx, codes, applied);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Saves durably (blobs fsynced, then one transaction with the outbox rows). */
  save(input: NewDossierInput | NewDossier, actor: string): SavedDossier {
    const saved = saveDossier(this.#ctx, this.#codes, input, actor);
    this.outbox.notify();
    return saved;
  }

  /** The dossier a save with this page's key made, or null (see `NewDossier.saveKey`). */
  savedByKey(saveKey: string): KeyedDossier | null {
    return savedByKey(this.#ctx, saveKey);
  }

  /**
   * Saves several dossiers all-or-nothing (import): the blob files of all of
   * them first, then one transaction.
   */
  saveAll(inputs: readonly (NewDossierInput | NewDossier)[], actor: string): SavedDossier[] {
    const saved = this.#ctx.db
      .transaction(() => inputs.map((input) => saveDossier(this.#ctx, this.#codes, input, actor)))
      .immediate();
    this.outbox.notify();
    return saved;
  }

  /**
   * Imports the entries of one file (by its SHA-256) all-or-nothing and
   * idempotently: entries an earlier run saved come back with `already`.
   */
  importFile(
    fileSha256: string,
    dossiers: readonly NewDossier[],
    actor: string,
  ): ImportedDossier[] {
    const out = importDossiers(this.#ctx, this.#codes, fileSha256, dossiers, actor);
    this.outbox.notify();
    return out;
  }

  /** Keeps the receipt made at save (signed or not) for reprints; replaces an earlier one. */
  keepReceipt(dossierId: string, pdf: Uint8Array, signedAt: number | null): void {
    keepReceipt(this.#ctx, dossierId, pdf, signedAt);
  }

  /** The receipt kept at save, or null. */
  storedReceipt(idOrCode: string): StoredReceipt | null {
    return guardDiskFull(() => storedReceipt(this.#ctx, idOrCode));
  }

  /** Dossiers saved "chưa ký số" whose files have not left for the portal: still signable. */
  unsignedDossiers(): UnsignedDossier[] {
    return unsignedDossiers(this.#ctx);
  }

  /** Swaps in the signed component PDFs (and their uploads); false when it synced meanwhile. */
  adoptSignedComponents(
    dossierId: string,
    signed: readonly { readonly componentId: string; readonly pdf: Uint8Array }[],
    signedAt: number,
    actor: string,
  ): boolean {
    const adopted = adoptSignedComponents(this.#ctx, dossierId, signed, signedAt, actor);
    this.outbox.notify();
    return adopted;
  }

  /** One dossier by id or code, decrypted; audited. */
  get(idOrCode: string, actor: string): DossierView {
    return guardDiskFull(() => readDossier(this.#ctx, idOrCode, actor));
  }

  /** Reads fail closed on a full disk: a read that cannot be audited is not served. */
  list(filter: ListFilter, actor: string): DossierSummary[] {
    return guardDiskFull(() => listDossiers(this.#ctx, filter, actor));
  }

  /** The non-personal fields of a dossier by its code (status lookup); null when unknown. */
  publicStatus(code: string): PublicDossierStatus | null {
    return readPublicStatus(this.#ctx, code);
  }

  /** When the oldest dossier waiting to sync was received; null when the queue is empty. */
  oldestPendingAt(): number | null {
    return oldestPendingAt(this.#ctx);
  }

  /** Staff fixed a rejected dossier: apply the fix and unpark its queue. */
  resubmit(idOrCode: string, actor: string, fix: DossierFix = {}): void {
    guardDiskFull(() => {
      resubmitDossier(this.#ctx, idOrCode, actor, DossierFixSchema.parse(fix));
    });
    this.outbox.notify();
  }

  /** Retention: purge personal data of dossiers synced more than `retentionMs` ago. */
  purgeExpired(retentionMs: number, actor = 'retention'): number {
    return purgeExpired(this.#ctx, retentionMs, actor);
  }

  gc(graceMs = DEFAULT_GC_GRACE_MS): { rows: number; blobs: number; temps: number } {
    return collectGarbage(this.#ctx, graceMs);
  }

  /** Issue 17: a result handed back, queued for the portal after the dossier's create. */
  recordReturn(input: NewReturn, actor: string): SavedReturn {
    const saved = recordReturn(this.#ctx, input, actor);
    this.outbox.notify();
    return saved;
  }

  /** A supplement request, refusal or apology (Mẫu 02/03/04), queued for the portal. */
  recordEvent(input: NewEvent, actor: string): string {
    const id = recordEvent(this.#ctx, input, actor);
    this.outbox.notify();
    return id;
  }

  /** The dossier's return, or null when not returned yet. */
  returnOf(idOrCode: string): ReturnRecord | null {
    return readReturn(this.#ctx, idOrCode);
  }

  /** The applicant's dossiers with no result handed back yet, by the ID their chip gave. */
  openDossiersOf(idNumber: string, actor: string): OpenDossier[] {
    return guardDiskFull(() => openDossiersOf(this.#ctx, idNumber, actor));
  }

  /** Dossiers the portal may have finished, least recently asked first (the readiness refresh). */
  awaitingResult(limit: number): AwaitingResult[] {
    return awaitingResult(this.#ctx, limit);
  }

  /** The portal said 9: the dossier shows under "Chờ trả". */
  markResultReady(dossierId: string, at: number): boolean {
    return markResultReady(this.#ctx, dossierId, at);
  }

  /** Mẫu 06: dossiers received in [from, to). */
  trackingBook(from: number, to: number, actor: string): BookLine[] {
    return guardDiskFull(() => trackingBook(this.#ctx, from, to, actor));
  }

  /** Sets or clears the name a staff account prints as (receipts, slips); false for an unknown id. */
  setStaffName(staffId: string, name: string | null): boolean {
    return guardDiskFull(() => setStaffName(this.#ctx, staffId, name));
  }

  /** The name a staff account prints as, or null when none was set. */
  staffName(staffId: string): string | null {
    return staffName(this.#ctx, staffId);
  }

  /** The certification book of certified copies (needs the copies migrations). */
  get copyBook(): CopyBook {
    return new CopyBook(this.#ctx);
  }

  /** Keeps a staff account's unfinished reception (sealed) until the end of today, Vietnam time. */
  saveIntakeDraft(staffId: string, actor: string, json: string): StoredDraft {
    return guardDiskFull(() => saveIntakeDraft(this.#ctx, staffId, actor, json));
  }

  /** The account's unfinished reception, or null (none, or past its day: then deleted). */
  intakeDraft(staffId: string, actor: string): StoredDraft | null {
    return guardDiskFull(() => intakeDraft(this.#ctx, staffId, actor));
  }

  /** Drops the account's unfinished reception (saved as a dossier, or discarded). */
  dropIntakeDraft(staffId: string, actor: string): boolean {
    return guardDiskFull(() => dropIntakeDraft(this.#ctx, staffId, actor));
  }

  /** Drops every draft past its day. */
  dropExpiredIntakeDrafts(): number {
    return dropExpiredIntakeDrafts(this.#ctx);
  }

  /** The raw connection, for diagnostics and tests (integrity checks). */
  get database(): Database.Database {
    return this.#ctx.db;
  }

  close(): void {
    this.#ctx.db.close();
  }
}

function guardDiskFull<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isDiskFull(error)) throw diskFullError(error);
    throw error;
  }
}
