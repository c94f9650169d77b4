/**
 * Signed digitisation (issue 12 item 5) through the core's dispatcher, with a
 * SoftHSM2 token as the agency's token and the portal simulator as the
 * portal: a dossier saved with the clerk's PIN has every component PDF and
 * its receipt signed (poppler's pdfsig and our verifier agree), and the file
 * the portal receives at sync is that signed one. Without a token, without a
 * PIN, with a wrong PIN or with the token gone, the dossier is still saved,
 * flagged "chưa ký số" with its typed reason, and nothing is lost.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../electron/api/errors';
import { StaffAccounts } from '../../../electron/services/auth/staff-accounts';
import { verifyPdf } from '../../../electron/services/signing/pdf-verifier';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { loadTrustStore } from '../../../native/smartcard/passive-auth';
import { captureLogger } from '../../support/capture-logger';
import { sampleCitizen } from '../../fixtures/citizen/sample-citizen';
import { renderPage } from '../../fixtures/ocr/vietnamese-pages';
import { PIN, makeNssDb, makePki, makeToken, pdfsig } from '../signing/signing-peers';
import type { Pki, SoftToken } from '../signing/signing-peers';
import { simFile, simGet, startKiosk, startSim, type SimProcess } from '../sync/peers';

const CLERK = { username: 'canbo1', password: 'mat-khau-can-bo-1' };
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

interface Created {
  id: string;
  code: string;
  signed: boolean;
  unsignedReason: string | null;
}
interface Summary {
  code: string;
  signed: boolean;
  unsignedReason: string | null;
}

const savedConf = process.env.SOFTHSM2_CONF;
const dirs: string[] = [];
const cores: Core[] = [];
let sim: SimProcess;
let pki: Pki;
let token: SoftToken;
let nss: string;
let anchors: readonly pkijs.Certificate[];
let page: Uint8Array;
/** Save times in ms, printed at the end beside each other (same run, same machine). */
const timings: Record<string, number> = {};

async function ok<T>(core: Core, method: string, params: unknown): Promise<T> {
  const result = (await core.dispatch(method, params, { transport: 'local' })) as ApiResult<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function newCore(
  signing: boolean,
  existing?: string,
): Promise<{ core: Core; logs: () => string; dataDir: string }> {
  const dataDir = existing ?? mkdtempSync(join(tmpdir(), 'kiosk-signed-intake-'));
  if (existing === undefined) dirs.push(dataDir);
  // Each data folder its own agency, so the cores' dossier codes never meet in the one simulator.
  const agency = { code: `000.00.${String(dirs.indexOf(dataDir) + 10)}.H48` };
  const config = signing
    ? {
        agency,
        signing: {
          pkcs11Module: token.module,
          tokenLabel: token.label,
          chainFile: pki.chainFile,
        },
      }
    : { agency };
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify(config));
  const capture = captureLogger();
  const core = createCore({ dataDir, shell: 'browser', logger: capture.logger });
  cores.push(core);
  if (existing === undefined)
    await new StaffAccounts(core.store.database).create(CLERK.username, 'clerk', CLERK.password);
  await ok(core, 'auth.signIn', CLERK);
  return { core, logs: () => JSON.stringify(capture.lines()), dataDir };
}

async function importPage(core: Core, component: string): Promise<string> {
  const result = await ok<{ jobId: string }>(core, 'component.import', {
    component,
    fileName: `${component}.png`,
    mime: 'image/png',
    dataBase64: Buffer.from(page).toString('base64'),
  });
  return result.jobId;
}

/** Saves a birth registration with its two components; `pin` as the clerk typed it. */
async function save(core: Core, pin: string | undefined, label: string): Promise<Created> {
  const components = [
    { code: 'TO_KHAI', jobId: await importPage(core, 'Tờ khai') },
    { code: 'GIAY_CHUNG_SINH', jobId: await importPage(core, 'Giấy chứng sinh') },
  ];
  const started = performance.now();
  const created = await ok<Created>(core, 'dossier.create', {
    procedureCode: '1.001193',
    applicant: { citizen: applicant, phone: '0912345678' },
    formValues: birthForm,
    components: components.map((c) => ({ ...c, pageOrder: [0] })),
    ...(pin === undefined ? {} : { pin }),
  });
  timings[label] = performance.now() - started;
  return created;
}

function fileOf(bytes: Uint8Array, name: string): string {
  const path = join(dirs[0] ?? tmpdir(), name);
  writeFileSync(path, bytes);
  return path;
}

async function expectSigned(bytes: Uint8Array, name: string): Promise<void> {
  const report = pdfsig(fileOf(bytes, name), nss);
  expect(report, name).toContain('Signature is Valid');
  expect(report, name).toContain('Certificate is Trusted');
  expect(report, name).toContain('Total document signed');
  const ours = await verifyPdf(bytes, { anchors });
  expect(ours.ok, name).toBe(true);
  expect(ours.signatures).toHaveLength(1);
  expect(ours.signatures[0]?.signer?.commonName).toBe('Nguyễn Văn An');
}

function expectUnsigned(bytes: Uint8Array, name: string): void {
  const path = fileOf(bytes, name);
  expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/);
  expect(pdfsig(path, nss)).not.toContain('Signature is Valid');
}

/** The simulator holds the dossier with two files, each signed and the very bytes stored here. */
async function expectPortalGotSigned(core: Core, code: string): Promise<void> {
  interface SimDossier {
    MaHoSo?: string;
    TaiLieuNop?: { DuongDanTaiTepTin: string }[];
  }
  const held = await until('the simulator to hold the dossier with its files', async () => {
    const all = await simGet<{ dossiers: SimDossier[] }>(`${sim.url}/__sim/dossiers`);
    const mine = all.dossiers.find((d) => d.MaHoSo === code);
    return (mine?.TaiLieuNop?.length ?? 0) === 2 ? mine : undefined;
  });
  const stored = core.store.get(code, 'test').components;
  const local = stored.map((c) => Buffer.from(core.store.outbox.readBlob(c.sha256 ?? '')));
  for (const [i, doc] of (held.TaiLieuNop ?? []).entries()) {
    const res = await simFile(doc.DuongDanTaiTepTin);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    await expectSigned(bytes, `portal-${code}-${String(i)}.pdf`);
    expect(local.some((b) => b.equals(bytes))).toBe(true);
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  pki = makePki();
  token = makeToken(pki.signer);
  nss = makeNssDb(pki.root);
  anchors = (await loadTrustStore(pki.trustDir)).certificates;
  process.env.SOFTHSM2_CONF = token.env.SOFTHSM2_CONF;
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
  token.remove();
  for (const dir of [...dirs, pki.dir, nss]) rmSync(dir, { recursive: true, force: true });
  if (savedConf === undefined) delete process.env.SOFTHSM2_CONF;
  else process.env.SOFTHSM2_CONF = savedConf;
  console.log(
    `signed-digitisation save times (2 one-page components, ms): ${Object.entries(timings)
      .map(([k, v]) => `${k}=${v.toFixed(0)}`)
      .join(' ')}`,
  );
});

describe('signing later: `dossier.signPending` and `kiosk sign-pending`', () => {
  it('signs dossiers saved without the PIN while offline, and the portal then gets the signed files', async () => {
    // Offline: the portal is a closed port, so the dossiers stay in the outbox.
    process.env.KIOSK_PORTAL_URL = 'http://127.0.0.1:9';
    const offline = await newCore(true);
    process.env.KIOSK_PORTAL_URL = sim.url;
    const first = await save(offline.core, undefined, 'offline-no-pin');
    expect(first).toMatchObject({ signed: false, unsignedReason: 'SIGNING_PIN_REQUIRED' });

    const refused = await offline.core.dispatch(
      'dossier.signPending',
      { pin: '999999' },
      { transport: 'local' },
    );
    expect(refused.ok || refused.error.code).toBe('SIGNING_PIN_WRONG');
    const started = performance.now();
    const byApi = await ok<{ signed: string[]; alreadySent: string[] }>(
      offline.core,
      'dossier.signPending',
      { pin: PIN },
    );
    timings['sign-pending-api'] = performance.now() - started;
    expect(byApi).toEqual({ signed: [first.code], alreadySent: [] });
    expect(offline.logs()).not.toContain(PIN);

    const second = await save(offline.core, undefined, 'offline-no-pin-2');
    await offline.core.dispose();
    cores.splice(cores.indexOf(offline.core), 1);
    const wrong = await startKiosk(['--json', 'sign-pending'], {
      KIOSK_DATA_DIR: offline.dataDir,
      KIOSK_SIGNING_PIN: '999999',
    }).done;
    expect(wrong.code).not.toBe(0);
    expect(wrong.stdout).toContain('SIGNING_PIN_WRONG');
    const run = await startKiosk(['--json', 'sign-pending'], {
      KIOSK_DATA_DIR: offline.dataDir,
      KIOSK_SIGNING_PIN: PIN,
    }).done;
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ signed: [second.code], alreadySent: [] });
    expect(run.stdout + run.stderr).not.toContain(PIN);

    const online = await newCore(true, offline.dataDir);
    for (const code of [first.code, second.code]) {
      expect(online.core.store.get(code, 'test')).toMatchObject({
        signed: true,
        unsignedReason: null,
      });
      const receipt = await ok<{ pdfBase64: string }>(online.core, 'dossier.receipt', {
        idOrCode: code,
      });
      await expectSigned(Buffer.from(receipt.pdfBase64, 'base64'), `receipt-later-${code}.pdf`);
      await expectPortalGotSigned(online.core, code);
    }
  });
});

describe('a counter with the agency token configured', () => {
  let core: Core;
  let logs: () => string;
  let signed: Created;

  beforeAll(async () => {
    ({ core, logs } = await newCore(true));
  });

  afterAll(() => {
    const signing = [...logs().matchAll(/"components":2,"ms":(\d+)/g)].map((m) => m[1]);
    console.log(`token signing of 2 components, login included (ms): ${signing.join(', ')}`);
  });

  it('signs every component PDF and the receipt before the save, and says so', async () => {
    // The first save of a core also warms OCR; the second is the one to compare.
    await save(core, PIN, 'signed-first');
    signed = await save(core, PIN, 'signed');
    expect(signed).toMatchObject({ signed: true, unsignedReason: null });
    const view = core.store.get(signed.code, 'test');
    expect(view).toMatchObject({ signed: true, unsignedReason: null });
    for (const [i, c] of view.components.entries())
      await expectSigned(core.store.outbox.readBlob(c.sha256 ?? ''), `signed-${String(i)}.pdf`);
    const receipt = await ok<{ pdfBase64: string; pages: number }>(core, 'dossier.receipt', {
      idOrCode: signed.code,
    });
    expect(receipt.pages).toBeGreaterThanOrEqual(2);
    const receiptPdf = Buffer.from(receipt.pdfBase64, 'base64');
    await expectSigned(receiptPdf, 'receipt-signed.pdf');
    expect(
      execFileSync('pdftotext', [fileOf(receiptPdf, 'r.pdf'), '-'], { encoding: 'utf8' }),
    ).toContain(signed.code);
  });

  it('the files the portal receives at sync are the signed ones, byte for byte', async () => {
    await expectPortalGotSigned(core, signed.code);
  });

  it('without the PIN the dossier is saved "chưa ký số" (SIGNING_PIN_REQUIRED), files intact', async () => {
    const created = await save(core, undefined, 'no-pin');
    expect(created).toMatchObject({ signed: false, unsignedReason: 'SIGNING_PIN_REQUIRED' });
    const view = core.store.get(created.code, 'test');
    expect(view.components).toHaveLength(2);
    for (const [i, c] of view.components.entries())
      expectUnsigned(core.store.outbox.readBlob(c.sha256 ?? ''), `nopin-${String(i)}.pdf`);
  });

  it('a wrong PIN saves the dossier unsigned with SIGNING_PIN_WRONG logged, and no PIN in any log line', async () => {
    const created = await save(core, '999999', 'wrong-pin');
    expect(created).toMatchObject({ signed: false, unsignedReason: 'SIGNING_PIN_WRONG' });
    expect(core.store.get(created.code, 'test').components).toHaveLength(2);
    expect(logs()).toContain('SIGNING_PIN_WRONG');
    expect(logs()).not.toContain('999999');
    expect(logs()).not.toContain(PIN);
  });

  it('a token pulled out before the save: saved unsigned, SIGNING_TOKEN_ABSENT logged, nothing lost', async () => {
    // The driver stays installed (its config is kept); only the token's own folder goes, as when unplugged.
    rmSync(join(token.dir, 'tokens'), { recursive: true, force: true });
    mkdirSync(join(token.dir, 'tokens'));
    const created = await save(core, PIN, 'token-gone');
    expect(created).toMatchObject({ signed: false, unsignedReason: 'SIGNING_TOKEN_ABSENT' });
    expect(logs()).toContain('SIGNING_TOKEN_ABSENT');
    const view = core.store.get(created.code, 'test');
    expect(view.components.map((c) => c.pages)).toEqual([1, 1]);
    for (const [i, c] of view.components.entries())
      expectUnsigned(core.store.outbox.readBlob(c.sha256 ?? ''), `gone-${String(i)}.pdf`);
    const receipt = await ok<{ pdfBase64: string }>(core, 'dossier.receipt', {
      idOrCode: created.code,
    });
    expect(
      pdfsig(fileOf(Buffer.from(receipt.pdfBase64, 'base64'), 'receipt-gone.pdf'), nss),
    ).not.toContain('Signature is Valid');
    expect(logs()).not.toContain(PIN);
  });
});

describe('a counter without a token', () => {
  it('saves the dossier, flagged "chưa ký số" (SIGNING_NOT_CONFIGURED), and the dossier list shows it', async () => {
    const { core } = await newCore(false);
    const info = await ok<{ signingConfigured: boolean }>(core, 'system.info', {});
    expect(info.signingConfigured).toBe(false);
    const created = await save(core, undefined, 'no-token');
    expect(created).toMatchObject({ signed: false, unsignedReason: 'SIGNING_NOT_CONFIGURED' });
    const { dossiers } = await ok<{ dossiers: Summary[] }>(core, 'dossier.list', {});
    expect(dossiers.find((d) => d.code === created.code)).toMatchObject({
      signed: false,
      unsignedReason: 'SIGNING_NOT_CONFIGURED',
    });
    for (const [i, c] of core.store.get(created.code, 'test').components.entries())
      expectUnsigned(core.store.outbox.readBlob(c.sha256 ?? ''), `notoken-${String(i)}.pdf`);
  });
});
