import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKioskCli, type CliRun } from '../../support/kiosk-cli';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const fixtures = join(root, 'test/fixtures/catalogue');
let dir = '';

/** The real `kiosk` CLI on this test's private data folder. */
const kiosk = (...args: string[]): CliRun =>
  runKioskCli(join(dir, 'data'), args, { KIOSK_AGENCY_CODE: '000.00.53.H48' });

function json(r: { status: number | null; stdout: string; stderr: string }): unknown {
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

interface Found {
  procedures: { code: string; name: string }[];
  total: number;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-catalogue-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('kiosk catalogue', () => {
  it('searches the seed of a fresh kiosk without diacritics', () => {
    const found = json(kiosk('--json', 'catalogue', 'search', 'dang ky khai sinh')) as Found;
    expect(found.procedures[0]).toEqual(
      expect.objectContaining({ code: '1.001193', name: 'Đăng ký khai sinh' }),
    );
    const text = kiosk('catalogue', 'search', 'dang', 'ky', 'khai', 'sinh');
    expect(text.stdout).toMatch(/^1\.001193 {2}Đăng ký khai sinh/);
    expect(text.stdout).toMatch(/3 thủ tục phù hợp/);
  });

  it('a dry run writes nothing; the import then adds and updates, and search finds the new procedure', () => {
    const file = join(fixtures, 'laythutuc-province.json');
    const dry = json(kiosk('--json', 'catalogue', 'import', file, '--dry-run')) as {
      added: number;
      updated: number;
      dryRun: boolean;
    };
    expect(dry).toMatchObject({ added: 2, updated: 1, dryRun: true });
    expect((json(kiosk('--json', 'catalogue', 'search', 'dao duong')) as Found).total).toBe(0);

    const done = json(kiosk('--json', 'catalogue', 'import', file)) as {
      added: number;
      updated: number;
      skipped: { code: string }[];
      total: number;
    };
    expect(done).toMatchObject({ added: 2, updated: 1, skipped: [{ code: '1.999002' }] });
    const found = json(kiosk('--json', 'catalogue', 'search', 'DAO DUONG')) as Found;
    expect(found.procedures.map((p) => p.code)).toEqual(['1.999001']);

    const shown = json(kiosk('--json', 'catalogue', 'show', '1.001193')) as {
      code: string;
      source: string;
      form: { fields: { key: string }[] };
    };
    expect(shown.source).toBe('import');
    expect(shown.form.fields.map((f) => f.key)).toContain('childName');
  });

  it('a broken file is refused by entry with exit code 4, and the catalogue is unchanged', () => {
    const before = (json(kiosk('--json', 'catalogue', 'search', '', '--limit', '200')) as Found)
      .total;
    const r = kiosk('--lang', 'en', 'catalogue', 'import', join(fixtures, 'laythutuc-broken.json'));
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/current catalogue is unchanged/);
    expect(r.stderr).toMatch(/entries\[1\]\.MATTHC/);
    expect(r.stderr).toMatch(/entries\[2\]\.TENTTHC/);
    expect(
      (json(kiosk('--json', 'catalogue', 'search', '', '--limit', '200')) as Found).total,
    ).toBe(before);
    expect((json(kiosk('--json', 'catalogue', 'search', 'hop le')) as Found).total).toBe(0);
  });

  it('an unknown code says so in Vietnamese first', () => {
    const r = kiosk('catalogue', 'show', '9.999999');
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/Không tìm thấy thủ tục này/);
  });
});
