/**
 * The training portal's satisfaction surveys (UNCONFIRMED interface, see
 * services/portal-contract/danh-gia-hai-long.ts). A survey whose MaDanhGia is
 * already held is a retry after a lost answer: acknowledged again, counted as
 * a replay, never stored twice, which is what lets tests prove "exactly once".
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import {
  DanhGiaHaiLongSchema,
  type DanhGiaHaiLong,
} from '../services/portal-contract/danh-gia-hai-long';
import { describeIssues, SimErrorCode } from './dossier-rules';
import type { Reply } from './sim-routes';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS surveys (
  ma_danh_gia TEXT PRIMARY KEY, body TEXT NOT NULL, received_at INTEGER NOT NULL);
`;

const SurveyBody = z.object({ data: z.array(z.unknown()).min(1).max(100) });

export interface SurveyStats {
  /** Distinct ratings held. */
  readonly held: number;
  /** The same MaDanhGia sent again (a retry after a lost answer). */
  readonly replays: number;
}

export class SimSurveys {
  readonly #db: Database.Database;
  readonly #bump: (name: string) => void;

  constructor(db: Database.Database, bump: (name: string) => void) {
    this.#db = db;
    this.#bump = bump;
    db.exec(SCHEMA);
  }

  /** Answers one DanhGiaHaiLongMC call; all surveys of a batch are held or none. */
  route(body: unknown, now: number): Reply {
    const req = SurveyBody.safeParse(body);
    if (!req.success) {
      return fail(400, SimErrorCode.badRequest, 'DanhGiaHaiLongMC cần data là một mảng đánh giá.');
    }
    const surveys: DanhGiaHaiLong[] = [];
    for (const [i, item] of req.data.data.entries()) {
      const parsed = DanhGiaHaiLongSchema.safeParse(item);
      if (!parsed.success) {
        return fail(
          422,
          SimErrorCode.invalidDossier,
          `Đánh giá thứ ${i + 1} không hợp lệ: ${describeIssues(item, parsed.error.issues)}.`,
        );
      }
      surveys.push(parsed.data);
    }
    const insert = this.#db.prepare(
      'INSERT OR IGNORE INTO surveys (ma_danh_gia, body, received_at) VALUES (?, ?, ?)',
    );
    const replays = this.#db.transaction(
      () =>
        surveys.filter((s) => insert.run(s.MaDanhGia, JSON.stringify(s), now).changes === 0).length,
    )();
    for (let i = 0; i < replays; i++) this.#bump('surveyReplays');
    return { status: 200, body: { error_code: 0 } };
  }

  all(): DanhGiaHaiLong[] {
    const rows = this.#db
      .prepare<[], { body: string }>('SELECT body FROM surveys ORDER BY received_at, ma_danh_gia')
      .all();
    return rows.map((r) => DanhGiaHaiLongSchema.parse(JSON.parse(r.body)));
  }

  stats(counters: ReadonlyMap<string, number>): SurveyStats {
    const row = this.#db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM surveys').get();
    return { held: row?.n ?? 0, replays: counters.get('surveyReplays') ?? 0 };
  }
}

function fail(status: number, code: number, message: string): Reply {
  return { status, body: { error_code: code, message } };
}
