/**
 * A citizen at a self-service kiosk, with real peers: the virtual CCCD in
 * pcscd, SANE's test scanner, no staff signed in. The chip read vouches for
 * the applicant; the session prints its own receipt; session.end forgets the
 * read, the session's receipts and the scanned pages.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitizenWire } from '../../../electron/api/contract/citizen';
import type { ApiResult } from '../../../electron/api/errors';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { captureLogger } from '../../support/capture-logger';
import { startCardPeer, type CardPeer } from '../card/card-peer';
import { createSaneTestEnv, type SaneTestEnv } from '../scan/sane-test-env';

let peer: CardPeer;
let sane: SaneTestEnv;
let dataDir: string;
let kiosk: Core;
const saved: Record<string, string | undefined> = {};

async function call<T>(method: string, params: unknown): Promise<ApiResult<T>> {
  return (await kiosk.dispatch(method, params, { transport: 'local' })) as ApiResult<T>;
}

async function ok<T>(method: string, params: unknown): Promise<T> {
  const result = await call<T>(method, params);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function scanOne(component: string): Promise<string> {
  const result = await ok<{ jobId: string; pages: unknown[] }>('scan.start', {
    device: 'sane:test:0',
    source: 'adf',
    resolution: 100,
    mode: 'gray',
    maxPages: 1,
    removeBlank: false,
    component,
  });
  expect(result.pages).toHaveLength(1);
  return result.jobId;
}

function birthRequest(citizen: CitizenWire, jobs: readonly [string, string]) {
  return {
    procedureCode: '1.001193',
    applicant: { citizen },
    formValues: {
      registrantName: citizen.fullName,
      registrantId: citizen.id,
      registrantResidence: citizen.placeOfResidence ?? 'Quảng Ngãi',
      relationship: 'mother',
      childName: 'Lê Minh Châu',
      childBirthDate: '02/11/2026',
      childSex: 'female',
      childBirthPlace: 'Trạm y tế xã Bình Sơn',
      childEthnicity: 'Kinh',
      childNationality: 'Việt Nam',
    },
    components: [
      { code: 'TO_KHAI', jobId: jobs[0], pageOrder: [0] },
      { code: 'GIAY_CHUNG_SINH', jobId: jobs[1], pageOrder: [0] },
    ],
  };
}

beforeAll(async () => {
  peer = await startCardPeer();
  sane = createSaneTestEnv();
  for (const key of ['SANE_CONFIG_DIR', 'KIOSK_PORTAL_URL']) saved[key] = process.env[key];
  process.env.SANE_CONFIG_DIR = sane.dir;
  // Nothing listens on the discard port: this kiosk is offline, dossiers wait in the queue.
  process.env.KIOSK_PORTAL_URL = 'http://127.0.0.1:9';
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-self-service-'));
  writeFileSync(
    join(dataDir, 'config.json'),
    JSON.stringify({ mode: 'kiosk', card: { trustDir: peer.trustDir } }),
  );
  kiosk = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
});

afterAll(async () => {
  await (kiosk as Core | undefined)?.dispose();
  await (peer as CardPeer | undefined)?.close();
  sane.dispose();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) Reflect.deleteProperty(process.env, key);
    else process.env[key] = value;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a citizen at a self-service kiosk', () => {
  let citizen: CitizenWire;
  let jobs: [string, string];
  let code = '';

  it('reads the chip and scans both required documents without any staff sign-in', async () => {
    const access = peer.access;
    if (!('doc' in access)) throw new Error('unreachable');
    const read = await ok<{ citizen: CitizenWire }>('card.read', {
      access: { doc: access.doc, dob: access.dob, expiry: access.expiry },
      waitSeconds: 10,
    });
    citizen = read.citizen;
    expect(citizen.source).toBe('chip');
    jobs = [await scanOne('Tờ khai'), await scanOne('Giấy chứng sinh')];
  });

  it('a chip applicant whose name was changed in the page is APPLICANT_NOT_VERIFIED', async () => {
    const forged = { ...citizen, fullName: 'Người Khác' };
    const result = await call('dossier.create', birthRequest(forged, jobs));
    expect(result.ok || result.error.code).toBe('APPLICANT_NOT_VERIFIED');
  });

  it('the chip applicant saves a kiosk-channel dossier and prints its own receipt', async () => {
    const created = await ok<{ code: string; depth: { pending: number } }>(
      'dossier.create',
      birthRequest(citizen, jobs),
    );
    code = created.code;
    expect(created.depth.pending).toBe(1);
    const view = kiosk.store.get(code, 'test');
    expect(view).toMatchObject({ channel: 'kiosk', staffId: null });
    expect(view.applicant).toMatchObject({ source: 'chip', idNumber: citizen.id });
    const receipt = await ok<{ pages: number }>('dossier.receipt', { idOrCode: code });
    expect(receipt.pages).toBeGreaterThanOrEqual(2);
  });

  it('after session.end the receipt, the chip read and the scanned pages are gone', async () => {
    const leftover = await scanOne('Tờ khai');
    const jobsDir = join(dataDir, 'scans', 'scan-jobs');
    expect(readdirSync(jobsDir)).toContain(leftover);
    await ok('session.end', { reason: 'idle' });
    expect(readdirSync(jobsDir)).toEqual([]);
    const receipt = await call('dossier.receipt', { idOrCode: code });
    expect(receipt.ok || receipt.error.code).toBe('AUTH_REQUIRED');
    const again = await call('dossier.create', birthRequest(citizen, [leftover, leftover]));
    expect(again.ok || again.error.code).toBe('APPLICANT_NOT_VERIFIED');
    const lookup = await ok<{ status: string; syncState: string }>('status.lookup', {
      query: code,
    });
    expect(lookup).toMatchObject({ status: '2', syncState: 'pending' });
  });
});
