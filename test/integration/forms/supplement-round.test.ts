/**
 * The supplement round (issue 17 item 2): after a Mẫu 02, the papers the
 * citizen brings later are received into the same dossier with a new
 * appointment on the working-day calendar. Through the core's dispatcher
 * with the portal simulator: both steps queue behind the dossier's create
 * in the order they happened (progress 5, then 4), the simulator ends with
 * the dossier back at 4, the new NgayHenTra and one DanhSachHoSoBoSung round
 * naming what was asked and what was received; the citizen's lookup shows
 * the dossier in progress again with nothing personal. A dossier that was
 * never asked for a supplement is refused with the reason.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorText } from '../../../electron/api/error-messages';
import type { ApiResult } from '../../../electron/api/errors';
import { startPortalSim, type PortalSim } from '../../../electron/portal-sim/portal-sim-server';
import { StaffAccounts } from '../../../electron/services/auth/staff-accounts';
import { toPortalDateTime } from '../../../electron/services/portal-contract/portal-time';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { captureLogger } from '../../support/capture-logger';
import { CITIZEN, sampleDossier } from '../../fixtures/store/sample-dossier';
import { rememberSim, simFetch } from '../sync/peers';

const CLERK = { username: 'canbo1', password: 'mat-khau-can-bo-1' };
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-supplement-round-'));
let sim: PortalSim;
let core: Core;

interface Notice {
  code: string;
  status: string;
  newDueAt: number | null;
  fileName: string;
  pdfBase64: string;
}
interface HeldDossier {
  MaHoSo: string;
  TrangThaiHoSo: string;
  NgayHenTra: string;
  DanhSachHoSoBoSung?: Record<string, unknown>[];
}

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

async function held(code: string): Promise<HeldDossier | undefined> {
  const res = await simFetch(`${sim.url}/__sim/dossiers`);
  const { dossiers } = (await res.json()) as { dossiers: HeldDossier[] };
  return dossiers.find((d) => d.MaHoSo === code);
}

beforeAll(async () => {
  sim = await startPortalSim({ port: 0, faults: 0, dataDir: null, seed: 1 });
  rememberSim(sim);
  process.env.KIOSK_PORTAL_URL = sim.url;
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ receipt: { place: 'Bình Sơn' } }));
  core = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
  await new StaffAccounts(core.store.database).create(CLERK.username, 'clerk', CLERK.password);
  await ok('auth.signIn', CLERK);
});

afterAll(async () => {
  await core.dispose();
  await sim.close();
  delete process.env.KIOSK_PORTAL_URL;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a supplement round after Mẫu 02', () => {
  it('is received into the same dossier with a new date and reaches the portal in order as a DanhSachHoSoBoSung round', async () => {
    const { code } = core.store.save(sampleDossier('round', { receivedAt: Date.now() }), 'test');
    const firstDue = core.store.get(code, 'test').dueAt;
    // Both steps are taken before the create is even sent: the outbox must still keep them behind it.
    await ok<Notice>('forms.notice', {
      kind: 'supplement',
      query: code,
      missing: ['Giấy chứng sinh bản chính'],
      reason: '',
    });
    const round = await ok<Notice>('forms.notice', {
      kind: 'supplement-received',
      query: code,
      received: ['Giấy chứng sinh bản chính'],
      reason: '',
      extraWorkingDays: 5,
    });
    expect(round).toMatchObject({ code, status: '4' });
    if (round.newDueAt === null) throw new Error('no new date');
    const vnWeekday = new Date(round.newDueAt + 7 * 3600_000).getUTCDay();
    expect([0, 6]).not.toContain(vnWeekday);
    expect(core.store.get(code, 'test')).toMatchObject({ status: '4', dueAt: round.newDueAt });

    const file = join(dataDir, round.fileName);
    writeFileSync(file, Buffer.from(round.pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('PHIẾU TIẾP NHẬN HỒ SƠ BỔ SUNG');
    expect(text).toContain('1. Giấy chứng sinh bản chính');

    await until('the round to reach the portal', async () => {
      return (await held(code))?.DanhSachHoSoBoSung?.[0]?.TrangThaiBoSung === '1';
    });
    const history = (await (await simFetch(`${sim.url}/__sim/history?mahoso=${code}`)).json()) as {
      progress: { TrangThai: string }[];
      statuses: { source: string }[];
    };
    expect(history.statuses[0]?.source).toBe('create');
    expect(history.progress.map((p) => p.TrangThai)).toEqual(['5', '4']);
    const dossier = await held(code);
    expect(dossier).toMatchObject({
      TrangThaiHoSo: '4',
      NgayHenTra: toPortalDateTime(round.newDueAt),
    });
    expect(dossier?.DanhSachHoSoBoSung).toHaveLength(1);
    expect(dossier?.DanhSachHoSoBoSung?.[0]).toMatchObject({
      NoiDungBoSung: 'Giấy chứng sinh bản chính',
      ThongTinTiepNhan: 'Giấy chứng sinh bản chính',
      TrangThaiBoSung: '1',
      NgayHenTraTruoc: toPortalDateTime(firstDue),
      NgayHenTraMoi: toPortalDateTime(round.newDueAt),
      DanhSachGiayToBoSung: [{ TenGiayTo: 'Giấy chứng sinh bản chính' }],
    });

    const lookup = await ok<{ status: string; statusText: { vi: string } }>('status.lookup', {
      query: code,
    });
    expect(lookup.status).toBe('4');
    expect(lookup.statusText.vi).not.toContain('Cần bổ sung');
    expect(JSON.stringify(lookup)).not.toContain(CITIZEN.name);
    expect(JSON.stringify(lookup)).not.toContain('Giấy chứng sinh');
  }, 60_000);

  it('refuses a supplement for a dossier that was not asked for one, in Vietnamese, and records nothing', async () => {
    const { code } = core.store.save(sampleDossier('no-ask', { receivedAt: Date.now() }), 'test');
    const answer = await call('forms.notice', {
      kind: 'supplement-received',
      query: code,
      received: ['Tờ khai'],
      reason: '',
      extraWorkingDays: 3,
    });
    if (answer.ok) throw new Error('a supplement without a Mẫu 02 was received');
    expect(answer.error.code).toBe('NOTICE_NO_SUPPLEMENT_ASKED');
    expect(apiErrorText(answer.error).vi).toContain('Chờ bổ sung');
    expect(core.store.get(code, 'test').status).toBe('2');
  });
});
