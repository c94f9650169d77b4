import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { generatedEntries } from '../../../test/fixtures/catalogue/generated-procedures';
import { catalogueTestDb } from './catalogue-test-db';
import { foldedWords } from './fold-text';
import { ProcedureCatalogue } from './procedure-catalogue';

let db: Database.Database;
let catalogue: ProcedureCatalogue;
const entries = generatedEntries(1000);

beforeAll(() => {
  db = catalogueTestDb();
  catalogue = ProcedureCatalogue.open(db, { seed: [] });
  catalogue.import(JSON.stringify({ result: entries }), 'generated');
});
afterAll(() => db.close());

/** The plain reading of the rule: every query word starts some word of the name, the field or the code. */
function expected(query: string): Set<string> {
  const words = foldedWords(query);
  return new Set(
    entries
      .filter((e) => {
        const hay = [
          ...foldedWords(e.TENTTHC),
          ...foldedWords(e.LINHVUCTHUCHIEN[0]?.TENLINHVUC ?? ''),
          e.MATTHC,
          e.MATTHC.slice(2),
        ];
        return words.every((w) => hay.some((h) => h.startsWith(w)));
      })
      .map((e) => e.MATTHC),
  );
}

describe('search over 1,000 procedures', () => {
  it('imports all of them', () => {
    expect(catalogue.count()).toBe(1000);
  });

  it.each([
    'cap lai giay phep',
    'giấy phép xây dựng có yếu tố nước ngoài',
    'ho kinh',
    'DANG KY',
    'dat dai',
    'thu hoi bien so xe luu dong',
    'gia han the bao hiem y te',
    'nha o',
  ])('"%s" finds exactly the procedures holding every word, ranked by tier', (query) => {
    const found = catalogue.search(query, 1000);
    const want = expected(query);
    expect(want.size).toBeGreaterThan(0);
    expect(found.total).toBe(want.size);
    expect(new Set(found.procedures.map((p) => p.code))).toEqual(want);
    // Names holding every word come before matches that need the field.
    const words = foldedWords(query);
    const inName = found.procedures.map((p) => {
      const name = foldedWords(p.name);
      return words.every((w) => name.some((n) => n.startsWith(w)));
    });
    const firstFieldOnly = inName.indexOf(false);
    if (firstFieldOnly >= 0) expect(inName.slice(firstFieldOnly)).not.toContain(true);
  });

  it('a code and its six digits find exactly that procedure first', () => {
    const code = entries[437]?.MATTHC ?? '';
    expect(catalogue.search(code, 5).procedures[0]?.code).toBe(code);
    expect(catalogue.search(code.slice(2), 5).procedures[0]?.code).toBe(code);
  });
});
