/**
 * Mẫu 04 through the core's dispatcher, as the staff screen sends it, with
 * the portal simulator as the portal: an overdue dossier gets the apology
 * with a new date counted on the working-day calendar (pdftotext reads the
 * date and the reason), the progress object and the update carrying the new
 * NgayHenTra reach the portal after the create, and the citizen's lookup
 * shows the apology with the new date and nothing personal; a dossier not
 * yet due is refused with a Vietnamese reason.
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
import { createWorkingCalendar, DEFAULT_OFFICE_HOURS } from '../../../electron/services/calendar';
import { apologyDueAt } from '../../../electron/services/forms/apology-due-date';
import { toPortalDateTime } from '../../../electron/services/portal-contract/portal-time';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { captureLogger } from '../../support/capture-logger';
import { CITIZEN, sampleDossier } from '../../fixtures/store/sample-dossier';
import { rememberSim, simFetch } from '../sync/peers';

const CLERK = { username: 'canbo1', password: 'mat-khau-can-bo-1' };
const COUNTER = 'Bộ phận Một cửa UBND xã Bình Sơn';
const REASON = 'Chờ xác minh thông tin hộ tịch tại nơi đăng ký trước đây';
const DAY = 24 * 3600_000;
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-forms-apology-'));
let sim: PortalSim;
let core: Core;

interface Notice {
  code: string;
  status: string;
  newDueAt: number | null;
  fileName: string;
  pdfBase64: string;
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

function pdfText(notice: Notice): string {
  const file = join(dataDir, notice.fileName);
  writeFileSync(file, Buffer.from(notice.pdfBase64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** dd/mm/yyyy and the receipt's "ngày d tháng m năm y" of an instant, in Vietnam time. */
function vnDays(at: number): { digits: string; words: string } {
  const t = toPortalDateTime(at);
  const [y, m, d] = [t.slice(0, 4), t.slice(4, 6), t.slice(6, 8)];
  return { digits: `${d}/${m}/${y}`, words: `ngày ${d} tháng ${m} năm ${y}` };
}

interface SimHistory {
  progress: { TrangThai: string; NoiDungXuLy: string }[];
  statuses: { status: string; source: string }[];
}

beforeAll(async () => {
  sim = await startPortalSim({ port: 0, faults: 0, dataDir: null, seed: 1 });
  rememberSim(sim);
  process.env.KIOSK_PORTAL_URL = sim.url;
  writeFileSync(
    join(dataDir, 'config.json'),
    JSON.stringify({ receipt: { place: 'Bình Sơn', collectAt: COUNTER } }),
  );
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

describe('forms.notice Mẫu 04', () => {
  it('refuses a dossier that is not past its appointment, in Vietnamese', async () => {
    const { code } = core.store.save(sampleDossier('not-late', { receivedAt: Date.now() }), 'test');
    const answer = await call('forms.notice', {
      kind: 'apology',
      query: code,
      reason: REASON,
      extraWorkingDays: 3,
    });
    if (answer.ok) throw new Error('an apology for a dossier not yet due was accepted');
    expect(answer.error.code).toBe('NOTICE_NOT_OVERDUE');
    // The clerk reads the code's Vietnamese text (the renderer's useApiErrorText).
    expect(apiErrorText(answer.error).vi).toContain('chưa quá hạn trả kết quả');
    expect(core.store.get(code, 'test').status).toBe('2');
  });

  it('refuses an overdue dossier the portal already says is finished (9), in Vietnamese, and records nothing', async () => {
    const { code } = core.store.save(
      sampleDossier('late-but-done', { receivedAt: Date.now() - 10 * DAY }),
      'test',
    );
    const dossier = core.store.get(code, 'test');
    // What the sync engine or the readiness refresh records when TraCuuHoSo answers 9.
    core.store.outbox.recordPortalStatus(dossier.id, '9', Date.now());
    const answer = await call('forms.notice', {
      kind: 'apology',
      query: code,
      reason: REASON,
      extraWorkingDays: 3,
    });
    if (answer.ok) throw new Error('an apology for a finished dossier was accepted');
    expect(answer.error.code).toBe('NOTICE_RESULT_READY');
    expect(apiErrorText(answer.error).vi).toContain('đã có kết quả');
    expect(core.store.get(code, 'test')).toMatchObject({ status: '2', dueAt: dossier.dueAt });
  });

  it('gives an overdue dossier a new date on the working-day calendar, queued after its create', async () => {
    const { code } = core.store.save(
      sampleDossier('late', { receivedAt: Date.now() - 10 * DAY }),
      'test',
    );
    const before = Date.now();
    const notice = await ok<Notice>('forms.notice', {
      kind: 'apology',
      query: code,
      reason: REASON,
      extraWorkingDays: 3,
    });
    const after = Date.now();
    expect(notice).toMatchObject({ code, status: '4' });
    if (notice.newDueAt === null) throw new Error('no new date');
    // The same built-in calendar the core loaded (the config names no adjustments file).
    const calendar = createWorkingCalendar();
    const expected = [before, after].map((t) =>
      apologyDueAt(t, 3, calendar, DEFAULT_OFFICE_HOURS).getTime(),
    );
    expect(expected).toContain(notice.newDueAt);
    const vnWeekday = new Date(notice.newDueAt + 7 * 3600_000).getUTCDay();
    expect([0, 6]).not.toContain(vnWeekday);
    expect(notice.newDueAt - before).toBeGreaterThanOrEqual(3 * DAY - DAY);

    const text = pdfText(notice);
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain(vnDays(notice.newDueAt).words);
    expect(text.replace(/\s+/g, ' ')).toContain(REASON);

    const stored = core.store.get(code, 'test');
    expect(stored.status).toBe('4');
    expect(stored.dueAt).toBe(notice.newDueAt);

    await until('the apology to reach the portal', async () => {
      const res = await simFetch(`${sim.url}/__sim/history?mahoso=${code}`);
      const history = (await res.json()) as SimHistory;
      return history.progress.some((p) => p.NoiDungXuLy.startsWith('Xin lỗi'));
    });
    const history = (await (
      await simFetch(`${sim.url}/__sim/history?mahoso=${code}`)
    ).json()) as SimHistory;
    expect(history.statuses[0]?.source).toBe('create');
    expect(history.progress.map((p) => p.TrangThai)).toEqual(['4']);
    await until('the update carrying the new NgayHenTra', async () => {
      const res = await simFetch(`${sim.url}/__sim/dossiers`);
      const { dossiers } = (await res.json()) as {
        dossiers: { MaHoSo: string; NgayHenTra: string }[];
      };
      const held = dossiers.find((d) => d.MaHoSo === code);
      return held?.NgayHenTra === toPortalDateTime(notice.newDueAt ?? 0);
    });

    const lookup = await ok<{ status: string; statusText: { vi: string } }>('status.lookup', {
      query: code,
    });
    expect(lookup.statusText.vi).toContain('xin lỗi');
    expect(lookup.statusText.vi).toContain(vnDays(notice.newDueAt).digits);
    const shown = JSON.stringify(lookup);
    for (const personal of [CITIZEN.name, CITIZEN.idNumber, CITIZEN.phone, REASON]) {
      expect(shown).not.toContain(personal);
    }

    // The new date is the appointment now: a second apology waits until it passes too.
    const again = await call('forms.notice', {
      kind: 'apology',
      query: code,
      reason: REASON,
      extraWorkingDays: 2,
    });
    expect(again.ok || again.error.code).toBe('NOTICE_NOT_OVERDUE');
  });

  it('a dossier asked for a supplement is sent to the named counter, without the list', async () => {
    const { code } = core.store.save(
      sampleDossier('supplement', { receivedAt: Date.now() }),
      'test',
    );
    await ok('forms.notice', {
      kind: 'supplement',
      query: code,
      missing: [`Giấy chứng sinh của cháu ${CITIZEN.name}`],
      reason: '',
    });
    const lookup = await ok<{ statusText: { vi: string } }>('status.lookup', { query: code });
    expect(lookup.statusText.vi).toContain(`Cần bổ sung hồ sơ — mời Ông/Bà đến quầy ${COUNTER}`);
    expect(JSON.stringify(lookup)).not.toContain('Giấy chứng sinh');
    expect(JSON.stringify(lookup)).not.toContain(CITIZEN.name);
  });
});
