/**
 * The training portal's record of what happened to each dossier after its
 * create: CapNhatTienDoHoSoMC progress objects and every status change (from
 * a create, an update, a progress object or the back-office hook), in order.
 * Tests read it through `GET /__sim/history` and `GET /__sim/status-stats`.
 *
 * A progress object identical to one already held (same MaHoSo, ThoiDiemXuLy,
 * TrangThai and NoiDungXuLy) is the same step sent again after a lost answer:
 * it is counted as a replay and not added twice (the real portal's behaviour
 * is UNCONFIRMED, portal.md §1.6).
 */
import type Database from 'better-sqlite3';
import type { CapNhatTienDo } from '../services/portal-contract/cap-nhat-tien-do';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS progress (
  id INTEGER PRIMARY KEY AUTOINCREMENT, ma_ho_so TEXT NOT NULL, thoi_diem TEXT NOT NULL,
  trang_thai TEXT NOT NULL, noi_dung TEXT NOT NULL, body TEXT NOT NULL, received_at INTEGER NOT NULL,
  UNIQUE (ma_ho_so, thoi_diem, trang_thai, noi_dung));
CREATE TABLE IF NOT EXISTS status_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT, ma_ho_so TEXT NOT NULL, status TEXT NOT NULL,
  source TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS status_history_by_code ON status_history(ma_ho_so, id);
`;

export interface StatusStats {
  /** Progress objects held (distinct steps). */
  readonly progress: number;
  /** Identical progress objects sent again (a lost answer's retry). */
  readonly progressReplays: number;
  /** Progress objects for a MaHoSo the portal did not hold yet: refused, and counted. */
  readonly progressBeforeCreate: number;
  /** Updates refused because a result link named no uploaded file. */
  readonly resultLinksMissing: number;
}

export interface HistoryEntry {
  readonly status: string;
  readonly source: 'create' | 'update' | 'progress' | 'back-office';
  readonly at: number;
}

export class SimStatusLog {
  readonly #db: Database.Database;
  readonly #bump: (name: string) => void;

  constructor(db: Database.Database, bump: (name: string) => void) {
    this.#db = db;
    this.#bump = bump;
    db.exec(SCHEMA);
  }

  /** Holds one progress object; false when it is a replay of one already held. */
  addProgress(p: CapNhatTienDo, now: number): boolean {
    const inserted = this.#db
      .prepare(
        `INSERT OR IGNORE INTO progress (ma_ho_so, thoi_diem, trang_thai, noi_dung, body, received_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(p.MaHoSo, p.ThoiDiemXuLy, p.TrangThai, p.NoiDungXuLy, JSON.stringify(p), now);
    if (inserted.changes === 0) {
      this.#bump('progressReplays');
      return false;
    }
    this.status(p.MaHoSo, p.TrangThai, 'progress', now);
    return true;
  }

  /** Records a status the dossier now has, unless it already has it. */
  status(maHoSo: string, status: string, source: HistoryEntry['source'], now: number): void {
    const last = this.#db
      .prepare<[string], { status: string }>(
        'SELECT status FROM status_history WHERE ma_ho_so = ? ORDER BY id DESC LIMIT 1',
      )
      .get(maHoSo);
    if (last?.status === status) return;
    this.#db
      .prepare('INSERT INTO status_history (ma_ho_so, status, source, at) VALUES (?, ?, ?, ?)')
      .run(maHoSo, status, source, now);
  }

  history(maHoSo: string): { progress: CapNhatTienDo[]; statuses: HistoryEntry[] } {
    const progress = this.#db
      .prepare<[string], { body: string }>(
        'SELECT body FROM progress WHERE ma_ho_so = ? ORDER BY id',
      )
      .all(maHoSo)
      .map((r) => JSON.parse(r.body) as CapNhatTienDo);
    const statuses = this.#db
      .prepare<[string], HistoryEntry>(
        'SELECT status, source, at FROM status_history WHERE ma_ho_so = ? ORDER BY id',
      )
      .all(maHoSo);
    return { progress, statuses };
  }

  stats(counters: ReadonlyMap<string, number>): StatusStats {
    const n = (this.#db.prepare('SELECT COUNT(*) AS n FROM progress').get() as { n: number }).n;
    return {
      progress: n,
      progressReplays: counters.get('progressReplays') ?? 0,
      progressBeforeCreate: counters.get('progressBeforeCreate') ?? 0,
      resultLinksMissing: counters.get('resultLinksMissing') ?? 0,
    };
  }
}
