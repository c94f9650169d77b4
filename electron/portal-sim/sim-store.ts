/**
 * The training portal's own persistence (better-sqlite3): sessions, the file
 * store the portal fetches attachments from, dossiers keyed by MaHoSo, and the
 * counters `GET /__sim/stats` reports. Every mutation of one request is one
 * transaction, so a response lost after commit still leaves a consistent store.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { SimStatusLog } from './sim-status-log';
import { SimSurveys } from './sim-surveys';

export interface StoredFile {
  readonly id: string;
  readonly sha256: string;
  readonly mime: string;
  readonly name: string;
  readonly bytes: Buffer;
}

export interface SimStats {
  readonly dossiers: number;
  readonly duplicates: number;
  /** Create calls (isUpdating "False") that reached the store, accepted or refused, per dossier. */
  readonly creates: number;
  readonly requests: number;
  readonly faults: number;
  readonly files: number;
  readonly faultsByKind: Readonly<Record<string, number>>;
}

export type SaveOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'duplicate' | 'unknown'; readonly maHoSo: string };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (token TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS files (
  id TEXT PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, mime TEXT NOT NULL, name TEXT NOT NULL,
  bytes BLOB NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS dossiers (
  ma_ho_so TEXT PRIMARY KEY, body TEXT NOT NULL, status TEXT NOT NULL,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, updates INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
`;

export class SimStore {
  readonly #db: Database.Database;
  /** Progress objects and status history (issue 17). */
  readonly statusLog: SimStatusLog;
  /** Citizens' ratings (issue 19, UNCONFIRMED interface). */
  readonly surveys: SimSurveys;

  /** `dataDir` null keeps everything in memory (tests that need no restart). */
  constructor(dataDir: string | null) {
    // The training copy holds real citizens' data when staff train on real
    // cases: owner-only like the kiosk's own data folder, enforced on every open.
    if (dataDir !== null) {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      chmodSync(dataDir, 0o700);
    }
    const path = dataDir === null ? ':memory:' : join(dataDir, 'portal-sim.sqlite');
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('secure_delete = ON');
    this.#db.exec(SCHEMA);
    if (dataDir !== null) {
      for (const file of [path, `${path}-wal`, `${path}-shm`])
        if (existsSync(file)) chmodSync(file, 0o600);
    }
    this.statusLog = new SimStatusLog(this.#db, (name) => {
      this.bump(name);
    });
    this.surveys = new SimSurveys(this.#db, (name) => {
      this.bump(name);
    });
  }

  /** Every named counter (faults, duplicates, replays…). */
  counters(): ReadonlyMap<string, number> {
    const rows = this.#db.prepare('SELECT name, value FROM counters').all() as {
      name: string;
      value: number;
    }[];
    return new Map(rows.map((r) => [r.name, r.value]));
  }

  close(): void {
    this.#db.close();
  }

  bump(name: string, by = 1): void {
    this.#db
      .prepare(
        'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value',
      )
      .run(name, by);
  }

  openSession(ttlMs: number, now: number): string {
    const token = randomBytes(24).toString('base64url');
    this.#db
      .prepare('INSERT INTO sessions (token, expires_at) VALUES (?, ?)')
      .run(token, now + ttlMs);
    return token;
  }

  sessionValid(token: string, now: number): boolean {
    const row = this.#db.prepare('SELECT expires_at FROM sessions WHERE token = ?').get(token) as
      { expires_at: number } | undefined;
    return row !== undefined && row.expires_at > now;
  }

  expireSession(token: string): void {
    this.#db.prepare('DELETE FROM sessions WHERE token = ?').run(token);
  }

  /** Same content, same id: a second upload of identical bytes returns the first record. */
  putFile(sha256: string, mime: string, name: string, bytes: Buffer, now: number): StoredFile {
    const existing = this.fileBySha(sha256);
    if (existing) return existing;
    const id = uuidv7();
    this.#db
      .prepare(
        'INSERT INTO files (id, sha256, mime, name, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(id, sha256, mime, name, bytes, now);
    return { id, sha256, mime, name, bytes };
  }

  fileBySha(sha256: string): StoredFile | undefined {
    return this.#db
      .prepare('SELECT id, sha256, mime, name, bytes FROM files WHERE sha256 = ?')
      .get(sha256) as StoredFile | undefined;
  }

  fileById(id: string): StoredFile | undefined {
    return this.#db
      .prepare('SELECT id, sha256, mime, name, bytes FROM files WHERE id = ?')
      .get(id) as StoredFile | undefined;
  }

  dossier(maHoSo: string): Record<string, unknown> | undefined {
    const row = this.#db.prepare('SELECT body FROM dossiers WHERE ma_ho_so = ?').get(maHoSo) as
      { body: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.body) as Record<string, unknown>);
  }

  /**
   * Saves a DongBoHoSoMC batch all-or-nothing. A create for a MaHoSo already
   * held is counted as a duplicate and rejects the batch; an update of an
   * unknown MaHoSo rejects it too.
   */
  saveDossiers(
    dossiers: readonly { readonly MaHoSo: string; readonly TrangThaiHoSo: string }[],
    updating: boolean,
    now: number,
  ): SaveOutcome {
    const exists = this.#db.prepare('SELECT 1 FROM dossiers WHERE ma_ho_so = ?');
    const insert = this.#db.prepare(
      'INSERT INTO dossiers (ma_ho_so, body, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    const update = this.#db.prepare(
      'UPDATE dossiers SET body = ?, status = ?, updated_at = ?, updates = updates + 1 WHERE ma_ho_so = ?',
    );
    if (!updating) this.bump('creates', dossiers.length);
    const run = this.#db.transaction((): SaveOutcome => {
      for (const d of dossiers) {
        const held = exists.get(d.MaHoSo) !== undefined;
        if (!updating && held) return { ok: false, reason: 'duplicate', maHoSo: d.MaHoSo };
        if (updating && !held) return { ok: false, reason: 'unknown', maHoSo: d.MaHoSo };
      }
      for (const d of dossiers) {
        const body = JSON.stringify(d);
        if (updating) update.run(body, d.TrangThaiHoSo, now, d.MaHoSo);
        else insert.run(d.MaHoSo, body, d.TrangThaiHoSo, now, now);
      }
      return { ok: true };
    });
    const outcome = run();
    if (!outcome.ok && outcome.reason === 'duplicate') this.bump('duplicates');
    return outcome;
  }

  /**
   * Deletes dossiers, their history and files not touched since `before`:
   * the kiosk passes its own retention so the training copy keeps personal
   * data no longer than the kiosk does. Returns how many dossiers went.
   */
  purgeOlderThan(before: number): number {
    return this.#db.transaction(() => {
      const gone = this.#db
        .prepare('SELECT ma_ho_so FROM dossiers WHERE updated_at < ?')
        .all(before) as { ma_ho_so: string }[];
      for (const table of ['progress', 'status_history'] as const) {
        const del = this.#db.prepare(`DELETE FROM ${table} WHERE ma_ho_so = ?`);
        for (const d of gone) del.run(d.ma_ho_so);
      }
      this.#db.prepare('DELETE FROM dossiers WHERE updated_at < ?').run(before);
      // A file a kept dossier still links to stays (uploads are deduplicated by content).
      this.#db
        .prepare(
          `DELETE FROM files WHERE created_at < ? AND NOT EXISTS
             (SELECT 1 FROM dossiers WHERE instr(body, '/files/' || files.id) > 0)`,
        )
        .run(before);
      this.#db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(before);
      return gone.length;
    })();
  }

  /**
   * Training hook: the back office moved a dossier on (e.g. to "9" Đã xử lý
   * xong), or another counter handed its result over (10 with NgayTra).
   */
  setStatus(maHoSo: string, status: string, now: number, ngayTra?: string): boolean {
    const current = this.dossier(maHoSo);
    if (current === undefined) return false;
    const body = JSON.stringify({
      ...current,
      TrangThaiHoSo: status,
      ...(ngayTra === undefined ? {} : { NgayTra: ngayTra }),
    });
    this.#db
      .prepare('UPDATE dossiers SET body = ?, status = ?, updated_at = ? WHERE ma_ho_so = ?')
      .run(body, status, now, maHoSo);
    this.statusLog.status(maHoSo, status, 'back-office', now);
    return true;
  }

  /** Every held dossier as last sent, ordered by MaHoSo (the chaos test's final check). */
  allDossiers(): Record<string, unknown>[] {
    const rows = this.#db.prepare('SELECT body FROM dossiers ORDER BY ma_ho_so').all() as {
      body: string;
    }[];
    return rows.map((r) => JSON.parse(r.body) as Record<string, unknown>);
  }

  stats(): SimStats {
    const counters = new Map(
      (
        this.#db.prepare('SELECT name, value FROM counters').all() as {
          name: string;
          value: number;
        }[]
      ).map((r) => [r.name, r.value]),
    );
    const faultsByKind: Record<string, number> = {};
    for (const [name, value] of counters) {
      if (name.startsWith('fault:')) faultsByKind[name.slice(6)] = value;
    }
    const count = (table: 'dossiers' | 'files'): number =>
      (this.#db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      dossiers: count('dossiers'),
      duplicates: counters.get('duplicates') ?? 0,
      creates: counters.get('creates') ?? 0,
      requests: counters.get('requests') ?? 0,
      faults: counters.get('faults') ?? 0,
      files: count('files'),
      faultsByKind,
    };
  }
}
