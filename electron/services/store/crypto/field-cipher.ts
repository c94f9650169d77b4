/**
 * Encryption at rest of personal data: AES-256-GCM per database field and per
 * blob file, with node:crypto.
 *
 * Why not SQLCipher (better-sqlite3-multiple-ciphers)? It would encrypt every
 * page of the database, but it replaces the pinned better-sqlite3 12 with a
 * fork that must be rebuilt for both Node 20 and Electron's ABI on every
 * upgrade, lags upstream SQLite, and still leaves the blob files (page images,
 * PDFs: most of the personal data by volume) to be encrypted separately. Per
 * field AES-GCM keeps the stock driver, covers the database and the blobs with
 * one key and one tested code path, authenticates every value (a tampered or
 * swapped ciphertext fails to decrypt), and leaves non-personal columns
 * (status, dates, sync state) queryable for the outbox. What it does not hide:
 * which rows exist, their timestamps and statuses, blob sizes, and the SHA-256
 * of each blob's plaintext inside the database (the portal needs that hash
 * anyway). Blob file names are a keyed hash of it ({@link FieldCipher.blobName}),
 * so the blob folder alone (a copied backup, a directory listing) cannot be
 * matched against the hash of a known document.
 *
 * Keys: one 32-byte master key from a {@link KeyProvider}; HKDF-SHA256 derives
 * separate field, blob, blind-index and blob-name keys from it. Each value gets a fresh random 96-bit
 * IV; the additional authenticated data binds a field to its table, column and
 * row (and a blob to its hash), so ciphertexts cannot be moved between rows.
 *
 * Sealed layout (bytes):
 *   [0]      version = 0x01
 *   [1..12]  IV (12 bytes, random)
 *   [13..28] GCM tag (16 bytes)
 *   [29..]   ciphertext
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 0x01;
const IV_LEN = 12;
const TAG_LEN = 16;
const HEADER = 1 + IV_LEN + TAG_LEN;

function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', master, Buffer.alloc(0), `mot-cua-kiosk/${purpose}/v1`, 32),
  );
}

function seal(key: Buffer, plain: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_LEN);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]);
}

function open(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < HEADER || sealed[0] !== VERSION) {
    throw new Error('sealed value has an unknown format');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + IV_LEN));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(1 + IV_LEN, HEADER));
  return Buffer.concat([decipher.update(sealed.subarray(HEADER)), decipher.final()]);
}

/** Seals and opens personal data with keys derived from one master key. */
export class FieldCipher {
  readonly #fieldKey: Buffer;
  readonly #blobKey: Buffer;
  readonly #indexKey: Buffer;
  readonly #blobNameKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('the master key must be 32 bytes');
    this.#fieldKey = deriveKey(masterKey, 'field');
    this.#blobKey = deriveKey(masterKey, 'blob');
    this.#indexKey = deriveKey(masterKey, 'index');
    this.#blobNameKey = deriveKey(masterKey, 'blob-name');
  }

  /** `aad` names where the value lives, e.g. `dossiers.applicant_name.<id>`. */
  sealText(plain: string, aad: string): Buffer {
    return seal(this.#fieldKey, Buffer.from(plain, 'utf8'), aad);
  }

  openText(sealed: Buffer, aad: string): string {
    return open(this.#fieldKey, sealed, aad).toString('utf8');
  }

  sealBlob(plain: Buffer, sha256: string): Buffer {
    return seal(this.#blobKey, plain, `blob.${sha256}`);
  }

  openBlob(sealed: Buffer, sha256: string): Buffer {
    return open(this.#blobKey, sealed, `blob.${sha256}`);
  }

  /** The file name of the blob whose plaintext has this SHA-256 (hex): HMAC-SHA256 under its own key. */
  blobName(sha256: string): string {
    return createHmac('sha256', this.#blobNameKey).update(sha256, 'utf8').digest('hex');
  }

  /** A keyed hash (HMAC-SHA256) for looking a value up without storing it, e.g. an ID number. */
  blindIndex(value: string): string {
    return createHmac('sha256', this.#indexKey).update(value, 'utf8').digest('hex');
  }
}
