import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { procedureMethods } from '../../api/contract/procedure';
import { KioskError } from '../../api/errors';
import { createCatalogueHandlers } from './catalogue-handlers';
import { catalogueTestDb } from './catalogue-test-db';
import { ProcedureCatalogue } from './procedure-catalogue';

let db: Database.Database | undefined;
afterEach(() => db?.close());

const context = { transport: 'local' } as const;

describe('catalogue handlers', () => {
  it('answer procedure.search and procedure.get inside the contract', async () => {
    db = catalogueTestDb();
    const handlers = createCatalogueHandlers(ProcedureCatalogue.open(db));
    const search = procedureMethods['procedure.search'];
    const found = await handlers['procedure.search'](
      search.params.parse({ query: 'khai tu' }),
      context,
    );
    expect(search.result.parse(found).procedures.map((p) => p.code)).toContain('1.000656');
    const get = procedureMethods['procedure.get'];
    const birth = await handlers['procedure.get'](get.params.parse({ code: '1.001193' }), context);
    expect(get.result.parse(birth).name).toBe('Đăng ký khai sinh');
  });

  it('an unknown code is PROCEDURE_NOT_FOUND', () => {
    db = catalogueTestDb();
    const handlers = createCatalogueHandlers(ProcedureCatalogue.open(db));
    let caught: unknown;
    try {
      void handlers['procedure.get']({ code: '9.999999' }, context);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KioskError);
    expect((caught as KioskError).code).toBe('PROCEDURE_NOT_FOUND');
  });

  it('honours the limit and reports the total', async () => {
    db = catalogueTestDb();
    const handlers = createCatalogueHandlers(ProcedureCatalogue.open(db));
    const page = await handlers['procedure.search']({ query: '', limit: 3 }, context);
    expect(page.procedures).toHaveLength(3);
    expect(page.total).toBeGreaterThan(3);
  });
});
