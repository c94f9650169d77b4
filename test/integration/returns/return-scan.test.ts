/**
 * A result scanned at the counter (issue 17 item 1): the scan service's real
 * path (sheet feeder of rendered Vietnamese pages, page pipeline), the OCR
 * pool and the agency's token (SoftHSM2) behind `return.record`. The
 * recorded result is one PDF whose words pdftotext finds and which pdfsig
 * finds valid and wholly signed; a wrong PIN keeps the scan, so the clerk
 * retries without scanning again, and the scan's files go once it is returned.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskMigrations } from '../../../electron/services/kiosk-migrations';
import { OcrPool } from '../../../electron/services/ocr/ocr-pool';
import { ComponentJobs } from '../../../electron/services/components/component-jobs';
import { UploadStore } from '../../../electron/services/uploads/upload-store';
import { createReturnHandlers } from '../../../electron/services/returns/return-handlers';
import { ReturnService } from '../../../electron/services/returns/return-service';
import { ScanService } from '../../../electron/services/scan/scan-service';
import { DossierStore } from '../../../electron/services/store/dossier-store';
import { ScannerRegistry } from '../../../scanners/scanner-registry';
import { sampleCitizen } from '../../fixtures/citizen/sample-citizen';
import { renderPage } from '../../fixtures/ocr/vietnamese-pages';
import { CITIZEN, sampleDossier } from '../../fixtures/store/sample-dossier';
import { SHEET_FEEDER_DEVICE, sheetFeeder } from '../../support/sheet-feeder';
import { PIN, makeNssDb, makePki, makeToken, pdfsig } from '../signing/signing-peers';
import type { Pki, SoftToken } from '../signing/signing-peers';

const AGENCY = '000.00.00.H00';
const dir = mkdtempSync(join(tmpdir(), 'kiosk-return-scan-'));
const savedConf = process.env.SOFTHSM2_CONF;
const ketQua =
  'GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT\n\nNgười sử dụng đất: Nguyễn Thị Hường.\nThửa đất số 125, tờ bản đồ số 7, xã Bình Sơn.\nỦy ban nhân dân huyện Bình Sơn cấp ngày 05 tháng 12 năm 2026.';
let pki: Pki;
let token: SoftToken;
let nss: string;
let store: DossierStore;
let pool: OcrPool;
let jobs: ComponentJobs;
let scan: ScanService;

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
  store = DossierStore.open({ dataDir: dir, agencyCode: AGENCY, migrations: kioskMigrations });
  pool = new OcrPool({ languages: ['vie'], size: 1 });
  jobs = new ComponentJobs({ ocr: pool, workDir: join(dir, 'scans'), emit: () => undefined });
  const sheets = join(dir, 'sheets');
  mkdirSync(sheets);
  const sheet = join(sheets, 'ket-qua.png');
  writeFileSync(sheet, await renderPage(ketQua));
  scan = new ScanService({
    registry: new ScannerRegistry([sheetFeeder([sheet])]),
    workDir: join(dir, 'scans'),
    events: { page: () => undefined, progress: () => undefined },
    onPage: jobs.onScanPage,
    onComponent: jobs.onScanComponent,
  });
});

afterAll(async () => {
  await pool.close();
  store.close();
  token.remove();
  rmSync(dir, { recursive: true, force: true });
  if (savedConf === undefined) delete process.env.SOFTHSM2_CONF;
  else process.env.SOFTHSM2_CONF = savedConf;
});

const handlers = () =>
  createReturnHandlers({
    store,
    service: (signer) =>
      new ReturnService({
        store,
        portal: null,
        signer,
        forms: {
          agencyName: 'UBND xã Bình Sơn',
          unitName: 'Bộ phận Một cửa xã Bình Sơn',
          place: 'Quảng Ngãi',
          phone: '',
          training: true,
        },
      }),
    signing: { pkcs11Module: token.module, tokenLabel: token.label, chainFile: pki.chainFile },
    place: 'Quảng Ngãi',
    lastRead: () => card,
    uploads: new UploadStore(),
    jobs,
    staffOf: () => ({ actor: 'canbo1', name: 'Lê Văn Cán' }),
  });

function storedResult(code: string): Uint8Array {
  const row = store.database
    .prepare<[string], { blob_sha256: string; signed: number; name: string }>(
      `SELECT r.blob_sha256, r.signed, r.name FROM result_documents r
       JOIN dossiers d ON d.id = r.dossier_id WHERE d.code = ? ORDER BY r.seq`,
    )
    .get(code);
  if (row === undefined) throw new Error(`no result recorded for ${code}`);
  expect(row.signed).toBe(1);
  expect(row.name).toBe('Giấy chứng nhận quyền sử dụng đất');
  return new Uint8Array(store.outbox.readBlob(row.blob_sha256));
}

describe('a result scanned at the counter', () => {
  it('a wrong PIN keeps the scan; the right one records one searchable PDF that pdfsig finds valid, and the scan files go', async () => {
    const { code } = store.save(sampleDossier('scan-result', { receivedAt: Date.now() }), 't');
    const scanned = await scan.start({ device: SHEET_FEEDER_DEVICE, component: 'Kết quả' });
    expect(scanned.pdf?.pageCount).toBe(1);
    const request = {
      query: code,
      results: [
        { name: 'Giấy chứng nhận quyền sử dụng đất', scanJobId: scanned.jobId, pages: [0] },
      ],
      receiver: { kind: 'applicant' as const },
      offlineInHand: true,
    };
    await expect(
      handlers()['return.record']({ ...request, pin: '000000' }, { transport: 'local' }),
    ).rejects.toMatchObject({ code: 'SIGNING_PIN_WRONG' });
    expect(store.returnOf(code)).toBeNull();
    expect(jobs.has(scanned.jobId)).toBe(true);

    const answer = await handlers()['return.record'](
      { ...request, pin: PIN },
      { transport: 'local' },
    );
    expect(answer.signed).toBe(true);
    const file = join(dir, 'result.pdf');
    writeFileSync(file, storedResult(code));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
      .normalize('NFC')
      .replace(/\s+/g, ' ');
    for (const word of ['CHỨNG', 'NHẬN', 'Hường', 'Bình Sơn']) expect(text).toContain(word);
    const report = pdfsig(file, nss);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
    expect(jobs.has(scanned.jobId)).toBe(false);
    expect(existsSync(join(dir, 'scans', 'scan-jobs', scanned.jobId))).toBe(false);
  }, 180_000);

  it('a scan job the core does not hold is refused and nothing is returned', async () => {
    const { code } = store.save(sampleDossier('scan-unknown', { receivedAt: Date.now() }), 't');
    await expect(
      handlers()['return.record'](
        {
          query: code,
          results: [
            {
              name: 'Giấy chứng nhận quyền sử dụng đất',
              scanJobId: '01939a7e-0000-7000-8000-000000000000',
              pages: [0],
            },
          ],
          receiver: { kind: 'applicant' },
          offlineInHand: true,
          pin: PIN,
        },
        { transport: 'local' },
      ),
    ).rejects.toMatchObject({ code: 'COMPONENT_NOT_FOUND' });
    expect(store.returnOf(code)).toBeNull();
  });
});
