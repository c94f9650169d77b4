import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../store/migrator';
import { openDatabase } from '../store/open-database';
import { catalogueMigrations } from './catalogue-migrations';
import type Database from 'better-sqlite3';
import { catalogueTestDb } from './catalogue-test-db';
import { ProcedureCatalogue } from './procedure-catalogue';
import { seedProcedures } from './seed-procedures';

let db: Database.Database | undefined;
const open = (): ProcedureCatalogue => {
  db = catalogueTestDb();
  return ProcedureCatalogue.open(db);
};
afterEach(() => db?.close());

const codes = (c: ProcedureCatalogue, q: string): string[] =>
  c.search(q, 50).procedures.map((p) => p.code);

describe('ProcedureCatalogue search', () => {
  it('"dang ky khai sinh" finds "Đăng ký khai sinh" first', () => {
    const c = open();
    const found = c.search('dang ky khai sinh', 20);
    expect(found.procedures[0]?.code).toBe('1.001193');
    expect(found.procedures[0]?.name).toBe('Đăng ký khai sinh');
    // Also the liên thông and the re-registration, which hold every word; nothing else.
    expect(new Set(codes(c, 'dang ky khai sinh'))).toEqual(
      new Set(['1.001193', '1.004884', '3.000722']),
    );
    expect(found.total).toBe(3);
  });

  it('finds a procedure by its full code and by its six digits, ahead of name matches', () => {
    const c = open();
    expect(codes(c, '1.001193')).toEqual(['1.001193']);
    expect(codes(c, '001193')).toEqual(['1.001193']);
    expect(codes(c, '  1.004222 ')[0]).toBe('1.004222');
  });

  it('is case- and diacritic-insensitive and matches each word by prefix', () => {
    const c = open();
    expect(codes(c, 'ĐĂNG KÝ KẾT HÔN')).toEqual(codes(c, 'dang ky ket hon'));
    expect(codes(c, 'dk kết')).toEqual([]);
    expect(codes(c, 'ket ho')).toContain('1.000894');
    expect(codes(c, 'thuong tru')).toEqual(
      expect.arrayContaining(['1.004222', '1.003197', '3.000722', '2.002913']),
    );
  });

  it('requires every word: a word found nowhere empties the result', () => {
    const c = open();
    expect(c.search('khai sinh xyz', 20)).toEqual({ procedures: [], total: 0 });
  });

  it('ranks name-starts-with above all-words-in-name above field-only matches', () => {
    const c = open();
    // "ket hon": Đăng ký kết hôn… have all words in the name; none start with it.
    const hon = codes(c, 'dang ky ket hon');
    expect(hon.slice(0, 2)).toEqual(['1.000894', '2.000806']);
    // "chung thuc" starts the two certification names; "ho tich" is only their field for the others.
    expect(codes(c, 'chung thuc').slice(0, 2)).toEqual(['2.000815', '2.000884']);
    const hoTich = c.search('ho tich', 50);
    expect(hoTich.procedures[0]?.code).toBe('2.000635'); // "trích lục hộ tịch": in the name
    expect(hoTich.total).toBeGreaterThan(5); // the rest by field "Hộ tịch"
  });

  it('an empty query lists the catalogue most used first, with the total', () => {
    const c = open();
    const all = c.search('', 5);
    expect(all.total).toBe(seedProcedures.length);
    expect(all.procedures.map((p) => p.code)).toEqual(
      seedProcedures.slice(0, 5).map((p) => p.code),
    );
  });
});

describe('ProcedureCatalogue seed', () => {
  it('loads the seed into an empty catalogue once', () => {
    const c = open();
    expect(c.count()).toBe(seedProcedures.length);
    expect(c.get('1.001193')?.source).toBe('seed');
    const rows = () =>
      (db?.prepare('SELECT COUNT(*) AS n FROM catalogue_procedures').get() as { n: number }).n;
    expect(rows()).toBe(seedProcedures.length);
    if (db) ProcedureCatalogue.open(db);
    expect(rows()).toBe(seedProcedures.length);
  });

  it('refreshes seed rows whose seed version rose, but never an imported row', () => {
    const c = open();
    if (!db) throw new Error('no db');
    c.import(
      JSON.stringify({ MATTHC: '1.000894', TENTTHC: 'Đăng ký kết hôn (nhập)', TRANGTHAI: 1 }),
      'test',
    );
    const bumped = seedProcedures.map((p) =>
      p.code === '1.001193' || p.code === '1.000894'
        ? { ...p, name: `${p.name} (mới)`, seedVersion: p.seedVersion + 1 }
        : p,
    );
    const again = ProcedureCatalogue.open(db, { seed: bumped });
    expect(again.get('1.001193')?.name).toBe('Đăng ký khai sinh (mới)');
    expect(again.get('1.000894')?.name).toBe('Đăng ký kết hôn (nhập)');
    expect(again.get('1.000894')?.source).toBe('import');
  });
});

describe('ProcedureCatalogue across processes', () => {
  it('an import through another connection is seen by the next search, get and count', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-catalogue-'));
    const kiosk = openDatabase(join(dir, 'kiosk.sqlite3'));
    const cli = openDatabase(join(dir, 'kiosk.sqlite3'));
    try {
      migrate(kiosk, catalogueMigrations);
      const running = ProcedureCatalogue.open(kiosk);
      expect(running.search('thu nghiem', 5).total).toBe(0);
      ProcedureCatalogue.open(cli).import(
        JSON.stringify({ MATTHC: '1.999401', TENTTHC: 'Thủ tục thử nghiệm liên tiến trình' }),
        'cli',
      );
      expect(running.search('thu nghiem', 5).procedures.map((p) => p.code)).toEqual(['1.999401']);
      expect(running.get('1.999401')?.source).toBe('import');
      expect(running.count()).toBe(seedProcedures.length + 1);
    } finally {
      kiosk.close();
      cli.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
