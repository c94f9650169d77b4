/**
 * Finding the dossier to return by the citizen's chip read (issue 17 item
 * 1), against the real store: `return.byCard` lists the card holder's
 * dossiers still waiting for their result, newest first, and none of
 * anyone else's; a dossier returned here, returned elsewhere (the portal
 * says 10) or refused is not offered. Without a chip read it refuses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CitizenWire } from '../../../electron/api/contract/citizen';
import { kioskMigrations } from '../../../electron/services/kiosk-migrations';
import { OcrPool } from '../../../electron/services/ocr/ocr-pool';
import { ComponentJobs } from '../../../electron/services/components/component-jobs';
import { UploadStore } from '../../../electron/services/uploads/upload-store';
import { createReturnHandlers } from '../../../electron/services/returns/return-handlers';
import { ReturnService } from '../../../electron/services/returns/return-service';
import { DossierStore } from '../../../electron/services/store/dossier-store';
import { sampleCitizen } from '../../fixtures/citizen/sample-citizen';
import { CITIZEN, sampleDossier } from '../../fixtures/store/sample-dossier';

const AGENCY = '000.00.00.H00';
const DAY = 24 * 3600_000;
const T0 = Date.UTC(2026, 10, 20, 2, 0, 0);
let dir: string;
let store: DossierStore;
let lastRead: CitizenWire | null;

const applicant = sampleCitizen({
  id: CITIZEN.idNumber,
  fullName: CITIZEN.name,
  birthDate: '1990-01-01',
  source: 'chip',
});

function service(): ReturnService {
  return new ReturnService({
    store,
    portal: null,
    signer: null,
    forms: {
      agencyName: 'UBND xã Bình Sơn',
      unitName: 'Bộ phận Một cửa xã Bình Sơn',
      place: 'Quảng Ngãi',
      phone: '',
      training: true,
    },
  });
}

const handlers = () =>
  createReturnHandlers({
    store,
    service,
    signing: { pkcs11Module: '', tokenLabel: '', chainFile: '' },
    place: 'Quảng Ngãi',
    lastRead: () => lastRead,
    uploads: new UploadStore(),
    // No scanned result here: the pool never starts a worker.
    jobs: new ComponentJobs({ ocr: new OcrPool(), workDir: dir, emit: () => undefined }),
    staffOf: () => ({ actor: 'canbo1', name: 'Lê Văn Cán' }),
  });

function saved(seed: string, receivedAt: number, idNumber: string = CITIZEN.idNumber): string {
  const base = sampleDossier(seed, { attachments: 1, receivedAt });
  return store.save({ ...base, applicant: { ...base.applicant, idNumber } }, 'test').code;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-return-by-card-'));
  store = DossierStore.open({ dataDir: dir, agencyCode: AGENCY, migrations: kioskMigrations });
  lastRead = null;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('finding the dossiers to return by the chip read', () => {
  it("lists only the card holder's open dossiers, newest first", async () => {
    const older = saved('older', T0);
    const newer = saved('newer', T0 + DAY);
    saved('stranger', T0 + 2 * DAY, '079201009999');
    const returnedHere = saved('returned-here', T0 + 3 * DAY);
    const returnedElsewhere = saved('returned-elsewhere', T0 + 4 * DAY);
    const refused = saved('refused', T0 + 5 * DAY);
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]);
    await service().returnResult(
      {
        codeOrQr: returnedHere,
        results: [{ name: 'Giấy khai sinh', pdf: await doc.save() }],
        receiver: { kind: 'post', address: 'Thôn 2, xã Bình Sơn' },
        lastChipRead: null,
        offlineInHand: true,
        staff: { name: 'Lê Văn Cán' },
      },
      'test',
    );
    const idOf = (code: string): string => store.get(code, 'test').id;
    store.outbox.recordPortalStatus(idOf(returnedElsewhere), '10', T0 + 6 * DAY);
    store.outbox.recordPortalStatus(idOf(refused), '3', T0 + 6 * DAY);
    store.outbox.recordPortalStatus(idOf(newer), '9', T0 + 6 * DAY);

    lastRead = applicant;
    const answer = await handlers()['return.byCard']({}, { transport: 'local' });
    expect(answer.dossiers.map((d) => d.code)).toEqual([newer, older]);
    expect(answer.dossiers[0]).toMatchObject({
      procedureName: 'Đăng ký khai sinh',
      localStatus: '2',
      portalStatus: '9',
    });
    // The search is a read of a citizen's records: one audit row says who looked.
    const audit = store.database
      .prepare<[], { actor: string; detail: string }>(
        `SELECT actor, detail FROM audit_log WHERE detail LIKE 'by-applicant%'`,
      )
      .all();
    expect(audit).toEqual([{ actor: 'canbo1', detail: 'by-applicant count=2' }]);
  });

  it('another card holder sees none of them', async () => {
    saved('mine', T0);
    lastRead = sampleCitizen({ source: 'chip' });
    const answer = await handlers()['return.byCard']({}, { transport: 'local' });
    expect(answer.dossiers).toEqual([]);
  });

  it('refuses, in Vietnamese, before any card was read', () => {
    saved('mine', T0);
    expect(() => handlers()['return.byCard']({}, { transport: 'local' })).toThrow(
      expect.objectContaining({
        code: 'RETURN_RECEIVER_MISMATCH',
        vi: expect.stringContaining('Chưa đọc thẻ Căn cước') as string,
      }) as Error,
    );
  });
});
