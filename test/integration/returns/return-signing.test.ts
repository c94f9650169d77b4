/**
 * Returning a result signed with the agency's token (SoftHSM2): the result
 * file the portal simulator fetches after sync is one that poppler's pdfsig
 * finds valid, wholly signed; with no token configured the return still
 * goes through "chưa ký số"; a configured token without its PIN refuses the
 * return and records nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalSim, type PortalSim } from '../../../electron/portal-sim/portal-sim-server';
import { SIM_CONTROL_HEADER } from '../../../electron/portal-sim/sim-guard';
import { kioskMigrations } from '../../../electron/services/kiosk-migrations';
import { PortalClient } from '../../../electron/services/portal/portal-client';
import type { ResultSigner } from '../../../electron/services/returns/result-signer';
import { ReturnService } from '../../../electron/services/returns/return-service';
import { openResultSigner } from '../../../electron/services/returns/token-result-signer';
import { DossierStore } from '../../../electron/services/store/dossier-store';
import { SyncEngine } from '../../../electron/services/sync/sync-engine';
import { simFile } from '../sync/peers';
import { sampleCitizen } from '../../fixtures/citizen/sample-citizen';
import { CITIZEN, sampleDossier } from '../../fixtures/store/sample-dossier';
import { PIN, makeNssDb, makePki, makeToken, pdfsig } from '../signing/signing-peers';
import type { Pki, SoftToken } from '../signing/signing-peers';

const AGENCY = '000.00.00.H00';
const dir = mkdtempSync(join(tmpdir(), 'kiosk-return-sign-'));
const savedConf = process.env.SOFTHSM2_CONF;
let pki: Pki;
let token: SoftToken;
let nss: string;
let sim: PortalSim;
let store: DossierStore;
let portal: PortalClient;

const card = sampleCitizen({
  id: CITIZEN.idNumber,
  fullName: CITIZEN.name,
  birthDate: '1990-01-01',
  source: 'chip',
});

beforeAll(async () => {
  pki = makePki();
  token = makeToken(pki.signer);
  nss = makeNssDb(pki.root);
  process.env.SOFTHSM2_CONF = token.env.SOFTHSM2_CONF;
  sim = await startPortalSim({ port: 0, faults: 0, dataDir: null, seed: 1 });
  store = DossierStore.open({ dataDir: dir, agencyCode: AGENCY, migrations: kioskMigrations });
  portal = new PortalClient({
    baseUrl: sim.url,
    username: 'kiosk',
    password: 'kiosk-training',
    madonvi: AGENCY,
    timeoutMs: 2_000,
  });
});

afterAll(async () => {
  store.close();
  await sim.close();
  token.remove();
  rmSync(dir, { recursive: true, force: true });
  if (savedConf === undefined) delete process.env.SOFTHSM2_CONF;
  else process.env.SOFTHSM2_CONF = savedConf;
});

const settings = (): { pkcs11Module: string; tokenLabel: string; chainFile: string } => ({
  pkcs11Module: token.module,
  tokenLabel: token.label,
  chainFile: pki.chainFile,
});

async function readyDossier(tag: string): Promise<string> {
  const { code } = store.save(sampleDossier(tag, { receivedAt: Date.now() }), 'test');
  await new SyncEngine(store.outbox, portal).runUntilEmpty();
  const res = await fetch(`${sim.url}/__sim/status?mahoso=${code}&status=9`, {
    method: 'POST',
    headers: { [SIM_CONTROL_HEADER]: sim.controlSecret },
  });
  expect(res.status).toBe(200);
  return code;
}

async function resultPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Giay khai sinh (ban chinh)', { x: 60, y: 700 });
  return doc.save();
}

function returnWith(signer: ResultSigner | null, code: string, pdf: Uint8Array) {
  return new ReturnService({
    store,
    portal,
    signer,
    forms: {
      agencyName: 'UBND xã Bình Sơn',
      unitName: 'Bộ phận Một cửa xã Bình Sơn',
      place: 'Quảng Ngãi',
      phone: '',
      training: true,
    },
    portalTimeoutMs: 2_000,
  }).returnResult(
    {
      codeOrQr: code,
      results: [{ name: 'Giấy khai sinh', componentCode: 'KQ1', pdf }],
      receiver: { kind: 'applicant', citizen: card },
      lastChipRead: { id: card.id, fullName: card.fullName, birthDate: card.birthDate },
      offlineInHand: false,
      staff: { name: 'Lê Văn Cán' },
    },
    'test',
  );
}

describe('returning a result signed with the agency token', () => {
  it('the result the portal fetches after sync is valid and wholly signed for pdfsig', async () => {
    const code = await readyDossier('sig');
    const signing = openResultSigner(settings(), PIN, 'Quảng Ngãi');
    expect(signing).not.toBeNull();
    const pdf = await resultPdf();
    try {
      const outcome = await returnWith(signing!.signer, code, pdf);
      expect(outcome.signed).toBe(true);
    } finally {
      await signing!.close();
    }
    await new SyncEngine(store.outbox, portal).runUntilEmpty();
    const [held] = await portal.lookup(code);
    expect(held).toMatchObject({ TrangThaiHoSo: '10' });
    const links = held?.DanhSachGiayToKetQua as { DuongDanTepTinKetQua: string }[];
    const fetched = Buffer.from(
      await (await simFile(links[0]!.DuongDanTepTinKetQua)).arrayBuffer(),
    );
    // The original bytes are kept: the signature is an incremental update.
    expect(fetched.subarray(0, pdf.length - 1).equals(Buffer.from(pdf).subarray(0, -1))).toBe(true);
    const file = join(dir, 'fetched.pdf');
    writeFileSync(file, fetched);
    const report = pdfsig(file, nss);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Nguyễn Văn An');
  });

  it('without a token configured a return still goes through, recorded "chưa ký số"', async () => {
    const code = await readyDossier('nosig');
    expect(openResultSigner({ ...settings(), pkcs11Module: '' }, undefined)).toBeNull();
    const outcome = await returnWith(null, code, await resultPdf());
    expect(outcome.signed).toBe(false);
    expect(store.returnOf(code)).not.toBeNull();
  });

  it('a configured token without its PIN, or with a wrong one, refuses the return with the signing code', () => {
    expect(() => openResultSigner(settings(), undefined)).toThrow(
      expect.objectContaining({
        code: 'SIGNING_PIN_REQUIRED',
        vi: expect.stringContaining('mã PIN') as string,
      }) as Error,
    );
    expect(() => openResultSigner(settings(), '000000')).toThrow(
      expect.objectContaining({
        code: 'SIGNING_PIN_WRONG',
        vi: expect.stringContaining('Mã PIN không đúng') as string,
      }) as Error,
    );
  });
});
