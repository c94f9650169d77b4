/**
 * The return service against the real store and the portal simulator: a
 * dossier is received and synced, the back office moves it on, and the
 * clerk hands the result back. A wrong person's card is refused; an
 * authorised person works only with their own chip read and a letter; the
 * simulator ends at 10 with NgayTra and a result link that resolves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPortalSim, type PortalSim } from '../../../electron/portal-sim/portal-sim-server';
import { SIM_CONTROL_HEADER } from '../../../electron/portal-sim/sim-guard';
import { simFile } from '../sync/peers';
import { kioskMigrations } from '../../../electron/services/kiosk-migrations';
import { PortalClient } from '../../../electron/services/portal/portal-client';
import { ReturnService } from '../../../electron/services/returns/return-service';
import { DossierStore } from '../../../electron/services/store/dossier-store';
import { SyncEngine } from '../../../electron/services/sync/sync-engine';
import { sampleCitizen } from '../../fixtures/citizen/sample-citizen';
import { CITIZEN, sampleDossier } from '../../fixtures/store/sample-dossier';

const AGENCY = '000.00.00.H00';
let dir: string;
let sim: PortalSim;
let store: DossierStore;
let portal: PortalClient;

const applicantCard = sampleCitizen({
  id: CITIZEN.idNumber,
  fullName: CITIZEN.name,
  birthDate: '1990-01-01',
  source: 'chip',
});
const strangerCard = sampleCitizen({ source: 'chip' });
const chipOf = (c: typeof applicantCard): { id: string; fullName: string; birthDate: string } => ({
  id: c.id,
  fullName: c.fullName,
  birthDate: c.birthDate,
});

async function resultPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  return doc.save();
}

async function setStatus(code: string, status: string): Promise<void> {
  const res = await fetch(`${sim.url}/__sim/status?mahoso=${code}&status=${status}`, {
    method: 'POST',
    headers: { [SIM_CONTROL_HEADER]: sim.controlSecret },
  });
  expect(res.status).toBe(200);
}

function service(): ReturnService {
  return new ReturnService({
    store,
    portal,
    signer: null,
    forms: {
      agencyName: 'UBND xã Bình Sơn',
      unitName: 'Bộ phận Một cửa xã Bình Sơn',
      place: 'Quảng Ngãi',
      phone: '',
      training: true,
    },
    portalTimeoutMs: 2_000,
  });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-return-'));
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
afterEach(async () => {
  store.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

async function receivedAndSynced(): Promise<string> {
  const { code } = store.save(sampleDossier('ret', { receivedAt: Date.now() }), 'test');
  await new SyncEngine(store.outbox, portal).runUntilEmpty();
  return code;
}

describe('returning a result', () => {
  it('refuses while the portal says the dossier is still processing, naming the status', async () => {
    const code = await receivedAndSynced();
    await setStatus(code, '4');
    const pdf = await resultPdf();
    await expect(
      service().returnResult(
        {
          codeOrQr: code,
          results: [{ name: 'Giấy khai sinh', pdf }],
          receiver: { kind: 'applicant', citizen: applicantCard },
          lastChipRead: chipOf(applicantCard),
          offlineInHand: false,
          staff: { name: 'Lê Văn Cán' },
        },
        'test',
      ),
    ).rejects.toThrow(
      expect.objectContaining({
        code: 'RETURN_NOT_READY',
        vi: expect.stringContaining('Đang xử lý') as string,
      }) as Error,
    );
  });

  it("refuses a wrong person's card, and an authorised person without a letter", async () => {
    const code = await receivedAndSynced();
    await setStatus(code, '9');
    const pdf = await resultPdf();
    const base = {
      codeOrQr: code,
      results: [{ name: 'Giấy khai sinh', pdf }],
      offlineInHand: false,
      staff: { name: 'Lê Văn Cán' },
    };
    await expect(
      service().returnResult(
        {
          ...base,
          receiver: { kind: 'applicant', citizen: strangerCard },
          lastChipRead: chipOf(strangerCard),
        },
        'test',
      ),
    ).rejects.toMatchObject({ code: 'RETURN_RECEIVER_MISMATCH' });
    await expect(
      service().returnResult(
        {
          ...base,
          receiver: { kind: 'authorised', citizen: strangerCard, letter: null },
          lastChipRead: chipOf(strangerCard),
        },
        'test',
      ),
    ).rejects.toMatchObject({ code: 'RETURN_LETTER_REQUIRED' });
    // A card that is not the one read last does not vouch for anyone.
    await expect(
      service().returnResult(
        {
          ...base,
          receiver: { kind: 'applicant', citizen: applicantCard },
          lastChipRead: chipOf(strangerCard),
        },
        'test',
      ),
    ).rejects.toMatchObject({ code: 'RETURN_RECEIVER_MISMATCH' });
    expect(store.returnOf(code)).toBeNull();
  });

  it('hands the result to an authorised person with a letter; the portal ends at 10 with NgayTra and the result file', async () => {
    const code = await receivedAndSynced();
    await setStatus(code, '9');
    const pdf = await resultPdf();
    const outcome = await service().returnResult(
      {
        codeOrQr: `https://tra-cuu.example.vn/?ma=${code}`,
        results: [{ name: 'Giấy khai sinh', componentCode: 'KQ1', pdf }],
        receiver: { kind: 'authorised', citizen: strangerCard, letter: await resultPdf() },
        lastChipRead: chipOf(strangerCard),
        offlineInHand: false,
        staff: { name: 'Lê Văn Cán' },
      },
      'test',
    );
    expect(outcome).toMatchObject({ code, signed: false, portalStatusSeen: '9' });
    expect(Buffer.from(outcome.slipPdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(store.returnOf(code)).toMatchObject({ receiverKind: 'authorised', hinhThuc: '0' });
    // A second return of the same dossier is refused.
    await expect(
      service().returnResult(
        {
          codeOrQr: code,
          results: [{ name: 'Giấy khai sinh', pdf }],
          receiver: { kind: 'applicant', citizen: applicantCard },
          lastChipRead: chipOf(applicantCard),
          offlineInHand: true,
          staff: { name: 'Lê Văn Cán' },
        },
        'test',
      ),
    ).rejects.toMatchObject({ code: 'RETURN_ALREADY_RETURNED' });

    await new SyncEngine(store.outbox, portal).runUntilEmpty();
    const [held] = await portal.lookup(code);
    expect(held).toMatchObject({ TrangThaiHoSo: '10', HinhThuc: '0' });
    expect(held?.NgayTra).toMatch(/^\d{14}$/);
    const links = held?.DanhSachGiayToKetQua as { DuongDanTepTinKetQua: string }[];
    const file = await simFile(links[0]!.DuongDanTepTinKetQua);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(Buffer.from(pdf));
    const history = (await (
      await fetch(`${sim.url}/__sim/history?mahoso=${code}`, {
        headers: { [SIM_CONTROL_HEADER]: sim.controlSecret },
      })
    ).json()) as {
      statuses: { status: string }[];
      progress: { TrangThai: string }[];
    };
    expect(history.statuses.map((s) => s.status)).toEqual(['2', '9', '10']);
    expect(history.progress.map((p) => p.TrangThai)).toEqual(['10']);
  });

  it('without a portal answer returns only with the in-hand confirmation, and records it', async () => {
    const { code } = store.save(sampleDossier('off', { receivedAt: Date.now() }), 'test');
    const pdf = await resultPdf();
    const offline = new ReturnService({
      store,
      portal: null,
      signer: null,
      forms: { agencyName: 'UBND', unitName: 'Một cửa', place: '', phone: '', training: false },
    });
    const request = {
      codeOrQr: code,
      results: [{ name: 'Giấy khai sinh', pdf }],
      receiver: { kind: 'post' as const, address: 'Số 1 Lê Lợi' },
      lastChipRead: null,
      staff: { name: 'Lê Văn Cán' },
    };
    await expect(
      offline.returnResult({ ...request, offlineInHand: false }, 'test'),
    ).rejects.toMatchObject({ code: 'RETURN_PORTAL_UNREACHABLE' });
    const outcome = await offline.returnResult({ ...request, offlineInHand: true }, 'test');
    expect(outcome).toMatchObject({ offlineInHand: true, portalStatusSeen: null });
    expect(store.returnOf(code)).toMatchObject({ offlineInHand: true, hinhThuc: '1' });
  });
});
