import type Database from 'better-sqlite3';
import { ProcedureSchema, type Procedure } from '../../api/contract/procedure';
import { KioskError } from '../../api/errors';
import { CatalogueIndex, type SearchResult } from './catalogue-index';
import { readLayThuTuc } from './laythutuc-reader';
import { procedureFromLayThuTuc } from './laythutuc-mapper';
import { seedProcedures, type SeedProcedure } from './seed-procedures';

export interface SkippedProcedure {
  readonly code: string;
  readonly name: string;
  readonly reason: string;
}

export interface ImportResult {
  readonly added: number;
  readonly updated: number;
  readonly skipped: readonly SkippedProcedure[];
  /** True when nothing was written (`--dry-run`). */
  readonly dryRun: boolean;
}

interface Row {
  readonly procedure: Procedure;
  readonly source: 'seed' | 'import';
  readonly seedVersion: number | null;
  readonly rank: number;
}

interface DbRow {
  code: string;
  body: string;
  source: string;
  seed_version: number | null;
  rank: number;
}

export const DEFAULT_SEARCH_LIMIT = 20;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The procedure catalogue in the kiosk database (tables from
 * catalogue-migrations, which the opener must have applied). Opening adds the
 * seed procedures the catalogue lacks and refreshes seed rows whose seed
 * version changed; a procedure once imported is never overwritten by the
 * seed. Reads are served from memory (rebuilt after every import), so a
 * search over a thousand procedures stays well under a millisecond.
 */
export class ProcedureCatalogue {
  readonly #db: Database.Database;
  readonly #now: () => number;
  #rows = new Map<string, Row>();
  #index = new CatalogueIndex([]);
  /** Codes of stored rows that no longer pass ProcedureSchema; left out of search and get. */
  #invalid: string[] = [];
  /** SQLite's data_version (moves when another connection commits) and the table's signature, as of the last load. */
  #dataVersion = -1;
  #signature = '';

  private constructor(db: Database.Database, now: () => number) {
    this.#db = db;
    this.#now = now;
  }

  static open(
    db: Database.Database,
    options: { readonly now?: () => number; readonly seed?: readonly SeedProcedure[] } = {},
  ): ProcedureCatalogue {
    const catalogue = new ProcedureCatalogue(db, options.now ?? Date.now);
    catalogue.#reload();
    catalogue.#applySeed(options.seed ?? seedProcedures);
    return catalogue;
  }

  count(): number {
    this.#refresh();
    return this.#rows.size;
  }

  /** Stored rows that failed validation on load (diagnostics). */
  get invalidCodes(): readonly string[] {
    return this.#invalid;
  }

  search(query: string, limit = DEFAULT_SEARCH_LIMIT): SearchResult {
    this.#refresh();
    return this.#index.search(query, limit);
  }

  get(code: string): Procedure | undefined {
    this.#refresh();
    return this.#rows.get(code)?.procedure;
  }

  /**
   * Imports a LayThuTuc answer (JSON text) in one transaction. A file that is
   * not JSON, not LayThuTuc-shaped or has a bad entry changes nothing and
   * throws CATALOGUE_INVALID naming the entries; unpublished procedures are
   * skipped and reported. A procedure's stored e-form is kept.
   */
  import(
    text: string,
    sourceName: string,
    options: { readonly dryRun?: boolean } = {},
  ): ImportResult {
    const { entries, skipped } = readLayThuTuc(text);
    this.#refresh();
    const updatedAt = new Date(this.#now()).toISOString();
    const plans = entries.map((entry) => {
      const existing = this.#rows.get(entry.MATTHC);
      return { existing, procedure: procedureFromLayThuTuc(entry, existing?.procedure, updatedAt) };
    });
    const issues = plans.flatMap(({ procedure }) => {
      const checked = ProcedureSchema.safeParse(procedure);
      return checked.success
        ? []
        : checked.error.issues.map((issue) => ({
            path: `${procedure.code}.${issue.path.join('.')}`,
            message: `${procedure.code} ${procedure.name}: ${issue.message}`,
          }));
    });
    if (issues.length > 0) {
      throw new KioskError(
        'CATALOGUE_INVALID',
        `${sourceName}: ${issues.length} invalid value(s); nothing imported`,
        issues,
      );
    }
    const added = plans.filter((p) => p.existing === undefined).length;
    const result = {
      added,
      updated: plans.length - added,
      skipped,
      dryRun: options.dryRun === true,
    };
    if (result.dryRun) return result;

    this.#write(plans, sourceName, skipped.length);
    return result;
  }

  /** One transaction for the rows and the import log; then memory follows without re-reading. */
  #write(
    plans: readonly { existing: Row | undefined; procedure: Procedure }[],
    sourceName: string,
    skipped: number,
  ): void {
    const nowMs = this.#now();
    let nextRank = Math.max(0, ...[...this.#rows.values()].map((r) => r.rank + 1));
    const rows = plans.map(({ existing, procedure }) => ({
      procedure,
      source: 'import' as const,
      seedVersion: null,
      rank: existing?.rank ?? nextRank++,
    }));
    const upsert = this.#db.prepare<[string, string, number, number]>(
      `INSERT INTO catalogue_procedures (code, body, source, seed_version, rank, updated_at)
       VALUES (?, ?, 'import', NULL, ?, ?)
       ON CONFLICT (code) DO UPDATE SET body = excluded.body, source = 'import',
         seed_version = NULL, updated_at = excluded.updated_at`,
    );
    const added = plans.filter((p) => p.existing === undefined).length;
    this.#db
      .transaction(() => {
        for (const row of rows) {
          upsert.run(row.procedure.code, JSON.stringify(row.procedure), row.rank, nowMs);
        }
        this.#db
          .prepare(
            'INSERT INTO catalogue_imports (source_name, imported_at, added, updated, skipped) VALUES (?, ?, ?, ?, ?)',
          )
          .run(sourceName, nowMs, added, plans.length - added, skipped);
      })
      .immediate();
    const next = new Map(this.#rows);
    for (const row of rows) next.set(row.procedure.code, row);
    this.#signature = this.#tableSignature();
    this.#setRows(next);
  }

  #applySeed(seed: readonly SeedProcedure[]): void {
    const updatedAt = new Date(this.#now()).toISOString();
    const write = this.#db.prepare<[string, string, number, number, number]>(
      `INSERT INTO catalogue_procedures (code, body, source, seed_version, rank, updated_at)
       VALUES (?, ?, 'seed', ?, ?, ?)
       ON CONFLICT (code) DO UPDATE SET body = excluded.body, seed_version = excluded.seed_version,
         rank = excluded.rank, updated_at = excluded.updated_at
       WHERE catalogue_procedures.source = 'seed'`,
    );
    const due = seed
      .map((entry, rank) => ({ entry, rank }))
      .filter(({ entry }) => {
        const row = this.#rows.get(entry.code);
        if (row === undefined) return true;
        return row.source === 'seed' && (row.seedVersion ?? 0) < entry.seedVersion;
      });
    if (due.length === 0) return;
    this.#db
      .transaction(() => {
        for (const { entry, rank } of due) {
          const { seedVersion, ...rest } = entry;
          const procedure = ProcedureSchema.parse({ ...rest, source: 'seed', updatedAt });
          write.run(procedure.code, JSON.stringify(procedure), seedVersion, rank, this.#now());
        }
      })
      .immediate();
    this.#reload();
  }

  /**
   * Follows a change made by another process on the same database (e.g.
   * `kiosk catalogue import` while the kiosk runs): one pragma per call, one
   * small query only when some other connection has committed.
   */
  #refresh(): void {
    const version = Number(this.#db.pragma('data_version', { simple: true }));
    if (version === this.#dataVersion) return;
    this.#dataVersion = version;
    if (this.#tableSignature() !== this.#signature) this.#reload();
  }

  #tableSignature(): string {
    const row = this.#db
      .prepare<[], { n: number; last: number | null }>(
        'SELECT COUNT(*) AS n, MAX(updated_at) AS last FROM catalogue_procedures',
      )
      .get();
    return `${row?.n ?? 0}:${row?.last ?? 0}`;
  }

  #reload(): void {
    this.#dataVersion = Number(this.#db.pragma('data_version', { simple: true }));
    this.#signature = this.#tableSignature();
    const rows = new Map<string, Row>();
    const invalid: string[] = [];
    const stored = this.#db
      .prepare<[], DbRow>('SELECT code, body, source, seed_version, rank FROM catalogue_procedures')
      .all();
    for (const r of stored) {
      const parsed = ProcedureSchema.safeParse(parseJson(r.body));
      if (!parsed.success || (r.source !== 'seed' && r.source !== 'import')) {
        invalid.push(r.code);
        continue;
      }
      rows.set(r.code, {
        procedure: parsed.data,
        source: r.source,
        seedVersion: r.seed_version,
        rank: r.rank,
      });
    }
    this.#invalid = invalid;
    this.#setRows(rows);
  }

  #setRows(rows: Map<string, Row>): void {
    this.#rows = rows;
    this.#index = new CatalogueIndex([...rows.values()]);
  }
}
