import type Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FieldCipher } from './field-cipher';
import {
  FileKeyProvider,
  KeyMismatchError,
  SAFE_KEY_FILE_NAME,
  type KeyKind,
  type KeyProvider,
} from './key-provider';

/** 16 bytes of HMAC-SHA256(key, label): names the key without revealing it. */
export function keyCheckValue(masterKey: Buffer): string {
  return createHmac('sha256', masterKey)
    .update('mot-cua-kiosk/store-key-check/v1')
    .digest()
    .subarray(0, 16)
    .toString('hex');
}

interface KeyRow {
  kind: KeyKind;
  check_value: string;
}

/**
 * Opens the key of a data folder whose database is migrated, checked against
 * what the database recorded. Runs BEFORE any read or write of sealed data:
 * - a recorded kind that differs from the provider's → refused without asking
 *   the provider for a key (a file provider would otherwise create one);
 * - a recorded check value that differs → refused (a restored or replaced key);
 * - nothing recorded (a folder from before migration store:0003): one sealed
 *   value, if any, must open with this key; then the key is recorded.
 * `defaultProvider`: the caller passed none, so a missing key file is only
 * created when the folder has no data yet.
 */
export function openCheckedKey(
  db: Database.Database,
  dataDir: string,
  provider: KeyProvider | undefined,
  now: () => number,
): FieldCipher {
  const row = db.prepare<[], KeyRow>('SELECT kind, check_value FROM store_key WHERE id = 1').get();
  const hasData = row !== undefined || sealedSample(db) !== undefined;
  const keys = provider ?? new FileKeyProvider(dataDir, { create: !hasData });
  if (
    row !== undefined &&
    row.kind !== keys.kind &&
    row.kind !== 'static' &&
    keys.kind !== 'static'
  )
    throw new KeyMismatchError(row.kind, keys.kind, dataDir);
  const master = keys.masterKey();
  const cipher = new FieldCipher(master);
  const check = keyCheckValue(master);
  if (row !== undefined) {
    if (row.check_value !== check) throw new KeyMismatchError(row.kind, keys.kind, dataDir);
    return cipher;
  }
  const sample = sealedSample(db);
  if (sample !== undefined) {
    try {
      cipher.openText(sample.sealed, sample.aad);
    } catch {
      const expected: KeyKind = existsSync(join(dataDir, SAFE_KEY_FILE_NAME))
        ? 'safeStorage'
        : 'file';
      throw new KeyMismatchError(expected, keys.kind, dataDir);
    }
  }
  // Another process opening the same fresh folder may have recorded the key a
  // moment ago (the key file is created with 'wx', so it is the same key):
  // keep the first record and check ours against it.
  db.prepare(
    'INSERT INTO store_key (id, kind, check_value, recorded_at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  ).run(keys.kind, check, now());
  const recorded = db
    .prepare<[], KeyRow>('SELECT kind, check_value FROM store_key WHERE id = 1')
    .get();
  if (recorded?.check_value !== check)
    throw new KeyMismatchError(recorded?.kind ?? keys.kind, keys.kind, dataDir);
  return cipher;
}

/** Any one sealed value of the store with the AAD it was sealed under. */
function sealedSample(db: Database.Database): { sealed: Buffer; aad: string } | undefined {
  const outbox = db
    .prepare<[], { id: string; payload_enc: Buffer }>('SELECT id, payload_enc FROM outbox LIMIT 1')
    .get();
  if (outbox) return { sealed: outbox.payload_enc, aad: `outbox.payload.${outbox.id}` };
  const dossier = db
    .prepare<[], { id: string; applicant_name_enc: Buffer }>(
      'SELECT id, applicant_name_enc FROM dossiers WHERE applicant_name_enc IS NOT NULL LIMIT 1',
    )
    .get();
  if (dossier)
    return { sealed: dossier.applicant_name_enc, aad: `dossiers.applicant_name.${dossier.id}` };
  return undefined;
}
