import { initial } from './0001-initial';
import { outboxDueIndex } from './0002-outbox-due-index';
import { storeKey } from './0003-store-key';
import { importEntries } from './0004-import-entries';
import { blobLayout } from './0005-blob-layout';
import { dossierSignature } from './0006-dossier-signature';
import { intakeDrafts } from './0007-intake-drafts';
import { saveKeys } from './0008-save-keys';
import type { Migration } from './migration';

export type { Migration } from './migration';

/**
 * The store's own migrations, in order. The composition root appends other
 * modules' lists (e.g. auth's staff credential tables) and passes the whole
 * list to `DossierStore.open({ migrations })`.
 */
export const storeMigrations: readonly Migration[] = [
  { module: 'store', version: 1, name: 'initial', up: initial },
  { module: 'store', version: 2, name: 'outbox-due-index', up: outboxDueIndex },
  { module: 'store', version: 3, name: 'store-key', up: storeKey },
  { module: 'store', version: 4, name: 'import-entries', up: importEntries },
  { module: 'store', version: 5, name: 'blob-layout', up: blobLayout },
  { module: 'store', version: 6, name: 'dossier-signature', up: dossierSignature },
  { module: 'store', version: 7, name: 'intake-drafts', up: intakeDrafts },
  { module: 'store', version: 8, name: 'save-keys', up: saveKeys },
];
