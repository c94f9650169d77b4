/**
 * Where the later document timestamp runs: in the sync, as each file leaves.
 * A dossier signed at the counter while the network (TSA and portal) was down
 * is B-B; when the network is back the sync adds an ETSI.RFC3161 document
 * timestamp to each signed component before uploading it, keeps that very
 * file locally, and the portal receives it. Real peers: SoftHSM2, `openssl ts`
 * behind HTTP, the portal simulator, pdfsig.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../electron/api/errors';
import { StaffAccounts } from '../../../electron/services/auth/staff-accounts';
import { needsDocumentTimestamp } from '../../../electron/services/signing/late-timestamp';
import { verifyPdf } from '../../../electron/services/signing/pdf-verifier';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { loadTrustStore } from '../../../native/smartcard/passive-auth';
import { sampleCitizen } from '../../fixtures/citizen/sample-citizen';
import { renderPage } from '../../fixtures/ocr/vietnamese-pages';
import { captureLogger } from '../../support/capture-logger';
import { startTsa, type TsaPeer } from '../../support/tsa-peer';
import { simFile, simGet, startSim, type SimProcess } from '../sync/peers';
import { PIN, makeNssDb, makePki, makeToken, pdfsig } from './signing-peers';
import type { Pki, SoftToken } from './signing-peers';

const CLERK = { username: 'canbo1', password: 'mat-khau-can-bo-1' };
const applicant = sampleCitizen();
const savedConf = process.env.SOFTHSM2_CONF;
const savedPortal = process.env.KIOSK_PORTAL_URL;
const work = mkdtempSync(join(tmpdir(), 'kiosk-late-ts-'));
let pki: Pki;
let token: SoftToken;
let tsa: TsaPeer;
let sim: SimProcess;
let nss: string;
let page: Uint8Array;

async function ok<T>(core: Core, method: string, params: unknown): Promise<T> {
  const result = (await core.dispatch(method, params, { transport: 'local' })) as ApiResult<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function openCore(dataDir: string, fresh: boolean): Promise<Core> {
  writeFileSync(
    join(dataDir, 'config.json'),
    JSON.stringify({
      agency: { code: '000.00.31.H48' },
      signing: {
        pkcs11Module: token.module,
        tokenLabel: token.label,
        chainFile: pki.chainFile,
        tsaUrl: tsa.url,
      },
    }),
  );
  const core = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
  if (fresh)
    await new StaffAccounts(core.store.database).create(CLERK.username, 'clerk', CLERK.password);
  await ok(core, 'auth.signIn', CLERK);
  return core;
}

beforeAll(async () => {
  pki = makePki();
  token = makeToken(pki.signer);
  nss = makeNssDb(pki.root);
  process.env.SOFTHSM2_CONF = token.env.SOFTHSM2_CONF;
  tsa = await startTsa(
    { cert: pki.intermediate, key: pki.intermediate.replace(/\.pem$/, '.key') },
    readFileSync(pki.chainFile, 'utf8'),
  );
  sim = await startSim(['--port', '0', '--memory']);
  page = await renderPage('TỜ KHAI ĐĂNG KÝ KHAI SINH\n\nHọ, chữ đệm, tên: Trần Văn Dũng.');
}, 60_000);

afterAll(async () => {
  await sim.stop();
  tsa.remove();
  token.remove();
  rmSync(work, { recursive: true, force: true });
  if (savedPortal === undefined) delete process.env.KIOSK_PORTAL_URL;
  else process.env.KIOSK_PORTAL_URL = savedPortal;
  if (savedConf === undefined) delete process.env.SOFTHSM2_CONF;
  else process.env.SOFTHSM2_CONF = savedConf;
});

describe('a signature made offline gets its document timestamp at sync', () => {
  it('B-B at the counter with the TSA down; the portal then receives each file with a DocTimeStamp, the same bytes kept locally', async () => {
    // Offline: the TSA's port is closed and so is the portal's.
    await tsa.stop();
    process.env.KIOSK_PORTAL_URL = 'http://127.0.0.1:9';
    const offline = await openCore(work, true);
    const components = [];
    for (const code of ['TO_KHAI', 'GIAY_CHUNG_SINH']) {
      const { jobId } = await ok<{ jobId: string }>(offline, 'component.import', {
        component: code,
        fileName: `${code}.png`,
        mime: 'image/png',
        dataBase64: Buffer.from(page).toString('base64'),
      });
      components.push({ code, jobId, pageOrder: [0] });
    }
    const created = await ok<{ code: string; signed: boolean }>(offline, 'dossier.create', {
      procedureCode: '1.001193',
      applicant: { citizen: applicant, phone: '0912345678' },
      formValues: {
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
      },
      components,
      pin: PIN,
    });
    expect(created.signed).toBe(true);
    const saved = offline.store.get(created.code, 'test').components;
    const before = saved.map((c) => new Uint8Array(offline.store.outbox.readBlob(c.sha256 ?? '')));
    expect(before).toHaveLength(2);
    for (const pdf of before) expect(needsDocumentTimestamp(pdf)).toBe(true);
    await offline.dispose();
    expect(tsa.answered()).toBe(0);

    // The network is back: the same kiosk, the TSA and the portal reachable.
    await tsa.restart();
    process.env.KIOSK_PORTAL_URL = sim.url;
    const online = await openCore(work, false);
    try {
      interface Held {
        MaHoSo?: string;
        TaiLieuNop?: { DuongDanTaiTepTin: string }[];
      }
      const deadline = Date.now() + 60_000;
      let held: Held | undefined;
      while (Date.now() < deadline) {
        const all = await simGet<{ dossiers: Held[] }>(`${sim.url}/__sim/dossiers`);
        held = all.dossiers.find((d) => d.MaHoSo === created.code);
        if ((held?.TaiLieuNop?.length ?? 0) === 2) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(held?.TaiLieuNop).toHaveLength(2);
      expect(tsa.answered()).toBe(2);
      const anchors = (await loadTrustStore(pki.trustDir)).certificates;
      const local = online.store
        .get(created.code, 'test')
        .components.map((c) => Buffer.from(online.store.outbox.readBlob(c.sha256 ?? '')));
      for (const [i, doc] of (held?.TaiLieuNop ?? []).entries()) {
        const bytes = new Uint8Array(await (await simFile(doc.DuongDanTaiTepTin)).arrayBuffer());
        // What the portal got is what the kiosk keeps, and it starts with the file signed offline.
        expect(local.some((b) => b.equals(Buffer.from(bytes)))).toBe(true);
        expect(
          before.some((b) => Buffer.from(bytes.subarray(0, b.length)).equals(Buffer.from(b))),
        ).toBe(true);
        expect(needsDocumentTimestamp(bytes)).toBe(false);
        const result = await verifyPdf(bytes, { anchors });
        expect(result.signatures.map((s) => s.type)).toEqual(['Sig', 'DocTimeStamp']);
        expect(result.signatures[0]?.intact).toBe(true);
        expect(result.signatures[0]?.trusted).toBe(true);
        expect(result.signatures[1]?.timestamp?.valid).toBe(true);
        expect(result.ok).toBe(true);
        const file = join(work, `portal-${String(i)}.pdf`);
        writeFileSync(file, bytes);
        expect(pdfsig(file, nss).split('Signature #2')[0] ?? '').toContain('Signature is Valid');
      }
    } finally {
      await online.dispose();
    }
  }, 180_000);
});
