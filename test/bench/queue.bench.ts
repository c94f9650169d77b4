/**
 * `npm run bench -- queue`: the durable queue.
 *   1. enqueue (queue-A): dossiers/s saved durably by the store, each with
 *      5 × 200 KB attachments (hashed, AES-GCM sealed, fsynced file + folder,
 *      then one SQLite transaction with the outbox rows), next to the anchor:
 *      raw better-sqlite3 (WAL, synchronous=FULL) + the same files written and
 *      fsynced without hashing or encryption, in the same run.
 *   2. sync (queue-B): sync throughput next to the simulator's maximum.
 * The two are interleaved in rounds so that load from other processes hits both alike.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StaticKeyProvider } from '../../electron/services/store/crypto/key-provider';
import type { NewDossierInput } from '../../electron/services/store/dossier-input';
import { DossierStore } from '../../electron/services/store/dossier-store';

const ATTACHMENTS = 5;
const ATTACHMENT_BYTES = 200 * 1024;
const ROUNDS = 5;
const PER_ROUND = 12;

/** Unique attachments (the store dedups by hash): a shared random body, a per-file prefix. */
function attachments(base: Buffer, tag: string): Buffer[] {
  return Array.from({ length: ATTACHMENTS }, (_, i) => {
    const b = Buffer.from(base);
    b.write(`${tag}/${i}/`, 0, 'utf8');
    return b;
  });
}

function dossier(files: Buffer[], n: number): NewDossierInput {
  const receivedAt = Date.UTC(2026, 10, 25, 2, 0, 0);
  return {
    procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
    applicant: {
      kind: '1',
      name: `Công dân ${n}`,
      idNumber: `0011900${String(n).padStart(5, '0')}`,
      source: 'chip',
    },
    summary: 'Đăng ký khai sinh',
    receivedAt,
    dueAt: receivedAt + 3600_000,
    channel: 'counter',
    processingUnit: 'UBND xã Bình Sơn',
    components: files.map((bytes, i) => ({
      code: `TP${i + 1}`,
      fileName: `tp${i + 1}.pdf`,
      mime: 'application/pdf',
      bytes,
    })),
  };
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  fsyncSync(fd);
  closeSync(fd);
}

/** The anchor: the least durable-write work the same dossier needs. */
class RawQueue {
  readonly #db: Database.Database;
  readonly #dir: string;
  readonly #insertDossier: Database.Statement<[string, string]>;
  readonly #insertFile: Database.Statement<[string, string, number]>;
  readonly #insertOutbox: Database.Statement<[string, string, number]>;
  #n = 0;

  constructor(dir: string) {
    this.#dir = dir;
    mkdirSync(join(dir, 'files'), { recursive: true });
    this.#db = new Database(join(dir, 'raw.sqlite3'));
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL');
    this.#db.exec(`CREATE TABLE d (id TEXT PRIMARY KEY, body TEXT);
      CREATE TABLE f (id TEXT, name TEXT, seq INTEGER);
      CREATE TABLE o (id TEXT, op TEXT, seq INTEGER)`);
    this.#insertDossier = this.#db.prepare('INSERT INTO d VALUES (?, ?)');
    this.#insertFile = this.#db.prepare('INSERT INTO f VALUES (?, ?, ?)');
    this.#insertOutbox = this.#db.prepare('INSERT INTO o VALUES (?, ?, ?)');
  }

  save(files: Buffer[]): void {
    const id = `d${++this.#n}`;
    const names = files.map((bytes, i) => {
      const name = `${id}-${i}`;
      const tmp = join(this.#dir, 'files', `${name}.tmp`);
      const fd = openSync(tmp, 'wx');
      writeSync(fd, bytes);
      fsyncSync(fd);
      closeSync(fd);
      renameSync(tmp, join(this.#dir, 'files', name));
      fsyncDir(join(this.#dir, 'files'));
      return name;
    });
    this.#db.transaction(() => {
      this.#insertDossier.run(id, JSON.stringify({ n: this.#n }));
      names.forEach((name, i) => {
        this.#insertFile.run(id, name, i);
        this.#insertOutbox.run(id, 'upload-file', i);
      });
      this.#insertOutbox.run(id, 'sync-dossier', names.length);
    })();
  }

  close(): void {
    this.#db.close();
  }
}

/** Part 1 (queue-A): durable enqueue rate, store vs raw anchor. */
export function benchEnqueue(): { storeRate: number; rawRate: number; ratio: number } {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-queue-'));
  try {
    const store = DossierStore.open({
      dataDir: join(dir, 'store'),
      agencyCode: '000.00.53.H48',
      keyProvider: new StaticKeyProvider(randomBytes(32)),
    });
    const raw = new RawQueue(join(dir, 'raw'));
    const base = randomBytes(ATTACHMENT_BYTES);
    let storeMs = 0;
    let rawMs = 0;
    let n = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const inputs = Array.from({ length: PER_ROUND }, () => attachments(base, `r${round}-${n++}`));
      let t = performance.now();
      for (const files of inputs) raw.save(files);
      rawMs += performance.now() - t;
      t = performance.now();
      inputs.forEach((files, i) => store.save(dossier(files, round * PER_ROUND + i), 'bench'));
      storeMs += performance.now() - t;
    }
    const count = ROUNDS * PER_ROUND;
    const depth = store.outbox.depth();
    store.close();
    raw.close();
    if (depth.pending !== count)
      throw new Error(`expected ${count} queued dossiers, found ${depth.pending}`);
    const storeRate = (count * 1000) / storeMs;
    const rawRate = (count * 1000) / rawMs;
    const mb = (ATTACHMENTS * ATTACHMENT_BYTES) / 1024 / 1024;
    console.log(
      `enqueue (${count} dossiers, ${ATTACHMENTS} × ${ATTACHMENT_BYTES / 1024} KB each):`,
    );
    console.log(
      `  store (hash + AES-GCM + fsync'd blobs + outbox txn): ${storeRate.toFixed(1)} dossiers/s (${(storeRate * mb).toFixed(1)} MB/s)`,
    );
    console.log(
      `  anchor raw better-sqlite3 + fsync'd files:          ${rawRate.toFixed(1)} dossiers/s (${(rawRate * mb).toFixed(1)} MB/s)`,
    );
    console.log(`  ratio store/raw: ${(storeRate / rawRate).toFixed(2)}`);
    return { storeRate, rawRate, ratio: storeRate / rawRate };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Part 2 (queue-B): sync throughput next to the simulator's maximum — benchSync().
// ---------------------------------------------------------------------------

benchEnqueue();
