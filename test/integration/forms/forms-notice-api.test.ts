/**
 * Mẫu 02 and 03 through the core's dispatcher, as the staff screen sends
 * them: the notice is recorded (status 5 or 3, its progress and update
 * queued for the portal) and answered as a PDF that pdftotext reads; a
 * dossier already refused gets no further notice; staff only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../electron/api/errors';
import { StaffAccounts } from '../../../electron/services/auth/staff-accounts';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { captureLogger } from '../../support/capture-logger';
import { sampleDossier } from '../../fixtures/store/sample-dossier';

const CLERK = { username: 'canbo1', password: 'mat-khau-can-bo-1' };
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-forms-notice-'));
let core: Core;

interface Notice {
  code: string;
  status: string;
  fileName: string;
  pdfBase64: string;
}

async function call<T>(method: string, params: unknown): Promise<ApiResult<T>> {
  return (await core.dispatch(method, params, { transport: 'local' })) as ApiResult<T>;
}

function pdfText(notice: Notice): string {
  const file = join(dataDir, notice.fileName);
  writeFileSync(file, Buffer.from(notice.pdfBase64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function queuedOps(code: string): string[] {
  return core.store.database
    .prepare<[string], { op: string }>(
      `SELECT o.op FROM outbox o JOIN dossiers d ON d.id = o.dossier_id WHERE d.code = ? ORDER BY o.seq`,
    )
    .all(code)
    .map((r) => r.op);
}

beforeAll(() => {
  // No portal: the outbox keeps what it queued, so the test can read it.
  process.env.KIOSK_PORTAL_URL = 'http://127.0.0.1:1';
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ receipt: { place: 'Bình Sơn' } }));
  core = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
});
afterAll(async () => {
  await core.dispose();
  delete process.env.KIOSK_PORTAL_URL;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('forms.notice', () => {
  it('answers nobody who is not signed in', async () => {
    const notice = await call('forms.notice', {
      kind: 'refused',
      query: '000.00.00.H00-261205-0001',
      reason: 'x',
    });
    expect(notice.ok || notice.error.code).toBe('AUTH_REQUIRED');
    await new StaffAccounts(core.store.database).create(CLERK.username, 'clerk', CLERK.password);
    expect((await call('auth.signIn', CLERK)).ok).toBe(true);
  });

  it('Mẫu 02 lists what is missing, moves the dossier to 5 and queues it for the portal', async () => {
    const { code } = core.store.save(
      sampleDossier('notice-02', { receivedAt: Date.now() }),
      'test',
    );
    const answer = await call<Notice>('forms.notice', {
      kind: 'supplement',
      query: code,
      missing: ['Giấy chứng sinh bản chính', 'Giấy chứng nhận kết hôn của cha mẹ'],
      reason: 'Bản sao chưa chứng thực',
    });
    if (!answer.ok) throw new Error(answer.error.code);
    expect(answer.value).toMatchObject({ code, status: '5' });
    const text = pdfText(answer.value);
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain('1. Giấy chứng sinh bản chính');
    expect(text).toContain('Bản sao chưa chứng thực');
    expect(core.store.get(code, 'test').status).toBe('5');
    expect(queuedOps(code).slice(-2)).toEqual(['progress', 'update-dossier']);
  });

  it('Mẫu 03 gives the reason and moves the dossier to 3; a refused dossier gets no further notice', async () => {
    const { code } = core.store.save(
      sampleDossier('notice-03', { receivedAt: Date.now() }),
      'test',
    );
    const answer = await call<Notice>('forms.notice', {
      kind: 'refused',
      query: code,
      reason: 'Thủ tục không thuộc thẩm quyền của xã',
    });
    if (!answer.ok) throw new Error(answer.error.code);
    expect(answer.value.status).toBe('3');
    expect(pdfText(answer.value)).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(core.store.get(code, 'test').status).toBe('3');
    const again = await call('forms.notice', {
      kind: 'supplement',
      query: code,
      missing: ['Tờ khai'],
      reason: '',
    });
    expect(again.ok || again.error.code).toBe('DOSSIER_INVALID');
  });
});
