import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { KioskError } from '../../api/errors';
import { catalogueTestDb } from './catalogue-test-db';
import { ProcedureCatalogue } from './procedure-catalogue';
import { seedProcedures } from './seed-procedures';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/catalogue/${name}`, import.meta.url), 'utf8');

let db: Database.Database | undefined;
const open = (): ProcedureCatalogue => {
  db = catalogueTestDb();
  return ProcedureCatalogue.open(db, { now: () => Date.UTC(2026, 10, 25, 3, 0, 0) });
};
afterEach(() => db?.close());

const snapshot = (): unknown[] =>
  db?.prepare('SELECT * FROM catalogue_procedures ORDER BY code').all() ?? [];

function importError(run: () => unknown): KioskError {
  try {
    run();
  } catch (error) {
    if (error instanceof KioskError) return error;
    throw error;
  }
  throw new Error('the import did not fail');
}

describe('LayThuTuc import', () => {
  it('adds new procedures, updates a seeded one and skips the unpublished one', () => {
    const c = open();
    const result = c.import(fixture('laythutuc-province.json'), 'laythutuc-province.json');
    expect(result).toEqual({
      added: 2,
      updated: 1,
      dryRun: false,
      skipped: [expect.objectContaining({ code: '1.999002' })],
    });
    expect(c.count()).toBe(seedProcedures.length + 2);
    expect(c.get('1.999002')).toBeUndefined();
    expect(c.search('dao duong', 10).procedures.map((p) => p.code)).toEqual(['1.999001']);
  });

  it('maps the direct channel, the fees, the cases and keeps the seeded e-form', () => {
    const c = open();
    const seededForm = c.get('1.001193')?.form;
    c.import(fixture('laythutuc-province.json'), 'province');
    const p = c.get('1.001193');
    expect(p?.source).toBe('import');
    expect(p?.form).toEqual(seededForm);
    // "Trực tiếp" (0 working days) wins over "Trực tuyến" (2).
    expect(p?.processingDays).toBe(0);
    expect(p?.sameDayCutoff).toBe('15:00');
    expect(p?.fees).toEqual([
      { amount: 0, description: 'Miễn lệ phí khi đăng ký đúng hạn' },
      { amount: 8000, description: 'Đăng ký quá hạn (mức thử nghiệm)' },
    ]);
    expect(p?.level).toBe('xa');
    expect(p?.agency).toBe('Ủy ban nhân dân xã Thử Nghiệm');
    expect(p?.fieldCode).toBe('G15-HT01');
    // KS01 is in both cases (required); KS02 and KS03 each in one (optional).
    expect(p?.components.map((x) => [x.code, x.required, x.originals, x.copies])).toEqual([
      ['KS01', true, 1, 0],
      ['KS02', false, 1, 0],
      ['KS03', false, 1, 0],
    ]);
    expect(p?.unconfirmed).toEqual([]);
  });

  it('converts calendar days and hours cautiously and marks them unconfirmed', () => {
    const c = open();
    c.import(fixture('laythutuc-province.json'), 'province');
    const road = c.get('1.999001');
    expect(road?.processingDays).toBe(7); // 10 calendar days hold at least 7 working days
    expect(road?.unconfirmed).toEqual(
      expect.arrayContaining(['processingDays', 'level', 'componentCounts']),
    );
    expect(road?.level).toBe('tinh'); // "Sở Xây dựng"
    expect(road?.fees).toEqual([{ amount: 50000, description: 'Phí thẩm định (mức thử nghiệm)' }]);
    expect(road?.components.map((x) => [x.code, x.originals, x.copies, x.formName])).toEqual([
      ['DD01', 1, 0, 'Mẫu đơn thử nghiệm'],
      ['GT2', 0, 2, null],
    ]);
    expect(road?.form.fields.map((f) => f.key)).toContain('requestContent');
    const online = c.get('2.999003');
    expect(online?.processingDays).toBe(0);
    expect(online?.unconfirmed).toEqual(
      expect.arrayContaining(['processingDays', 'fees', 'sameDayCutoff']),
    );
  });

  it('a fee not in đồng (a percentage) is left out and marked unconfirmed, never stored as đồng', () => {
    const c = open();
    c.import(
      JSON.stringify([
        {
          MATTHC: '1.999501',
          TENTTHC: 'Thủ tục thử nghiệm lệ phí trước bạ',
          CACHTHUCTHUCHIEN: [
            {
              KENH: 'Trực tiếp',
              THOIGIAN: [
                {
                  THOIGIANGIAIQUYET: '5',
                  DONVITINH: 'Ngày làm việc',
                  PHILEPHI: [
                    { SOTIEN: '2', DONVI: '%', MOTA: 'Theo giá trị tài sản' },
                    { SOTIEN: '100.000', DONVI: 'Đồng/hồ sơ', MOTA: 'Phí thẩm định' },
                  ],
                },
              ],
            },
          ],
        },
      ]),
      'percent',
    );
    const p = c.get('1.999501');
    expect(p?.fees).toEqual([{ amount: 100000, description: 'Phí thẩm định' }]);
    expect(p?.unconfirmed).toContain('fees');
    expect(p?.processingDays).toBe(5);
  });

  it('reads a single procedure object as well as a list', () => {
    const c = open();
    expect(c.import(fixture('laythutuc-single.json'), 'single')).toMatchObject({
      added: 1,
      updated: 0,
    });
    expect(c.get('1.999201')).toMatchObject({
      processingDays: 3,
      level: 'xa',
      sameDayCutoff: null,
    });
  });

  it('a dry run reports the counts and writes nothing', () => {
    const c = open();
    const before = snapshot();
    expect(c.import(fixture('laythutuc-province.json'), 'p', { dryRun: true })).toMatchObject({
      added: 2,
      updated: 1,
      dryRun: true,
    });
    expect(snapshot()).toEqual(before);
    expect(c.get('1.999001')).toBeUndefined();
  });

  it('a broken file changes nothing and names every bad entry', () => {
    const c = open();
    const before = snapshot();
    const error = importError(() => c.import(fixture('laythutuc-broken.json'), 'broken'));
    expect(error.code).toBe('CATALOGUE_INVALID');
    expect(error.issues?.map((i) => i.path)).toEqual(['entries[1].MATTHC', 'entries[2].TENTTHC']);
    expect(error.issues?.[0]?.message).toContain('1.0011');
    expect(error.issues?.[1]?.message).toContain('mục 3');
    expect(snapshot()).toEqual(before);
    expect(c.get('1.999101')).toBeUndefined();
  });

  it('text that is not JSON, or JSON without procedures, or a duplicate code is refused', () => {
    const c = open();
    const before = snapshot();
    expect(importError(() => c.import('{"MATTHC": ', 'cut')).issues?.[0]?.path).toBe('file');
    expect(importError(() => c.import('{"hello": 1}', 'other')).issues?.[0]?.path).toBe('file');
    const twice = JSON.stringify([
      { MATTHC: '1.999301', TENTTHC: 'Thủ tục thử nghiệm A' },
      { MATTHC: '1.999301', TENTTHC: 'Thủ tục thử nghiệm B' },
    ]);
    expect(importError(() => c.import(twice, 'twice')).issues?.[0]?.path).toBe('entries[1].MATTHC');
    expect(snapshot()).toEqual(before);
  });

  it('re-importing the same file updates instead of adding, and logs each run', () => {
    const c = open();
    c.import(fixture('laythutuc-province.json'), 'first');
    expect(c.import(fixture('laythutuc-province.json'), 'second')).toMatchObject({
      added: 0,
      updated: 3,
    });
    const runs = db
      ?.prepare('SELECT source_name, added, updated, skipped FROM catalogue_imports')
      .all();
    expect(runs).toEqual([
      { source_name: 'first', added: 2, updated: 1, skipped: 1 },
      { source_name: 'second', added: 0, updated: 3, skipped: 1 },
    ]);
  });
});
