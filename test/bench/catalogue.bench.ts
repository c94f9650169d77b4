/**
 * `npm run bench -- catalogue`: the procedure catalogue over 1,000 generated
 * procedures with Vietnamese names.
 *   1. search: median and p95 µs per ProcedureCatalogue.search for several
 *      queries, beside the anchor measured in the same run — a plain
 *      `Array.filter` + `includes` over pre-folded names (no ranking, no field,
 *      no code), as a ratio.
 *   2. import: ms to import the 1,000 as one LayThuTuc file (parse, map,
 *      validate, one transaction, index rebuild) beside a plain prepared
 *      INSERT loop of the same rows in one transaction on the same kind of
 *      database (WAL, synchronous=FULL).
 * Rounds alternate the measured code and its anchor so background load hits both alike.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogueMigrations } from '../../electron/services/catalogue/catalogue-migrations';
import { foldedWords, foldText } from '../../electron/services/catalogue/fold-text';
import { ProcedureCatalogue } from '../../electron/services/catalogue/procedure-catalogue';
import { migrate } from '../../electron/services/store/migrator';
import { openDatabase } from '../../electron/services/store/open-database';
import { generatedEntries } from '../fixtures/catalogue/generated-procedures';

const COUNT = 1000;
const SEARCH_ROUNDS = 5;
const CALLS_PER_ROUND = 400;
const IMPORT_ROUNDS = 5;
const queries = [
  'dang ky khai sinh',
  'giấy phép xây dựng',
  'cap lai giay phep lai xe',
  'ho kinh',
  generatedEntries(438)[437]?.MATTHC ?? '',
  '800437',
  'thu hoi bien so xe luu dong',
  'nha o',
];

const entries = generatedEntries(COUNT);
const fileText = JSON.stringify({ result: entries });
const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-catalogue-'));

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Per-call µs of `run` over CALLS_PER_ROUND calls. */
function timeCalls(run: () => unknown, out: number[]): void {
  for (let i = 0; i < CALLS_PER_ROUND; i++) {
    const t0 = process.hrtime.bigint();
    run();
    out.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);

try {
  // ---- import ----
  const importMs: number[] = [];
  const insertMs: number[] = [];
  let catalogue: ProcedureCatalogue | undefined;
  for (let round = 0; round < IMPORT_ROUNDS; round++) {
    const db = openDatabase(join(dir, `import-${round}.sqlite3`));
    migrate(db, catalogueMigrations);
    const opened = ProcedureCatalogue.open(db, { seed: [] });
    let t0 = performance.now();
    opened.import(fileText, 'generated');
    importMs.push(performance.now() - t0);
    if (round === IMPORT_ROUNDS - 1) catalogue = opened;
    else db.close();

    const raw = openDatabase(join(dir, `insert-${round}.sqlite3`));
    raw.exec(
      'CREATE TABLE p (code TEXT PRIMARY KEY, body TEXT NOT NULL, rank INTEGER NOT NULL) STRICT',
    );
    t0 = performance.now();
    const rows = (JSON.parse(fileText) as { result: { MATTHC: string }[] }).result;
    const insert = raw.prepare('INSERT INTO p (code, body, rank) VALUES (?, ?, ?)');
    raw.transaction(() => {
      rows.forEach((row, i) => insert.run(row.MATTHC, JSON.stringify(row), i));
    })();
    insertMs.push(performance.now() - t0);
    raw.close();
  }
  if (!catalogue) throw new Error('no catalogue');
  if (catalogue.count() !== COUNT) throw new Error(`imported ${catalogue.count()} of ${COUNT}`);

  // ---- search ----
  const foldedNames = entries.map((e) => foldText(e.TENTTHC));
  const anchor = (query: string): string[] => {
    const words = foldedWords(query);
    return foldedNames.filter((n) => words.every((w) => n.includes(w)));
  };
  console.log(
    `catalogue: ${COUNT} procedures; ${SEARCH_ROUNDS}×${CALLS_PER_ROUND} calls per query`,
  );
  console.log(
    'query'.padEnd(32) +
      'hits'.padStart(6) +
      'median µs'.padStart(11) +
      'p95 µs'.padStart(9) +
      'anchor med'.padStart(12) +
      'anchor p95'.padStart(12) +
      'ratio'.padStart(8),
  );
  const ratios: number[] = [];
  for (const query of queries) {
    const mine: number[] = [];
    const base: number[] = [];
    for (let round = 0; round < SEARCH_ROUNDS; round++) {
      timeCalls(() => catalogue.search(query, 20), mine);
      timeCalls(() => anchor(query), base);
    }
    mine.sort((a, b) => a - b);
    base.sort((a, b) => a - b);
    const ratio = quantile(mine, 0.5) / quantile(base, 0.5);
    ratios.push(ratio);
    console.log(
      `"${query}"`.padEnd(32) +
        String(catalogue.search(query, 1).total).padStart(6) +
        fmt(quantile(mine, 0.5)).padStart(11) +
        fmt(quantile(mine, 0.95)).padStart(9) +
        fmt(quantile(base, 0.5)).padStart(12) +
        fmt(quantile(base, 0.95)).padStart(12) +
        `${fmt(ratio, 2)}×`.padStart(8),
    );
  }
  const sortedRatios = [...ratios].sort((a, b) => a - b);
  console.log(
    `search median ratio over queries: ${fmt(quantile(sortedRatios, 0.5), 2)}× the anchor`,
  );

  importMs.sort((a, b) => a - b);
  insertMs.sort((a, b) => a - b);
  const imp = quantile(importMs, 0.5);
  const ins = quantile(insertMs, 0.5);
  console.log(
    `import of ${COUNT} (median of ${IMPORT_ROUNDS}): ${fmt(imp)} ms; plain INSERT loop: ${fmt(ins)} ms; ratio ${fmt(imp / ins, 2)}×`,
  );
  catalogue.search('', 1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
