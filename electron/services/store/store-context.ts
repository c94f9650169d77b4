import type Database from 'better-sqlite3';
import type { AuditLog } from './audit-log';
import type { BlobStore } from './blob-store';
import type { FieldCipher } from './crypto/field-cipher';

/** What the store's parts share; built once by `DossierStore.open`. */
export interface StoreContext {
  readonly db: Database.Database;
  readonly cipher: FieldCipher;
  readonly blobs: BlobStore;
  readonly audit: AuditLog;
  readonly now: () => number;
}

/** Seals a personal field bound to its table, column and row; null stays null. */
export function sealField(
  ctx: StoreContext,
  where: string,
  rowId: string,
  value: string | undefined | null,
): Buffer | null {
  return value === undefined || value === null
    ? null
    : ctx.cipher.sealText(value, `${where}.${rowId}`);
}

export function openField(
  ctx: StoreContext,
  where: string,
  rowId: string,
  sealed: Buffer | null,
): string | null {
  return sealed === null ? null : ctx.cipher.openText(sealed, `${where}.${rowId}`);
}
