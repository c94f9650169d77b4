/**
 * Issue 13: the counter's intake wizard keeps its draft in the core. Against
 * a real browser shell process over its API socket: a clerk's tab closes
 * mid-reception (the sign-in ends with the socket), the same clerk signs in
 * on a new connection and gets the draft back; nobody else does; it is sealed
 * on disk; a malformed draft is refused at the boundary; "Bỏ bản nháp" drops it,
 * and so does saving the dossier.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShellProcess, type ShellProcess } from '../../e2e/support/shell-process';
import { addStaff, CLERK, type StaffUser } from '../../e2e/support/staff';
import { sampleCitizen } from '../../fixtures/citizen/sample-citizen';
import { renderPage } from '../../fixtures/ocr/vietnamese-pages';
import { openApiSocket, type ApiSocket } from '../../support/api-socket';

const OTHER: StaffUser = { username: 'canbo2', password: 'mat-khau-can-bo-2' };
const NAME = 'Phạm Thị Hồng Nhung';
const ID = '079190012345';

const draft = {
  step: 'form',
  reached: 2,
  procedureCode: '1.001193',
  applicant: {
    fields: {
      fullName: NAME,
      id: ID,
      birthDate: '14/03/1990',
      sex: 'female',
      residence: 'Phường Bến Nghé, Thành phố Hồ Chí Minh',
      oldId: '',
      phone: '0912345678',
    },
    source: 'typed',
    citizen: null,
    card: null,
  },
  values: { registrantName: NAME, registrantId: ID, childName: 'Lê Minh Khang' },
  fromCard: [],
};

let shell: ShellProcess;

beforeAll(async () => {
  shell = await startShellProcess({ mode: 'staff' }, {}, (dataDir) => {
    addStaff(dataDir, CLERK);
    addStaff(dataDir, OTHER);
  });
}, 120_000);
afterAll(async () => {
  await (shell as ShellProcess | undefined)?.stop();
});

describe('the intake draft survives a closed tab, for its clerk only', () => {
  it('nobody signed in can neither keep nor read a draft', async () => {
    const page = await openApiSocket(shell.url);
    expect((await page.call('draft.save', { draft })).error?.code).toBe('AUTH_REQUIRED');
    expect((await page.call('draft.get')).error?.code).toBe('AUTH_REQUIRED');
    await page.close();
  });

  it('kept, the tab closed, signed in again: the same draft comes back, with the end of the day', async () => {
    const first = await openApiSocket(shell.url);
    expect((await first.call('auth.signIn', CLERK)).ok).toBe(true);
    const saved = await first.call('draft.save', { draft });
    expect(saved.ok).toBe(true);
    const { savedAt, expiresAt } = saved.value as { savedAt: number; expiresAt: number };
    // The end of the working day in Vietnam: the next midnight at UTC+7.
    expect(expiresAt).toBeGreaterThan(savedAt);
    expect(expiresAt - savedAt).toBeLessThanOrEqual(86_400_000);
    expect((expiresAt + 7 * 3600_000) % 86_400_000).toBe(0);
    await first.close();

    const again = await openApiSocket(shell.url);
    expect((await again.call('draft.get')).error?.code).toBe('AUTH_REQUIRED');
    expect((await again.call('auth.signIn', CLERK)).ok).toBe(true);
    const back = await again.call('draft.get');
    expect(back).toMatchObject({ ok: true, value: { saved: { draft, savedAt, expiresAt } } });
    await again.close();
  });

  it('another clerk on the same machine does not see it', async () => {
    const other = await openApiSocket(shell.url);
    expect((await other.call('auth.signIn', OTHER)).ok).toBe(true);
    expect(await other.call('draft.get')).toMatchObject({ ok: true, value: { saved: null } });
    expect(await other.call('draft.discard')).toMatchObject({
      ok: true,
      value: { discarded: false },
    });
    await other.close();
  });

  it('the applicant is not in the database files as text', () => {
    for (const file of ['kiosk.sqlite3', 'kiosk.sqlite3-wal']) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(shell.dataDir, file));
      } catch {
        continue;
      }
      expect(bytes.includes(Buffer.from('Hồng Nhung', 'utf8')), file).toBe(false);
      expect(bytes.includes(Buffer.from(ID, 'utf8')), file).toBe(false);
    }
  });

  it('a malformed draft is refused before the store sees it, and the kept one stands', async () => {
    const page = await openApiSocket(shell.url);
    expect((await page.call('auth.signIn', CLERK)).ok).toBe(true);
    for (const bad of [
      { ...draft, step: 'receipt' },
      { ...draft, values: { 'not a key': 'x' } },
      { ...draft, procedureCode: '<script>' },
      { ...draft, extra: true },
    ]) {
      const answer = await page.call('draft.save', { draft: bad });
      expect(answer.ok, JSON.stringify(bad).slice(0, 60)).toBe(false);
    }
    expect(await page.call('draft.get')).toMatchObject({ ok: true, value: { saved: { draft } } });
    await page.close();
  });

  it('"Bỏ bản nháp" drops it: the next sign-in offers nothing', async () => {
    const page = await openApiSocket(shell.url);
    expect((await page.call('auth.signIn', CLERK)).ok).toBe(true);
    expect(await page.call('draft.discard')).toMatchObject({
      ok: true,
      value: { discarded: true },
    });
    await page.close();
    const later = await openApiSocket(shell.url);
    expect((await later.call('auth.signIn', CLERK)).ok).toBe(true);
    expect(await later.call('draft.get')).toMatchObject({ ok: true, value: { saved: null } });
    await later.close();
  });

  it('saving the dossier drops the draft in the core', async () => {
    const page = await openApiSocket(shell.url);
    expect((await page.call('auth.signIn', CLERK)).ok).toBe(true);
    expect((await page.call('draft.save', { draft })).ok).toBe(true);
    const png = Buffer.from(await renderPage('TỜ KHAI ĐĂNG KÝ KHAI SINH')).toString('base64');
    const job = async (socket: ApiSocket, component: string) => {
      const imported = await socket.call('component.import', {
        component,
        fileName: `${component}.png`,
        mime: 'image/png',
        dataBase64: png,
      });
      expect(imported.ok, JSON.stringify(imported.error)).toBe(true);
      return (imported.value as { jobId: string }).jobId;
    };
    const created = await page.call('dossier.create', {
      procedureCode: '1.001193',
      applicant: {
        citizen: sampleCitizen({
          id: ID,
          fullName: NAME,
          birthDate: '1990-03-14',
          sex: 'female',
          placeOfResidence: 'Phường Bến Nghé, Thành phố Hồ Chí Minh',
          source: 'typed',
        }),
        phone: '0912345678',
      },
      formValues: {
        registrantName: NAME,
        registrantId: ID,
        registrantResidence: 'Phường Bến Nghé, Thành phố Hồ Chí Minh',
        registrantPhone: '0912345678',
        relationship: 'mother',
        childName: 'Lê Minh Khang',
        childBirthDate: '01/11/2026',
        childSex: 'male',
        childBirthPlace: 'Bệnh viện Từ Dũ',
        childEthnicity: 'Kinh',
        childNationality: 'Việt Nam',
      },
      components: [
        { code: 'TO_KHAI', jobId: await job(page, 'Tờ khai'), pageOrder: [0] },
        { code: 'GIAY_CHUNG_SINH', jobId: await job(page, 'Giấy chứng sinh'), pageOrder: [0] },
      ],
    });
    expect(created.ok, JSON.stringify(created.error)).toBe(true);
    expect(await page.call('draft.get')).toMatchObject({ ok: true, value: { saved: null } });
    await page.close();
  }, 120_000);
});
