/**
 * Issue 17 item 4, the "Đã trả kết quả ngày …" line: the status lookup takes
 * the return day from this kiosk's own return record, or from the portal's
 * NgayTra when the result was handed over elsewhere, in Vietnam time, and
 * says nothing about who collected it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPortalSim, type PortalSim } from '../../../electron/portal-sim/portal-sim-server';
import { SIM_CONTROL_HEADER } from '../../../electron/portal-sim/sim-guard';
import { kioskMigrations } from '../../../electron/services/kiosk-migrations';
import { PortalClient } from '../../../electron/services/portal/portal-client';
import { StatusLookupService } from '../../../electron/services/lookup/status-lookup';
import { ReturnService } from '../../../electron/services/returns/return-service';
import { DossierStore } from '../../../electron/services/store/dossier-store';
import { SyncEngine } from '../../../electron/services/sync/sync-engine';
import { sampleCitizen } from '../../fixtures/citizen/sample-citizen';
import { CITIZEN, sampleDossier } from '../../fixtures/store/sample-dossier';

const AGENCY = '000.00.00.H00';
/** 17:30 UTC on 05/12/2026 is 00:30 on 06/12/2026 in Vietnam: the day must be the 6th. */
const LATE_EVENING_UTC = Date.UTC(2026, 11, 5, 17, 30);
let dir: string;
let sim: PortalSim;
let store: DossierStore;
let portal: PortalClient;
const quiet = { info: (): void => undefined };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-return-lookup-'));
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

async function setStatus(code: string, query: string): Promise<void> {
  const res = await fetch(`${sim.url}/__sim/status?mahoso=${code}&${query}`, {
    method: 'POST',
    headers: { [SIM_CONTROL_HEADER]: sim.controlSecret },
  });
  expect(res.status).toBe(200);
}

async function receivedAndSynced(engine: SyncEngine): Promise<string> {
  const { code } = store.save(sampleDossier('lookup', { receivedAt: Date.now() }), 'test');
  await engine.runUntilEmpty();
  return code;
}

describe('the status lookup of a returned dossier', () => {
  it("shows the day of this kiosk's own return in Vietnam time, with no personal data", async () => {
    const engine = new SyncEngine(store.outbox, portal);
    const code = await receivedAndSynced(engine);
    await setStatus(code, 'status=9');
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]);
    const applicant = sampleCitizen({
      id: CITIZEN.idNumber,
      fullName: CITIZEN.name,
      birthDate: '1990-01-01',
      source: 'chip',
    });
    await new ReturnService({
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
      now: () => LATE_EVENING_UTC,
    }).returnResult(
      {
        codeOrQr: code,
        results: [{ name: 'Giấy khai sinh', pdf: await doc.save() }],
        receiver: { kind: 'applicant', citizen: applicant },
        lastChipRead: { id: applicant.id, fullName: applicant.fullName, birthDate: '1990-01-01' },
        offlineInHand: false,
        staff: { name: 'Lê Văn Cán' },
      },
      'test',
    );
    // Store only: the date is the kiosk's own, not something the portal had to confirm.
    const answer = await new StatusLookupService({ store, log: quiet }).lookup(code);
    expect(answer.statusText.vi).toBe('Đã trả kết quả ngày 06/12/2026');
    expect(answer.statusText.en).toBe('The result was handed over on 06/12/2026');
    expect(JSON.stringify(answer)).not.toContain(CITIZEN.name);
    expect(JSON.stringify(answer)).not.toContain(CITIZEN.idNumber);
  });

  it("takes the portal's NgayTra for a result handed over elsewhere", async () => {
    const engine = new SyncEngine(store.outbox, portal);
    const code = await receivedAndSynced(engine);
    // Another counter returned it at 08:15 on 03/12/2026, Vietnam time.
    await setStatus(code, 'status=10&ngaytra=20261203081500');
    const answer = await new StatusLookupService({ store, sync: engine, log: quiet }).lookup(code);
    expect(answer.status).toBe('10');
    expect(answer.statusText.vi).toBe('Đã trả kết quả ngày 03/12/2026');
  });

  it('says only "Đã trả kết quả" when neither the kiosk nor the portal knows the day', async () => {
    const engine = new SyncEngine(store.outbox, portal);
    const code = await receivedAndSynced(engine);
    await setStatus(code, 'status=10');
    const answer = await new StatusLookupService({ store, sync: engine, log: quiet }).lookup(code);
    expect(answer.statusText.vi).toBe('Đã trả kết quả');
  });
});
