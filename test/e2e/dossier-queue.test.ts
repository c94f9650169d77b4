import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskMigrations } from '../../electron/services/kiosk-migrations';
import { DossierStore } from '../../electron/services/store/dossier-store';
import { sampleDossier } from '../fixtures/store/sample-dossier';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { addStaff, CLERK, signInWithPassword } from './support/staff';
import { startShellProcess, type ShellProcess } from './support/shell-process';

const REJECTION = 'TrichYeuHoSo: trích yếu hồ sơ quá ngắn (422)';
let browser: Browser;
let shell: ShellProcess;
let page: Page;
let rejectedCode = '';

/** Two dossiers in the real store; the portal's rejection of one is recorded as the sync engine does. */
function seed(dataDir: string): void {
  addStaff(dataDir, CLERK);
  const store = DossierStore.open({
    dataDir,
    agencyCode: '000.00.00.H00',
    migrations: kioskMigrations,
  });
  try {
    const rejected = store.save(sampleDossier('rejected', { attachments: 1 }), 'seed');
    store.save(sampleDossier('waiting', { attachments: 1 }), 'seed');
    rejectedCode = rejected.code;
    const head = store.outbox
      .due(Date.now() + 1000, 10)
      .find((entry) => entry.dossierId === rejected.id);
    if (!head) throw new Error('no outbox row for the seeded dossier');
    store.outbox.park(head.id, REJECTION);
  } finally {
    store.close();
  }
}

beforeAll(async () => {
  shell = await startShellProcess({ mode: 'staff' }, {}, seed);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(shell.url);
  await signInWithPassword(page, CLERK);
});

afterAll(async () => {
  await browser.close();
  await shell.stop();
});

describe('the sync queue as staff see it', () => {
  it('shows the queue depth and the rejected dossier badge', async () => {
    await page.getByText('1 hồ sơ chờ đồng bộ').waitFor();
    await page.getByText('1 hồ sơ bị Cổng từ chối').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/staff-queue-badge.png` });
  });

  it("lists the rejected dossier with the portal's reason, and resubmits it after a fix", async () => {
    await page.getByRole('button', { name: /Danh sách hồ sơ/ }).click();
    await page.getByLabel('Trạng thái đồng bộ').selectOption('parked');
    const row = page.locator(`tr[data-code="${rejectedCode}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-sync')).toBe('parked');
    expect(await row.textContent()).toContain(REJECTION);
    await row.getByRole('button', { name: rejectedCode }).click();
    await expect(page.locator('.dossier-detail [role=alert]').textContent()).resolves.toContain(
      REJECTION,
    );
    await page.screenshot({ path: `${SCREENSHOTS}/staff-dossier-rejected.png`, fullPage: true });
    await page
      .getByLabel('Trích yếu hồ sơ')
      .fill('Đăng ký khai sinh cho cháu Trần Minh Khôi, sinh ngày 01/11/2026');
    await page.getByRole('button', { name: 'Sửa và gửi lại' }).click();
    await page.getByText('Đã đưa hồ sơ vào hàng đợi đồng bộ lại.').waitFor();
    await page.getByText('2 hồ sơ chờ đồng bộ').waitFor();
    expect(await page.getByText('bị Cổng từ chối').count()).toBe(0);
  });

  it('filters by the portal status as well as the sync state', async () => {
    await page.getByLabel('Trạng thái đồng bộ').selectOption('all');
    await page.getByLabel('Tình trạng hồ sơ').selectOption('2');
    await page.locator(`tr[data-code="${rejectedCode}"]`).waitFor();
    const statuses = await page
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['2']));
    await page.getByLabel('Tình trạng hồ sơ').selectOption('10');
    await page.getByText('Chưa có hồ sơ nào.').waitFor();
    await page.getByLabel('Tình trạng hồ sơ').selectOption('all');
  });

  it('serves no dossier to a page where nobody is signed in', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    const answer = await page.evaluate(async () => {
      const token = sessionStorage.getItem('kiosk.token') ?? '';
      const ws = new WebSocket(`ws://${location.host}/api`);
      return new Promise<string>((resolve) => {
        ws.onopen = () => {
          ws.send(JSON.stringify({ type: 'hello', token }));
          ws.send(JSON.stringify({ type: 'call', id: 1, method: 'dossier.list', params: {} }));
        };
        ws.onmessage = (event: MessageEvent<string>) => {
          const message = JSON.parse(event.data) as { type: string };
          if (message.type === 'result') resolve(event.data);
        };
      });
    });
    expect(JSON.parse(answer)).toMatchObject({
      result: { ok: false, error: { code: 'AUTH_REQUIRED' } },
    });
  });
});
