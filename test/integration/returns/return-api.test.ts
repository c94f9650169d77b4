/**
 * Returning a result through the core's dispatcher (the API the staff
 * screen calls), with the portal simulator as the portal: staff only; a
 * dossier the portal has not finished is shown as not ready and refused;
 * at "9" the check says ready, the return by post answers the hand-over
 * slip, and the dossier then shows as returned.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../electron/api/errors';
import { startPortalSim, type PortalSim } from '../../../electron/portal-sim/portal-sim-server';
import { StaffAccounts } from '../../../electron/services/auth/staff-accounts';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { captureLogger } from '../../support/capture-logger';
import { qrOnPage } from '../../support/pdf-qr';
import { CITIZEN, sampleDossier } from '../../fixtures/store/sample-dossier';
import { rememberSim, simFetch } from '../sync/peers';

const CLERK = { username: 'canbo1', password: 'mat-khau-can-bo-1' };
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-return-api-'));
let sim: PortalSim;
let core: Core;
let resultB64 = '';

async function call<T>(method: string, params: unknown): Promise<ApiResult<T>> {
  return (await core.dispatch(method, params, { transport: 'local' })) as ApiResult<T>;
}

async function ok<T>(method: string, params: unknown): Promise<T> {
  const result = await call<T>(method, params);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function until(what: string, probe: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  sim = await startPortalSim({ port: 0, faults: 0, dataDir: null, seed: 1 });
  rememberSim(sim);
  process.env.KIOSK_PORTAL_URL = sim.url;
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ receipt: { place: 'Bình Sơn' } }));
  core = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
  await new StaffAccounts(core.store.database).create(CLERK.username, 'clerk', CLERK.password);
  const doc = await PDFDocument.create();
  doc.addPage([300, 300]);
  resultB64 = Buffer.from(await doc.save()).toString('base64');
});

afterAll(async () => {
  await core.dispose();
  await sim.close();
  delete process.env.KIOSK_PORTAL_URL;
  rmSync(dataDir, { recursive: true, force: true });
});

interface Check {
  code: string;
  ready: boolean;
  portal: { kind: string; status?: string };
  returned: { hinhThuc: string } | null;
  signingConfigured: boolean;
}

describe('the return API', () => {
  let code = '';

  it('answers nobody who is not signed in', async () => {
    const check = await call('return.check', { query: '000.00.00.H00-261205-0001' });
    expect(check.ok || check.error.code).toBe('AUTH_REQUIRED');
    const record = await call('return.record', {
      query: '000.00.00.H00-261205-0001',
      results: [{ name: 'x', pdfBase64: resultB64 }],
      receiver: { kind: 'post' },
      offlineInHand: true,
    });
    expect(record.ok || record.error.code).toBe('AUTH_REQUIRED');
    await ok('auth.signIn', CLERK);
  });

  it('a dossier still processing is shown not ready and its return is refused', async () => {
    ({ code } = core.store.save(sampleDossier('api', { receivedAt: Date.now() }), 'test'));
    await until(
      'the create to sync',
      async () => (await ok<Check>('return.check', { query: code })).portal.kind === 'status',
    );
    const res = await simFetch(`${sim.url}/__sim/status?mahoso=${code}&status=4`, {
      method: 'POST',
    });
    expect(res.status).toBe(200);
    // A receipt's v1 QR, as a wedge scanner types it, finds the dossier as the bare code does.
    const receiptQr = `MC1*01*${code}*1.001193*${CITIZEN.idNumber}*KMC*202612051015*202612091700`;
    const check = await ok<Check>('return.check', { query: `${receiptQr}\n` });
    expect(check).toMatchObject({ code, ready: false, portal: { kind: 'status', status: '4' } });
    const other = await ok<Check>('return.check', { query: `MaHoSo:${code}|MaTTHC:1.001193` });
    expect(other).toMatchObject({ code, ready: false });
    expect(check.signingConfigured).toBe(false);
    const refused = await call('return.record', {
      query: code,
      results: [{ name: 'Giấy khai sinh', pdfBase64: resultB64 }],
      receiver: { kind: 'post' },
      offlineInHand: false,
    });
    expect(refused.ok || refused.error.code).toBe('RETURN_NOT_READY');
  });

  it('at "Đã xử lý xong" the applicant needs a chip read, and by post it returns with a slip', async () => {
    const ready = await simFetch(`${sim.url}/__sim/status?mahoso=${code}&status=9`, {
      method: 'POST',
    });
    expect(ready.status).toBe(200);
    expect(await ok<Check>('return.check', { query: code })).toMatchObject({ ready: true });
    const noCard = await call('return.record', {
      query: code,
      results: [{ name: 'Giấy khai sinh', pdfBase64: resultB64 }],
      receiver: { kind: 'applicant' },
      offlineInHand: false,
    });
    expect(noCard.ok || noCard.error.code).toBe('RETURN_RECEIVER_MISMATCH');
    const done = await ok<{ signed: boolean; slipPdfBase64: string; slipFileName: string }>(
      'return.record',
      {
        query: code,
        results: [{ name: 'Giấy khai sinh', pdfBase64: resultB64 }],
        receiver: { kind: 'post', address: 'Thôn 2, xã Bình Sơn' },
        offlineInHand: false,
      },
    );
    expect(done.signed).toBe(false);
    const slip = join(dataDir, done.slipFileName);
    writeFileSync(slip, Buffer.from(done.slipPdfBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', slip, '-'], { encoding: 'utf8' });
    expect(text).toContain(code);
    expect(text.toLowerCase()).toContain('chưa ký số');
    // The slip's QR at 200 dpi: a result hand-over (KQ) of this dossier, without an appointment.
    const slipQr = qrOnPage(slip);
    const fields = slipQr.split('*');
    expect(fields.slice(0, 6)).toEqual(['MC1', 'KQ', code, '1.001193', CITIZEN.idNumber, 'KMC']);
    expect(fields.slice(6)).toEqual([expect.stringMatching(/^\d{12}$/), '']);
    const after = await ok<Check>('return.check', { query: slipQr });
    expect(after).toMatchObject({ ready: false, returned: { hinhThuc: '1' } });
  });
});
