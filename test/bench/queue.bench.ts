/**
 * `npm run bench -- queue`: the durable queue.
 *   1. enqueue (the store): dossiers/s saved durably by the store, each with
 *      5 × 200 KB attachments (hashed, AES-GCM sealed, fsynced file + folder,
 *      then one SQLite transaction with the outbox rows), next to the anchor:
 *      raw better-sqlite3 (WAL, synchronous=FULL) + the same files written and
 *      fsynced without hashing or encryption, in the same run.
 *   2. sync (the sync engine): sync throughput next to the simulator's maximum.
 *   3. the centre queue on PostgreSQL: tickets/s under 10 concurrent clients
 *      next to a bare INSERT … RETURNING loop (support/centre-queue-postgres.ts).
 * The two are interleaved in rounds so that load from other processes hits both alike.
 */
import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
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
import { PortalClient } from '../../electron/services/portal/portal-client';
import { SyncEngine } from '../../electron/services/sync/sync-engine';
import { simFetch, startSim } from '../integration/sync/peers';
import { benchCentreQueue } from './support/centre-queue-postgres';

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

/** Part 1 (the store): durable enqueue rate, store vs raw anchor. */
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
// Part 2 (the sync engine): sync throughput next to the simulator's maximum — benchSync().
// ---------------------------------------------------------------------------

const SYNC_DOSSIERS = 60;
const SYNC_CONCURRENCY = 8;
const SIM_USER = { username: 'kiosk', password: 'kiosk-training' };

/** Starts the simulator as its own process (as in training) and resolves with its URL. */
async function startSimProcess(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  return startSim(['--port', '0', '--data', dataDir]);
}

async function postJson(url: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (json.error_code !== 0) throw new Error(`${url}: ${JSON.stringify(json)}`);
  return json;
}

/**
 * The anchor: what the simulator serves to a bare client with no store, no
 * encryption and no durability, doing a dossier's calls (every upload, the
 * create, the status lookup) at the same concurrency as the sync engine.
 */
async function simMaximum(
  url: string,
  prefix: string,
  files: Buffer[],
): Promise<{ dossiersPerS: number; requestsPerS: number }> {
  const { session } = (await postJson(`${url}/api/auth`, SIM_USER)) as { session: string };
  let next = 0;
  let requests = 0;
  const one = async (n: number): Promise<void> => {
    const links: string[] = [];
    for (const [i, base] of files.entries()) {
      const bytes = Buffer.from(base);
      bytes.write(`${prefix}/${n}/${i}/`, 0, 'utf8');
      const form = new FormData();
      form.set('sha256', createHash('sha256').update(bytes).digest('hex'));
      form.set('file', new Blob([bytes], { type: 'application/pdf' }), `tp${i}.pdf`);
      const res = await fetch(`${url}/api/files`, {
        method: 'POST',
        headers: { 'x-session': session },
        body: form,
      });
      links.push(((await res.json()) as { url: string }).url);
      requests++;
    }
    const code = `000.00.99.${prefix}-261125-${String(n + 1).padStart(4, '0')}`;
    const envelope = { session, madonvi: '000.00.99.H99' };
    await postJson(`${url}/api/integration`, {
      ...envelope,
      service: 'DongBoHoSoMC',
      isUpdating: 'False',
      data: [
        {
          MaHoSo: code,
          MaTTHC: '1.001193',
          TenTTHC: 'Đăng ký khai sinh',
          LoaiDoiTuong: '1',
          Email: '',
          SoDienThoai: '',
          TrichYeuHoSo: 'Đăng ký khai sinh',
          NgayTiepNhan: '20261125090000',
          NgayHenTra: '20261125100000',
          TrangThaiHoSo: '2',
          HinhThuc: '0',
          DonViXuLy: 'UBND xã Bình Sơn',
          TaiLieuNop: links.map((link, i) => ({
            TepDinhKemId: `${n}-${i}`,
            TenTepDinhKem: `tp${i}.pdf`,
            IsDeleted: 'False',
            MaThanhPhanHoSo: `TP${i + 1}`,
            DuongDanTaiTepTin: link,
          })),
        },
      ],
    });
    await postJson(`${url}/api/integration`, { ...envelope, service: 'TraCuuHoSo', mahoso: code });
    requests += 2;
  };
  const t = performance.now();
  await Promise.all(
    Array.from({ length: SYNC_CONCURRENCY }, async () => {
      while (next < SYNC_DOSSIERS) await one(next++);
    }),
  );
  const s = (performance.now() - t) / 1000;
  return { dossiersPerS: SYNC_DOSSIERS / s, requestsPerS: requests / s };
}

/** Part 2 (the sync engine): the sync engine draining the store into the simulator, next to the simulator's maximum. */
export async function benchSync(): Promise<{ syncRate: number; simRate: number; ratio: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-sync-'));
  const sim = await startSimProcess(join(dir, 'sim'));
  try {
    const base = randomBytes(ATTACHMENT_BYTES);
    const anchorBefore = await simMaximum(sim.url, 'H97', attachments(base, 'anchor-a'));
    const store = DossierStore.open({
      dataDir: join(dir, 'store'),
      agencyCode: '000.00.53.H48',
      keyProvider: new StaticKeyProvider(randomBytes(32)),
    });
    for (let n = 0; n < SYNC_DOSSIERS; n++)
      store.save(dossier(attachments(base, `sync-${n}`), n), 'bench');
    const engine = new SyncEngine(
      store.outbox,
      new PortalClient({ baseUrl: sim.url, ...SIM_USER, madonvi: '000.00.53.H48' }),
      { concurrency: SYNC_CONCURRENCY },
    );
    const statsUrl = `${sim.url}/__sim/stats`;
    const requestsBefore = ((await (await simFetch(statsUrl)).json()) as { requests: number })
      .requests;
    const t = performance.now();
    const status = await engine.runUntilEmpty();
    const s = (performance.now() - t) / 1000;
    const requestsAfter = ((await (await simFetch(statsUrl)).json()) as { requests: number })
      .requests;
    store.close();
    if (status.pending !== 0 || status.parked !== 0)
      throw new Error(`sync left ${JSON.stringify(status)}`);
    const anchorAfter = await simMaximum(sim.url, 'H98', attachments(base, 'anchor-b'));
    const syncRate = SYNC_DOSSIERS / s;
    const simRate = (anchorBefore.dossiersPerS + anchorAfter.dossiersPerS) / 2;
    const simRequests = (anchorBefore.requestsPerS + anchorAfter.requestsPerS) / 2;
    console.log(
      `sync (${SYNC_DOSSIERS} dossiers, ${ATTACHMENTS} × ${ATTACHMENT_BYTES / 1024} KB each, concurrency ${SYNC_CONCURRENCY}, no faults):`,
    );
    console.log(
      `  kiosk sync engine (store reads + decrypt + audit + fsync'd acks): ${syncRate.toFixed(1)} dossiers/s, ${((requestsAfter - requestsBefore) / s).toFixed(0)} requests/s`,
    );
    console.log(
      `  anchor simulator maximum (bare HTTP client, same calls):         ${simRate.toFixed(1)} dossiers/s, ${simRequests.toFixed(0)} requests/s`,
    );
    console.log(`  ratio sync/simulator: ${(syncRate / simRate).toFixed(2)}`);
    return { syncRate, simRate, ratio: syncRate / simRate };
  } finally {
    sim.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

benchEnqueue();
await benchSync();
await benchCentreQueue();
