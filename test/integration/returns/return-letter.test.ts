/**
 * The authorised person's hand-over with an uploaded letter (issue 17),
 * against the real store and upload store: the 4 MB letter named by its
 * upload id is kept with the return byte for byte (sealed, by its SHA-256);
 * a "letter" whose bytes are not a PDF, JPEG or PNG is refused whatever type
 * it was uploaded as, and nothing is returned.
 */
import { createHash, randomBytes } from 'node:crypto';
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
import { sampleDossier } from '../../fixtures/store/sample-dossier';

const AGENCY = '000.00.00.H00';
let dir: string;
let store: DossierStore;
let uploads: UploadStore;
let lastRead: CitizenWire | null;

const authorised = sampleCitizen({
  id: '079201009999',
  fullName: 'Trần Văn Bình',
  birthDate: '1985-05-05',
  source: 'chip',
});

const handlers = () =>
  createReturnHandlers({
    store,
    service: () =>
      new ReturnService({
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
      }),
    signing: { pkcs11Module: '', tokenLabel: '', chainFile: '' },
    place: 'Quảng Ngãi',
    lastRead: () => lastRead,
    uploads,
    // No scanned result here: the pool never starts a worker.
    jobs: new ComponentJobs({ ocr: new OcrPool(), workDir: dir, emit: () => undefined }),
    staffOf: () => ({ actor: 'canbo1', name: 'Lê Văn Cán' }),
  });

async function resultPdf(): Promise<string> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  return Buffer.from(await doc.save()).toString('base64');
}

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-return-letter-'));
  store = DossierStore.open({ dataDir: dir, agencyCode: AGENCY, migrations: kioskMigrations });
  uploads = new UploadStore();
  lastRead = authorised;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the authorisation letter by its upload id', () => {
  it('a 4 MB letter uploaded as JPEG is kept with the return', async () => {
    const { code } = store.save(sampleDossier('letter', { receivedAt: Date.now() }), 'test');
    const letter = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      randomBytes(4 * 1024 * 1024),
    ]);
    const letterUploadId = uploads.put(letter, 'image/jpeg');
    const answer = await handlers()['return.record'](
      {
        query: code,
        results: [{ name: 'Giấy khai sinh', pdfBase64: await resultPdf() }],
        receiver: { kind: 'authorised', letterUploadId },
        offlineInHand: true,
      },
      { transport: 'local' },
    );
    expect(answer.code).toBe(code);
    const row = store.database
      .prepare<[string], { letter_sha256: string | null; receiver_kind: string }>(
        `SELECT r.letter_sha256, r.receiver_kind FROM dossier_returns r
         JOIN dossiers d ON d.id = r.dossier_id WHERE d.code = ?`,
      )
      .get(code);
    expect(row?.receiver_kind).toBe('authorised');
    // Content-addressed: the very bytes uploaded, not a re-encoding.
    expect(row?.letter_sha256).toBe(sha(letter));
  });

  it('bytes that are not a PDF, JPEG or PNG are refused as a letter, and nothing is returned', async () => {
    const { code } = store.save(sampleDossier('not-letter', { receivedAt: Date.now() }), 'test');
    const letterUploadId = uploads.put(Buffer.from('<html>giấy ủy quyền</html>'), 'image/png');
    await expect(
      handlers()['return.record'](
        {
          query: code,
          results: [{ name: 'Giấy khai sinh', pdfBase64: await resultPdf() }],
          receiver: { kind: 'authorised', letterUploadId },
          offlineInHand: true,
        },
        { transport: 'local' },
      ),
    ).rejects.toMatchObject({ code: 'RETURN_LETTER_REQUIRED' });
    expect(store.get(code, 'test').status).toBe('2');
  });
});
