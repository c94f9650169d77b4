/**
 * Receiving a dossier end to end through the core's dispatcher, with the
 * portal simulator as the portal: catalogue → import → dossier.create → sync
 * (exactly once) → receipt PDF → status lookup, local then from the portal.
 * And the refusals: bad e-form, missing component, unverified chip applicant,
 * a kiosk's receipt of another session's dossier; session.end wipes the jobs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../electron/api/errors';
import { StaffAccounts } from '../../../electron/services/auth/staff-accounts';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { captureLogger } from '../../support/capture-logger';
import { qrOnPage } from '../../support/pdf-qr';
import { sampleCitizen } from '../../fixtures/citizen/sample-citizen';
import { renderPage } from '../../fixtures/ocr/vietnamese-pages';
import { simFetch, simGet, startKiosk, startSim, type SimProcess } from '../sync/peers';

const CLERK = { username: 'canbo1', password: 'mat-khau-can-bo-1' };
/** The display name IT set (`kiosk staff name`): shown when signed in, printed as the receiver. */
const CLERK_NAME = 'Lê Thị Thu Hà';

const applicant = sampleCitizen();

const birthForm: Record<string, string> = {
  registrantName: applicant.fullName,
  registrantId: applicant.id,
  registrantResidence: applicant.placeOfResidence ?? '',
  registrantPhone: '0912345678',
  relationship: 'father',
  childName: 'Trần Minh An',
  childBirthDate: '01/11/2026',
  childSex: 'male',
  childBirthPlace: 'Bệnh viện Phụ sản tỉnh Quảng Ngãi',
  childEthnicity: 'Kinh',
  childNationality: 'Việt Nam',
};

let sim: SimProcess;
const dirs: string[] = [];
const cores: Core[] = [];
let page: Uint8Array;

async function call<T>(core: Core, method: string, params: unknown): Promise<ApiResult<T>> {
  return (await core.dispatch(method, params, { transport: 'local' })) as ApiResult<T>;
}

async function ok<T>(core: Core, method: string, params: unknown): Promise<T> {
  const result = await call<T>(core, method, params);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function newCore(config: Record<string, unknown> = {}): Core {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-reception-'));
  dirs.push(dataDir);
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify(config));
  const core = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
  cores.push(core);
  return core;
}

async function importPage(core: Core, component: string): Promise<string> {
  const result = await ok<{ jobId: string; pages: unknown[] }>(core, 'component.import', {
    component,
    fileName: `${component}.png`,
    mime: 'image/png',
    dataBase64: Buffer.from(page).toString('base64'),
  });
  expect(result.pages).toHaveLength(1);
  return result.jobId;
}

function request(components: { code: string; jobId: string }[], overrides = {}) {
  return {
    procedureCode: '1.001193',
    applicant: { citizen: applicant, phone: '0912345678', email: 'dung@example.vn' },
    formValues: birthForm,
    components: components.map((c) => ({ ...c, pageOrder: [0] })),
    sets: 1,
    deliveryMode: '0',
    ...overrides,
  };
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  sim = await startSim(['--port', '0', '--memory']);
  process.env.KIOSK_PORTAL_URL = sim.url;
  page = await renderPage(
    'TỜ KHAI ĐĂNG KÝ KHAI SINH\n\nHọ, chữ đệm, tên người yêu cầu: Trần Văn Dũng.',
  );
});

afterAll(async () => {
  for (const core of cores) await core.dispose();
  await sim.stop();
  delete process.env.KIOSK_PORTAL_URL;
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('a counter receives a dossier end to end', () => {
  let core: Core;
  let code = '';
  let dueAt = 0;
  let receiptPages = 0;
  /** The receipt's QR as zbarimg read it off the printed page. */
  let receiptQr = '';

  beforeAll(async () => {
    core = newCore();
    const clerk = await new StaffAccounts(core.store.database).create(
      CLERK.username,
      'clerk',
      CLERK.password,
    );
    core.store.setStaffName(clerk.id, CLERK_NAME);
  });

  it('nothing of reception answers before a clerk signs in, but the catalogue and lookup do', async () => {
    const refused = await call(core, 'dossier.create', request([]));
    expect(refused.ok || refused.error.code).toBe('AUTH_REQUIRED');
    const imported = await call(core, 'component.import', {
      component: 'x',
      fileName: 'x.png',
      mime: 'image/png',
      dataBase64: '',
    });
    expect(imported.ok || imported.error.code).toBe('AUTH_REQUIRED');
    const found = await ok<{ procedures: { code: string }[] }>(core, 'procedure.search', {
      query: 'dang ky khai sinh',
    });
    expect(found.procedures.map((p) => p.code)).toContain('1.001193');
    await ok(core, 'auth.signIn', CLERK);
  });

  it('an e-form without the child name is FORM_INVALID naming the field, and nothing is saved', async () => {
    const form = { ...birthForm };
    delete form.childName;
    const result = await call(core, 'dossier.create', request([], { formValues: form }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('FORM_INVALID');
    expect(result.error.issues?.map((i) => i.path)).toEqual(['formValues.childName']);
    expect(core.store.list({}, 'test')).toHaveLength(0);
  });

  it('a dossier without the birth certificate is COMPONENT_MISSING naming it', async () => {
    const toKhai = await importPage(core, 'Tờ khai');
    const result = await call(
      core,
      'dossier.create',
      request([{ code: 'TO_KHAI', jobId: toKhai }]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('COMPONENT_MISSING');
    expect(result.error.issues?.map((i) => i.path)).toEqual(['components.GIAY_CHUNG_SINH']);
    expect(core.store.list({}, 'test')).toHaveLength(0);
  });

  it('an applicant claiming the chip with no card read is APPLICANT_NOT_VERIFIED', async () => {
    const result = await call(
      core,
      'dossier.create',
      request(
        [
          { code: 'TO_KHAI', jobId: 'a' },
          { code: 'GIAY_CHUNG_SINH', jobId: 'b' },
        ],
        {
          applicant: { citizen: { ...applicant, source: 'chip' } },
        },
      ),
    );
    expect(result.ok || result.error.code).toBe('APPLICANT_NOT_VERIFIED');
  });

  it('a complete dossier is saved with searchable component PDFs, reaches the portal exactly once, and its files are discarded', async () => {
    const toKhai = await importPage(core, 'Tờ khai');
    const chungSinh = await importPage(core, 'Giấy chứng sinh');
    const before = Date.now();
    const created = await ok<{ id: string; code: string; receivedAt: number; dueAt: number }>(
      core,
      'dossier.create',
      request([
        { code: 'TO_KHAI', jobId: toKhai },
        { code: 'GIAY_CHUNG_SINH', jobId: chungSinh },
      ]),
    );
    code = created.code;
    dueAt = created.dueAt;
    expect(created.receivedAt).toBeGreaterThanOrEqual(before);
    expect(created.dueAt).toBeGreaterThan(created.receivedAt);
    const saved = core.store.get(code, 'test');
    expect(saved.channel).toBe('counter');
    expect(saved.components.map((c) => [c.code, c.pages])).toEqual([
      ['TO_KHAI', 1],
      ['GIAY_CHUNG_SINH', 1],
    ]);
    // The bytes the outbox uploads are the PDF the portal gets: poppler must
    // open it, and its text layer must hold what OCR read off the sheet.
    for (const [i, component] of saved.components.entries()) {
      const path = join(dirs[0] ?? '', `component-${String(i)}.pdf`);
      writeFileSync(path, core.store.outbox.readBlob(component.sha256 ?? ''));
      expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/);
      const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).normalize('NFC');
      for (const word of ['KHAI', 'ĐĂNG', 'Dũng']) expect(text).toContain(word);
    }
    const discarded = await ok<{ discarded: boolean }>(core, 'component.discard', {
      jobId: toKhai,
    });
    expect(discarded.discarded).toBe(false);

    interface SimDossiers {
      dossiers: { MaHoSo?: string; maHoSo?: string }[];
    }
    const codeOf = (d: SimDossiers['dossiers'][number]) => d.MaHoSo ?? d.maHoSo;
    await until('the simulator to hold the dossier', async () => {
      const held = await simGet<SimDossiers>(`${sim.url}/__sim/dossiers`);
      return held.dossiers.some((d) => codeOf(d) === code) ? true : undefined;
    });
    await until('the dossier to be synced', () =>
      Promise.resolve(core.store.get(code, 'test').syncState === 'synced' ? true : undefined),
    );
    const held = await simGet<SimDossiers>(`${sim.url}/__sim/dossiers`);
    expect(held.dossiers.filter((d) => codeOf(d) === code)).toHaveLength(1);
    const health = await ok<{ checks: { id: string; kind: string; status: string }[] }>(
      core,
      'system.health',
      {},
    );
    expect(health.checks.find((c) => c.id === 'queue')).toMatchObject({
      kind: 'service',
      status: 'ok',
    });
  });

  it('the receipt PDF holds the dossier code, the appointment date and the document QR', async () => {
    const receipt = await ok<{ fileName: string; pdfBase64: string; pages: number }>(
      core,
      'dossier.receipt',
      { idOrCode: code },
    );
    expect(receipt.pages).toBeGreaterThanOrEqual(2);
    receiptPages = receipt.pages;
    const file = join(dirs[0] ?? tmpdir(), receipt.fileName);
    writeFileSync(file, Buffer.from(receipt.pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(code);
    expect(text.normalize('NFC')).toContain(CLERK_NAME);
    // Liên 2, the citizen's copy, as a 200 dpi print: its QR carries the Circular 01/2023 fields.
    receiptQr = qrOnPage(file, 2);
    const vnMinute = (ms: number): string =>
      new Date(ms + 7 * 3600_000).toISOString().slice(0, 16).replace(/[-T:]/g, '');
    const fields = receiptQr.split('*');
    expect(fields.slice(0, 6)).toEqual(['MC1', '01', code, '1.001193', applicant.id, 'KMC']);
    expect(fields[6]).toMatch(/^\d{12}$/);
    expect(fields[7]).toBe(vnMinute(dueAt));
    expect(fields).toHaveLength(8);
    const status = await ok<{ staff: { username: string; displayName: string | null } | null }>(
      core,
      'auth.status',
      {},
    );
    expect(status.staff).toMatchObject({ username: CLERK.username, displayName: CLERK_NAME });
    const [d, m, y] = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
    })
      .format(dueAt)
      .split('/');
    // Line 5 of Mẫu 01; the training watermark's letters may interleave before the year.
    const due = new RegExp(
      `Thời gian trả kết quả[^\\n]*?0?${d} tháng 0?${m} năm[\\s\\S]{0,200}?${y}`,
    );
    expect(text).toMatch(due);
  });

  it('`kiosk receipt QR --out FILE` prints the same receipt again from the data folder', async () => {
    const dataDir = dirs[0] ?? '';
    const out = join(dataDir, 'in-lai.pdf');
    // Named by the QR read off the first print, as IT may paste or scan it into the terminal.
    const run = startKiosk(['--json', 'receipt', receiptQr, '--out', out], {
      KIOSK_DATA_DIR: dataDir,
    });
    const { code: exit, stdout, stderr } = await run.done;
    expect(exit, stderr).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ file: out, pages: receiptPages });
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain(code);
    const missing = await startKiosk(['receipt', '000.00.00.H00-991231-9999'], {
      KIOSK_DATA_DIR: dataDir,
    }).done;
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('Không tìm thấy hồ sơ');
  });

  it("the receipt QR text finds the status, then the portal's newer one with portalCheckedAt", async () => {
    interface Lookup {
      code: string;
      status: string;
      statusText: { vi: string };
      portalCheckedAt: number | null;
    }
    const first = await ok<Lookup>(core, 'status.lookup', { query: ` ${code}\n` });
    expect(first.code).toBe(code);
    expect(first.status).toBe('2');
    expect(first.statusText.vi).toBe('Được tiếp nhận');
    // The QR zbarimg read off the receipt, as a scanner sends it, gets the same answer.
    const scanned = await ok<Lookup>(core, 'status.lookup', { query: `${receiptQr}\r\n` });
    expect({ ...scanned, portalCheckedAt: null }).toEqual({ ...first, portalCheckedAt: null });
    const res = await simFetch(
      `${sim.url}/__sim/status?mahoso=${encodeURIComponent(code)}&status=4`,
      {
        method: 'POST',
        signal: AbortSignal.timeout(10_000),
      },
    );
    expect(res.status).toBe(200);
    const asked = Date.now();
    const second = await ok<Lookup>(core, 'status.lookup', { query: code });
    expect(second.status).toBe('4');
    expect(second.statusText.vi).toBe('Đang xử lý');
    expect(second.portalCheckedAt).not.toBeNull();
    expect(second.portalCheckedAt ?? 0).toBeGreaterThanOrEqual(asked - 1000);
    expect(JSON.stringify(second)).not.toContain(applicant.fullName);
    const unknown = await call(core, 'status.lookup', { query: '000.00.00.H00-991231-9999' });
    expect(unknown.ok || unknown.error.code).toBe('LOOKUP_NOT_FOUND');
  });

  it('a save sent twice at once (double click) makes one dossier; the repeat is COMPONENT_NOT_FOUND', async () => {
    const jobs = [await importPage(core, 'Tờ khai'), await importPage(core, 'Giấy chứng sinh')];
    const before = core.store.list({}, 'test').length;
    const body = request([
      { code: 'TO_KHAI', jobId: jobs[0] ?? '' },
      { code: 'GIAY_CHUNG_SINH', jobId: jobs[1] ?? '' },
    ]);
    const results = await Promise.all([
      call(core, 'dossier.create', body),
      call(core, 'dossier.create', body),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual([
      'COMPONENT_NOT_FOUND',
      'ok',
    ]);
    const again = await call(core, 'dossier.create', body);
    expect(again.ok || again.error.code).toBe('COMPONENT_NOT_FOUND');
    expect(core.store.list({}, 'test')).toHaveLength(before + 1);
  });

  it('session.end removes every component job and its files and signs the clerk out', async () => {
    const jobId = await importPage(core, 'Tờ khai');
    const jobsDir = join(dirs[0] ?? '', 'scans', 'scan-jobs');
    expect(readdirSync(jobsDir)).toContain(jobId);
    await ok(core, 'session.end', { reason: 'done' });
    expect(existsSync(join(jobsDir, jobId))).toBe(false);
    const discard = await call(core, 'component.discard', { jobId });
    expect(discard.ok || discard.error.code).toBe('AUTH_REQUIRED');
  });
});

describe('a self-service kiosk', () => {
  let kiosk: Core;

  beforeAll(() => {
    kiosk = newCore({ mode: 'kiosk' });
  });

  it('a typed applicant posing as a chip read is APPLICANT_NOT_VERIFIED', async () => {
    const components = [
      { code: 'TO_KHAI', jobId: 'a' },
      { code: 'GIAY_CHUNG_SINH', jobId: 'b' },
    ];
    for (const source of ['chip', 'typed'] as const) {
      const result = await call(
        kiosk,
        'dossier.create',
        request(components, { applicant: { citizen: { ...applicant, source } } }),
      );
      expect(result.ok || result.error.code).toBe('APPLICANT_NOT_VERIFIED');
    }
  });

  it('a file import needs staff, and a receipt of a dossier not from this session is refused', async () => {
    const imported = await call(kiosk, 'component.import', {
      component: 'x',
      fileName: 'x.png',
      mime: 'image/png',
      dataBase64: Buffer.from(page).toString('base64'),
    });
    expect(imported.ok || imported.error.code).toBe('AUTH_REQUIRED');
    const other = kiosk.store.save(
      {
        procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
        applicant: { kind: '1', name: 'Lê Thị Hoa', source: 'typed' },
        summary: 'Đăng ký khai sinh – Lê Thị Hoa',
        receivedAt: Date.now(),
        dueAt: Date.now() + 3_600_000,
        channel: 'counter',
        processingUnit: 'UBND xã',
      },
      'test',
    );
    const receipt = await call(kiosk, 'dossier.receipt', { idOrCode: other.code });
    expect(receipt.ok || receipt.error.code).toBe('AUTH_REQUIRED');
    const lookup = await ok<{ code: string }>(kiosk, 'status.lookup', { query: other.code });
    expect(lookup.code).toBe(other.code);
  });

  it('anonymous lookups are bounded: codes are sequential, so walking them is refused', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 25; i += 1) {
      const result = await call(kiosk, 'status.lookup', {
        query: `000.00.00.H00-991231-${String(i).padStart(4, '0')}`,
      });
      codes.push(result.ok ? 'ok' : result.error.code);
    }
    // The earlier tests of this kiosk already looked up once; the window holds 20.
    expect(codes.filter((c) => c === 'LOOKUP_NOT_FOUND').length).toBeLessThanOrEqual(20);
    expect(codes.at(-1)).toBe('LOOKUP_RATE_LIMITED');
  });
});
